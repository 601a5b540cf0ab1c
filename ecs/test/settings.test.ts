import { App } from 'aws-cdk-lib';
import { readSettings } from '../src/settings';
import cdkJson from '../cdk.json';
import { resourceNamed, synthesize } from './support/synthesized';

// Deployment settings from CDK context: checked with a sentence, and each one reaching the stack.

const settingsOf = (overrides: Record<string, unknown>) => readSettings(new App({ context: { ...cdkJson.context, ...overrides } }).node);

describe('deployment settings', () => {
  it('reads cdk.json as it stands', () => {
    expect(settingsOf({})).toMatchObject({ region: 'us-east-1', buildRetentionDays: 14, logRetentionDays: 30, imageTag: 'latest', servicesRunning: true, useClaude: true, alarmEmail: '' });
  });

  it('takes -c values, which arrive as strings', () => {
    expect(settingsOf({ buildRetentionDays: '30', servicesRunning: 'false', auroraMinCapacity: '0' })).toMatchObject({ buildRetentionDays: 30, servicesRunning: false, auroraMinCapacity: 0 });
  });

  it.each([
    [{ buildRetentionDays: 0 }, /"buildRetentionDays" must be a whole number of days, 1 to 365 \(got 0\)/],
    [{ buildRetentionDays: '2.5' }, /"buildRetentionDays" must be a whole number of days/],
    [{ logRetentionDays: 31 }, /"logRetentionDays" must be one of CloudWatch's retention periods/],
    [{ imageTag: 'has space' }, /"imageTag" must be a Docker image tag/],
    [{ servicesRunning: 'yes' }, /"servicesRunning" must be true or false/],
    [{ auroraMinCapacity: 0.3 }, /"auroraMinCapacity" must be 0 to 256 ACU in steps of 0.5/],
    [{ auroraMaxCapacity: 0.5 }, /"auroraMaxCapacity" must be 1 to 256 ACU/],
    [{ region: 'mars-1' }, /"region" must be an AWS region/],
    [{ alarmEmail: 'ops' }, /"alarmEmail" must be an e-mail address/],
    [{ mailFrom: 'no-reply' }, /"mailFrom" must be an address/],
    [{ mailFrom: '' }, /"mailFrom" is required/],
    [{ domainName: 'cv.example.com' }, /"domainName" and certificateArn must be given together/],
    [{ domainName: 'cv.example.com', certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc' }, /"certificateArn" must be an ACM certificate ARN in us-east-1/],
  ])('refuses %j with a sentence', (overrides, message) => {
    expect(() => settingsOf(overrides)).toThrow(message);
  });
});

describe('a first deployment with a custom domain and no Claude', () => {
  const { template } = synthesize({
    servicesRunning: false,
    useClaude: false,
    buildRetentionDays: '30',
    domainName: 'cv.example.com',
    certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0b6a2f4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  });
  const services = Object.values(template.findResources('AWS::ECS::Service')).map((r) => r.Properties);
  const api = resourceNamed(template, 'AWS::ECS::TaskDefinition', 'ServicesApiTask').props.ContainerDefinitions[0];
  const environment = Object.fromEntries((api.Environment as { Name: string; Value: unknown }[]).map((e) => [e.Name, e.Value]));

  it('creates the services with no task until images exist', () => {
    expect(services.map((s) => s.DesiredCount)).toEqual([0, 0]);
    for (const target of Object.values(template.findResources('AWS::ApplicationAutoScaling::ScalableTarget')).map((r) => r.Properties))
      expect(target.MaxCapacity === 0 || target.MinCapacity === 0).toBe(true);
  });

  it('serves the custom domain with TLS 1.2 and gives the app its sites address', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Aliases: ['cv.example.com'],
        ViewerCertificate: {
          AcmCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0b6a2f4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      },
    });
    expect(environment.SITES_BASE_URL).toBe('https://cv.example.com/sites');
  });

  it('passes the retention to the app and to the bucket’s rules alike', () => {
    expect(environment.BUILD_RETENTION_DAYS).toBe('30');
    const rules = resourceNamed(template, 'AWS::S3::Bucket', 'StorageData').props.LifecycleConfiguration.Rules as Record<string, any>[];
    expect(rules.find((r) => r.Id === 'expire-build-jobs')).toMatchObject({ ExpirationInDays: 30 });
    expect(rules.find((r) => r.Id === 'expire-deleted-versions')).toMatchObject({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } });
  });

  it('neither creates nor injects an Anthropic key', () => {
    expect(Object.keys(template.findResources('AWS::SecretsManager::Secret')).some((id) => id.startsWith('SecretsAnthropicApiKey'))).toBe(false);
    expect((api.Secrets as { Name: string }[]).map((s) => s.Name)).toEqual(['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET']);
  });
});
