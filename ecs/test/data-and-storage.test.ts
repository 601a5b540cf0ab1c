import { Match } from 'aws-cdk-lib/assertions';
import { IMAGES_KEPT } from '../src/registry';
import { resourceNamed, synthesizedTemplate, writtenOut } from './support/synthesized';

// Network, the data stores, the buckets, the queues, the image repositories and the secrets.

const template = synthesizedTemplate();

const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const secretProps = (prefix: string) => resourceNamed(template, 'AWS::SecretsManager::Secret', prefix);

describe('network', () => {
  it('has public, private and isolated subnets in two zones, one NAT gateway, an S3 gateway endpoint and flow logs', () => {
    template.resourceCountIs('AWS::EC2::Subnet', 6);
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway', ServiceName: { 'Fn::Join': ['', Match.arrayWith(['.s3'])] } });
    template.hasResourceProperties('AWS::EC2::FlowLog', { ResourceType: 'VPC', TrafficType: 'REJECT', LogDestinationType: 'cloud-watch-logs' });
  });
});

describe('Aurora Serverless v2', () => {
  it('is encrypted PostgreSQL with backups, deletion protection and TLS, in the isolated subnets', () => {
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      Engine: 'aurora-postgresql',
      EngineVersion: Match.stringLikeRegexp('^16\\.'),
      DatabaseName: 'r2w',
      StorageEncrypted: true,
      BackupRetentionPeriod: 14,
      DeletionProtection: true,
      ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 4 },
      EnableCloudwatchLogsExports: ['postgresql'],
    });
    template.hasResource('AWS::RDS::DBCluster', { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' });
    template.hasResourceProperties('AWS::RDS::DBInstance', { DBInstanceClass: 'db.serverless', Engine: 'aurora-postgresql', PubliclyAccessible: false });
    template.hasResourceProperties('AWS::RDS::DBClusterParameterGroup', { Parameters: { 'rds.force_ssl': '1' } });
    const subnets = resourceNamed(template, 'AWS::RDS::DBSubnetGroup', 'DataAurora').props.SubnetIds as { Ref: string }[];
    expect(subnets.map((s) => s.Ref)).toEqual([expect.stringMatching(/^NetworkVpcdataSubnet1/), expect.stringMatching(/^NetworkVpcdataSubnet2/)]);
  });

  it('gives the app DATABASE_URL as a secret composed from the generated credentials, with no password in the template', () => {
    // The Aurora secret as attached to the cluster (CloudFormation resolves it at deployment).
    const attachment = resourceNamed(template, 'AWS::SecretsManager::SecretTargetAttachment', 'DataAuroraSecretAttachment').id;
    const url = writtenOut(secretProps('DataDatabaseUrl').props.SecretString);
    const resolve = (field: string) => `{{resolve:secretsmanager:<${attachment}>:SecretString:${field}::}}`;
    expect(url).toMatch(new RegExp(`^postgresql://${esc(resolve('username'))}:${esc(resolve('password'))}@<DataAurora[0-9A-F]{8}\\.Endpoint\\.Address>:5432/r2w\\?sslmode=no-verify$`));
  });
});

describe('ElastiCache Redis', () => {
  it('runs with TLS, encryption at rest and an AUTH token from Secrets Manager, on a replica in another zone', () => {
    template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      Engine: 'redis',
      TransitEncryptionEnabled: true,
      AtRestEncryptionEnabled: true,
      AutomaticFailoverEnabled: true,
      MultiAZEnabled: true,
      NumCacheClusters: 2,
    });
    const token = secretProps('DataRedisAuthToken');
    expect(token.props.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
    expect(writtenOut(resourceNamed(template, 'AWS::ElastiCache::ReplicationGroup', 'DataRedis').props.AuthToken)).toBe(`{{resolve:secretsmanager:<${token.id}>:SecretString:::}}`);
  });

  it('gives the app REDIS_URL as a rediss:// secret', () => {
    const token = secretProps('DataRedisAuthToken').id;
    expect(writtenOut(secretProps('DataRedisUrl').props.SecretString)).toMatch(
      new RegExp(`^rediss://:${esc(`{{resolve:secretsmanager:<${token}>:SecretString:::}}`)}@<DataRedis[0-9A-F]{8}\\.PrimaryEndPoint\\.Address>:6380$`),
    );
  });

  it('admits only the app tasks to PostgreSQL and Redis', () => {
    const appGroup = { 'Fn::GetAtt': [expect.stringMatching(/^ServicesAppSecurityGroup/), 'GroupId'] };
    const ingress = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')).map((r) => r.Properties);
    expect(ingress).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ FromPort: { 'Fn::GetAtt': [expect.stringMatching(/^DataAurora/), 'Endpoint.Port'] }, SourceSecurityGroupId: appGroup }),
        expect.objectContaining({ FromPort: 6380, SourceSecurityGroupId: appGroup, GroupId: { 'Fn::GetAtt': [expect.stringMatching(/^DataRedisSecurityGroup/), 'GroupId'] } }),
      ]),
    );
  });
});

