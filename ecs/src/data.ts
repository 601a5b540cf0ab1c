import { Duration, Fn, RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from './acknowledge';

export interface DataProps {
  vpc: ec2.IVpc;
  auroraMinCapacity: number;
  auroraMaxCapacity: number;
}

export const DATABASE_NAME = 'r2w';
const DATABASE_PORT = 5432;
const REDIS_PORT = 6380;

const NO_ROTATION =
  'Not rotated automatically: DATABASE_URL and REDIS_URL are secrets composed from this value at deployment, so a rotation would leave them stale; rotate by hand as ecs/README.md describes.';

/**
 * Aurora Serverless v2 PostgreSQL and ElastiCache Redis (TLS and AUTH), in the isolated
 * subnets. The app reads one URL for each, so each also gets a secret holding its full URL,
 * composed by CloudFormation from the generated credentials: no password is ever in the
 * template or in a task definition's plain environment.
 */
export class Data extends Construct {
  readonly database: rds.DatabaseCluster;
  readonly databaseSecret: secretsmanager.ISecret;
  readonly databaseUrl: secretsmanager.Secret;
  readonly redis: elasticache.CfnReplicationGroup;
  readonly redisSecurityGroup: ec2.SecurityGroup;
  readonly redisAuthToken: secretsmanager.Secret;
  readonly redisUrl: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const isolated = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };

    this.database = new rds.DatabaseCluster(this, 'Aurora', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_6 }),
      credentials: rds.Credentials.fromGeneratedSecret('r2w'),
      defaultDatabaseName: DATABASE_NAME,
      port: DATABASE_PORT,
      vpc: props.vpc,
      vpcSubnets: isolated,
      writer: rds.ClusterInstance.serverlessV2('writer', { publiclyAccessible: false }),
      serverlessV2MinCapacity: props.auroraMinCapacity,
      serverlessV2MaxCapacity: props.auroraMaxCapacity,
      storageEncrypted: true,
      backup: { retention: Duration.days(14), preferredWindow: '03:00-04:00' },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      iamAuthentication: true,
      cloudwatchLogsExports: ['postgresql'],
      // Parameters so that pg reaches it only over TLS.
      parameters: { 'rds.force_ssl': '1' },
    });
    this.databaseSecret = this.database.secret!;
    acknowledge(this.database, {
      'AwsSolutions-SMG4': NO_ROTATION,
    });

    const dbJson = (field: string) => this.databaseSecret.secretValueFromJson(field).unsafeUnwrap();
    // pg verifies the server certificate only with the RDS CA bundle in its trust store
    // (NODE_EXTRA_CA_CERTS): until the image carries it, the connection is encrypted but unverified.
    this.databaseUrl = new secretsmanager.Secret(this, 'DatabaseUrl', {
      description: 'DATABASE_URL of the API and worker: postgresql://… composed from the Aurora secret at deployment.',
      secretStringValue: SecretValue.unsafePlainText(
        Fn.join('', ['postgresql://', dbJson('username'), ':', dbJson('password'), '@', this.database.clusterEndpoint.hostname, `:${DATABASE_PORT}/${DATABASE_NAME}?sslmode=no-verify`]),
      ),
    });
    acknowledge(this.databaseUrl, { 'AwsSolutions-SMG4': NO_ROTATION });

    this.redisAuthToken = new secretsmanager.Secret(this, 'RedisAuthToken', {
      description: 'AUTH token of the ElastiCache Redis replication group.',
      // ElastiCache refuses @, ", / and most punctuation in a token.
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    acknowledge(this.redisAuthToken, { 'AwsSolutions-SMG4': NO_ROTATION });

    this.redisSecurityGroup = new ec2.SecurityGroup(this, 'RedisSecurityGroup', { vpc: props.vpc, description: 'ElastiCache Redis: only the API and worker tasks', allowAllOutbound: false });
    const subnets = new elasticache.CfnSubnetGroup(this, 'RedisSubnets', {
      description: 'Isolated subnets of the Redis replication group',
      subnetIds: props.vpc.selectSubnets(isolated).subnetIds,
    });
    this.redis = new elasticache.CfnReplicationGroup(this, 'Redis', {
      replicationGroupDescription: 'Sessions, rate limits and progress events of the API',
      engine: 'redis',
      engineVersion: '7.1',
      cacheNodeType: 'cache.t4g.micro',
      // A primary and a replica in another zone: losing Redis signs every user out.
      numCacheClusters: 2,
      automaticFailoverEnabled: true,
      multiAzEnabled: true,
      port: REDIS_PORT,
      transitEncryptionEnabled: true,
      atRestEncryptionEnabled: true,
      authToken: this.redisAuthToken.secretValue.unsafeUnwrap(),
      cacheSubnetGroupName: subnets.ref,
      securityGroupIds: [this.redisSecurityGroup.securityGroupId],
      snapshotRetentionLimit: 1,
    });

    this.redisUrl = new secretsmanager.Secret(this, 'RedisUrl', {
      description: 'REDIS_URL of the API and worker: rediss://:<token>@<primary endpoint>, composed at deployment.',
      secretStringValue: SecretValue.unsafePlainText(Fn.join('', ['rediss://:', this.redisAuthToken.secretValue.unsafeUnwrap(), '@', this.redis.attrPrimaryEndPointAddress, `:${REDIS_PORT}`])),
    });
    acknowledge(this.redisUrl, { 'AwsSolutions-SMG4': NO_ROTATION });
  }

  allowFrom(peer: ec2.IConnectable): void {
    this.database.connections.allowDefaultPortFrom(peer, 'the app reaches PostgreSQL');
    this.redisSecurityGroup.connections.allowFrom(peer, ec2.Port.tcp(REDIS_PORT), 'the app reaches Redis');
  }
}