describe('buckets', () => {
  const data = resourceNamed(template, 'AWS::S3::Bucket', 'StorageData').props;
  const rule = (id: string) => (data.LifecycleConfiguration.Rules as Record<string, unknown>[]).find((r) => r.Id === id);

  it('keep the app bucket private, encrypted, versioned and logged', () => {
    expect(data).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: { DestinationBucketName: { Ref: expect.stringMatching(/^StorageAccessLogs/) } },
    });
  });

  it('move uploads to Intelligent-Tiering and expire build jobs and deleted versions after BUILD_RETENTION_DAYS', () => {
    expect(rule('uploads-intelligent-tiering')).toMatchObject({ Prefix: 'uploads/', Status: 'Enabled', Transitions: [{ StorageClass: 'INTELLIGENT_TIERING', TransitionInDays: 0 }] });
    expect(rule('expire-build-jobs')).toMatchObject({ Prefix: 'builds/', ExpirationInDays: 14 });
    expect(rule('expire-deleted-versions')).toMatchObject({ NoncurrentVersionExpiration: { NoncurrentDays: 14 }, ExpiredObjectDeleteMarker: true });
    // Published sites are never expired by a rule: only the app's sweep removes unpublished ones.
    expect((data.LifecycleConfiguration.Rules as { Prefix?: string }[]).some((r) => r.Prefix?.startsWith('sites'))).toBe(false);
  });

  it('refuse plain HTTP on every bucket', () => {
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy')).map((r) => JSON.stringify(r.Properties.PolicyDocument));
    expect(policies).toHaveLength(3);
    for (const policy of policies) expect(policy).toContain('"aws:SecureTransport":"false"');
  });
});

describe('queues', () => {
  it('send an extraction job to the dead-letter queue after five deliveries, both encrypted', () => {
    const dlq = resourceNamed(template, 'AWS::SQS::Queue', 'MessagingExtractionDeadLetters');
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 120,
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlq.id, 'Arn'] }, maxReceiveCount: 5 },
    });
    expect(dlq.props).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
  });
});

describe('image repositories', () => {
  it('scan on push and keep the newest images for rollback', () => {
    for (const name of ['RegistryApi', 'RegistryBuilder']) {
      const repository = resourceNamed(template, 'AWS::ECR::Repository', name).props;
      expect(repository.ImageScanningConfiguration).toEqual({ ScanOnPush: true });
      const rules = JSON.parse(repository.LifecyclePolicy.LifecyclePolicyText).rules;
      expect(rules).toEqual([
        expect.objectContaining({ selection: expect.objectContaining({ tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }) }),
        expect.objectContaining({ selection: expect.objectContaining({ tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: IMAGES_KEPT }) }),
      ]);
    }
  });
});

describe('secrets', () => {
  it('generate the JWT secret and hold a placeholder the app refuses for the Anthropic key', () => {
    expect(secretProps('SecretsJwtSecret').props.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
    // Shorter than the 10 characters backend/src/config/env.ts asks of a key: the API refuses to start until it is filled.
    expect(secretProps('SecretsAnthropicApiKey').props.SecretString.length).toBeLessThan(10);
  });
});
