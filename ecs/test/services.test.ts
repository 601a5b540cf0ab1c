import { StorageEnvSchema } from '@r2w/storage';
import { Match } from 'aws-cdk-lib/assertions';
import { ENV_VARIABLES } from '../../backend/src/config/env';
import { API_PORT, BUILDER_CONTAINER, HEALTH_CHECK_PATH, METRICS_PORT } from '../src/services';
import { resourceNamed, synthesize, synthesizedTemplate } from './support/synthesized';

// The ECS side: cluster, the three task definitions and their containers, the two services,
// the load balancer, autoscaling and each task role's permissions.

const template = synthesizedTemplate();
const taskDefinition = (name: string) => resourceNamed(template, 'AWS::ECS::TaskDefinition', `Services${name}Task`);
const containers = (name: string): Record<string, any>[] => taskDefinition(name).props.ContainerDefinitions;
const mainContainer = (name: string) => containers(name).find((c) => c.Name !== 'xray-daemon')!;
const environmentOf = (name: string) => Object.fromEntries((mainContainer(name).Environment as { Name: string; Value: unknown }[]).map((e) => [e.Name, e.Value]));
const policyOf = (name: string): { Sid?: string; Action: string | string[]; Resource: unknown; Condition?: unknown }[] =>
  resourceNamed(template, 'AWS::IAM::Policy', `Services${name}TaskTaskRoleDefaultPolicy`).props.PolicyDocument.Statement;
const actionsOf = (name: string) => policyOf(name).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
const bucketArn = { 'Fn::GetAtt': [resourceNamed(template, 'AWS::S3::Bucket', 'StorageData').id, 'Arn'] };
const objectsUnder = (suffix: string) => ({ 'Fn::Join': ['', [bucketArn, suffix]] });

describe('cluster', () => {
  it('has Container Insights, and Fargate and Fargate Spot for RunTask (the runner picks: Spot first, on-demand when Spot is full)', () => {
    template.hasResourceProperties('AWS::ECS::Cluster', { ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] });
    template.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', { CapacityProviders: Match.arrayWith(['FARGATE', 'FARGATE_SPOT']) });
  });
});

describe('task definitions', () => {
  it('run the API and worker from one image with two commands, and the builder from its own', () => {
    expect(mainContainer('Api').Command).toEqual(['node', 'backend/dist/server.js']);
    expect(mainContainer('Worker').Command).toEqual(['node', 'backend/dist/worker.js']);
    expect(mainContainer('Builder').Command).toEqual(['node', '--snapshot-blob', 'portfolio-task/dist/bundle/builder.blob']);
    expect(mainContainer('Builder').Name).toBe(BUILDER_CONTAINER);
    const repositoryOf = (name: string) => JSON.stringify(mainContainer(name).Image).match(/Registry(Api|Builder)[0-9A-F]{8}/)?.[1];
    expect([repositoryOf('Api'), repositoryOf('Worker'), repositoryOf('Builder')]).toEqual(['Api', 'Api', 'Builder']);
    expect(JSON.stringify(mainContainer('Api').Image)).toContain(':latest');
  });

  it('log to their own group; the API and worker have a non-essential X-Ray daemon sidecar on UDP 2000, the builder (no X-Ray SDK) none', () => {
    for (const name of ['Api', 'Worker', 'Builder']) {
      expect(mainContainer(name)).toMatchObject({
        Essential: true,
        LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': { Ref: expect.stringMatching(new RegExp(`^Services${name}Logs`)) } } },
      });
    }
    for (const name of ['Api', 'Worker']) {
      const daemon = containers(name).find((c) => c.Name === 'xray-daemon');
      expect(daemon).toMatchObject({ Essential: false, Image: expect.stringMatching(/^public\.ecr\.aws\/xray\/aws-xray-daemon:\d/), PortMappings: [{ ContainerPort: 2000, Protocol: 'udp' }] });
      expect(environmentOf(name).AWS_XRAY_DAEMON_ADDRESS).toBe('127.0.0.1:2000');
    }
    expect(containers('Builder').map((c) => c.Name)).toEqual(['builder']);
  });

  it('give the API and worker secrets only through Secrets Manager, never as plain values', () => {
    for (const name of ['Api', 'Worker']) {
      const secrets = Object.fromEntries((mainContainer(name).Secrets as { Name: string; ValueFrom: { Ref: string } }[]).map((s) => [s.Name, s.ValueFrom.Ref]));
      expect(secrets).toEqual({
        DATABASE_URL: expect.stringMatching(/^DataDatabaseUrl/),
        REDIS_URL: expect.stringMatching(/^DataRedisUrl/),
        JWT_SECRET: expect.stringMatching(/^SecretsJwtSecret/),
        ANTHROPIC_API_KEY: expect.stringMatching(/^SecretsAnthropicApiKey/),
      });
      const environment = environmentOf(name);
      for (const secret of Object.keys(secrets)) expect(environment).not.toHaveProperty(secret);
      expect(JSON.stringify(environment)).not.toMatch(/password|secretsmanager/i);
    }
    expect(mainContainer('Builder').Secrets).toBeUndefined();
  });

  it('set only variables the app reads (backend/src/config/env.ts), in their AWS configuration', () => {
    const known = new Set(ENV_VARIABLES);
    for (const name of ['Api', 'Worker']) {
      const environment = environmentOf(name);
      expect(Object.keys(environment).filter((key) => !known.has(key))).toEqual([]);
      expect(environment).toMatchObject({
        NODE_ENV: 'production',
        PORT: String(API_PORT),
        METRICS_PORT: String(METRICS_PORT),
        TRUST_PROXY: '2',
        DB_MIGRATE_ON_START: 'false',
        WEB_DIR: 'none',
        STORAGE_DRIVER: 's3',
        QUEUE_DRIVER: 'sqs',
        TASK_RUNNER: 'ecs',
        ECS_CONTAINER_NAME: BUILDER_CONTAINER,
        ECS_CAPACITY: 'spot-with-fallback',
        ECS_TASK_DEFINITION: taskDefinition('Builder').props.Family,
        SITE_POINTERS: 'cloudfront-kvs',
        CLOUDFRONT_KVS_ARN: { 'Fn::GetAtt': [expect.stringMatching(/^CdnSitePointers/), 'Arn'] },
        SITES_BASE_URL: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^CdnDistribution/), 'DomainName'] }, '/sites']] },
        BUILD_RETENTION_DAYS: '14',
        QUEUE_VISIBILITY_TIMEOUT_SECONDS: '120',
        QUEUE_MAX_RECEIVES: '5',
        APP_BASE_URL: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^CdnDistribution/), 'DomainName'] }]] },
        XRAY_ENABLED: 'true',
        AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
        METRICS_EMF: 'true',
        MAIL_DRIVER: 'ses',
        MAIL_FROM: 'Resume2Website <no-reply@example.com>',
        // cdk.json sells nothing: publishing is free until the plan is configured.
        PAYMENTS: 'off',
      });
    }
  });

  it('sell the plan with Stripe when it is configured, its two keys from Secrets Manager', () => {
    const { template: paid } = synthesize({ stripePriceId: 'price_123', stripePublishableKey: 'pk_live_abc', planAmount: 1900, planCurrency: 'eur' });
    const api = resourceNamed(paid, 'AWS::ECS::TaskDefinition', 'ServicesApiTask').props.ContainerDefinitions[0];
    const environment = Object.fromEntries((api.Environment as { Name: string; Value: unknown }[]).map((e) => [e.Name, e.Value]));
    expect(environment).toMatchObject({ PAYMENTS: 'stripe', STRIPE_PRICE_ID: 'price_123', STRIPE_PUBLISHABLE_KEY: 'pk_live_abc', PLAN_AMOUNT: '1900', PLAN_CURRENCY: 'eur' });
    expect((api.Secrets as { Name: string }[]).map((secret) => secret.Name)).toEqual(expect.arrayContaining(['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']));
    expect(() => synthesize({ stripePriceId: 'price_123' })).toThrow(/stripePublishableKey/);
  });

  it('give the builder its storage settings and nothing of the API', () => {
    // NODE_ENV is read by React's server renderer (production mode), not by the task's own config.
    const known = new Set([...Object.keys(StorageEnvSchema.shape), 'LOG_LEVEL', 'NODE_ENV']);
    const environment = environmentOf('Builder');
    expect(Object.keys(environment).filter((key) => !known.has(key))).toEqual([]);
    expect(environment).toMatchObject({ STORAGE_DRIVER: 's3', S3_BUCKET: { Ref: expect.stringMatching(/^StorageData/) }, AWS_REGION: 'us-east-1' });
  });
});

describe('API service', () => {
  it('runs two tasks on on-demand Fargate in private subnets, rolling back a deployment that fails', () => {
    template.hasResourceProperties('AWS::ECS::Service', {
      TaskDefinition: { Ref: taskDefinition('Api').id },
      DesiredCount: 2,
      CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }],
      DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: true, Rollback: true }, MinimumHealthyPercent: 100 },
      NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'DISABLED' } },
      LoadBalancers: [{ ContainerName: 'api', ContainerPort: API_PORT }],
    });
  });

  it('sits behind an internal load balancer that checks /health/ready and never routes /metrics', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internal', Type: 'application' });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: API_PORT, TargetType: 'ip', HealthCheckPath: HEALTH_CHECK_PATH, Matcher: { HttpCode: '200' } });
    template.resourcePropertiesCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: METRICS_PORT }, 0);
    const rules = Object.values(template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule')).map((r) => r.Properties);
    const metricsRule = rules.find((r) => JSON.stringify(r.Conditions).includes('/metrics'));
    expect(metricsRule).toMatchObject({ Priority: 1, Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] });
    expect(Math.min(...rules.map((r) => r.Priority))).toBe(1);
    // The load balancer admits only the VPC's own range (CloudFront's VPC origin).
    const albGroup = resourceNamed(template, 'AWS::EC2::SecurityGroup', 'ApiLoadBalancerSecurityGroup').props;
    expect(albGroup.SecurityGroupIngress).toEqual([expect.objectContaining({ CidrIp: { 'Fn::GetAtt': [expect.stringMatching(/^NetworkVpc/), 'CidrBlock'] }, FromPort: 80, ToPort: 80 })]);
  });

  it('scales from 2 to 10 tasks on CPU and on requests per target', () => {
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 2, MaxCapacity: 10 });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' }, TargetValue: 60 },
    });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget' }, TargetValue: 600 },
    });
  });
});

describe('worker service', () => {
  it('scales between one task (it also runs the sweeps) and six on the queue backlog (waiting plus in hand)', () => {
    template.hasResourceProperties('AWS::ECS::Service', { TaskDefinition: { Ref: taskDefinition('Worker').id }, DesiredCount: 1 });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 1, MaxCapacity: 6 });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyType: 'StepScaling',
      StepScalingPolicyConfiguration: { AdjustmentType: 'ExactCapacity', StepAdjustments: Match.arrayWith([Match.objectLike({ ScalingAdjustment: 0 })]) },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'visible + inFlight' }),
        Match.objectLike({ Id: 'visible', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'ApproximateNumberOfMessagesVisible' }) }) }),
        Match.objectLike({ Id: 'inFlight', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'ApproximateNumberOfMessagesNotVisible' }) }) }),
      ]),
    });
  });
});

describe('least privilege', () => {
  it('lets the API run only the builder task definition, in this cluster, passing only the builder’s two roles', () => {
    const statements = policyOf('Api');
    const family = taskDefinition('Builder').props.Family;
    expect(statements.find((s) => s.Sid === 'RunBuilder')).toMatchObject({
      Action: 'ecs:RunTask',
      Resource: { 'Fn::Join': ['', expect.arrayContaining([`:task-definition/${family}:*`])] },
      Condition: { ArnEquals: { 'ecs:cluster': { 'Fn::GetAtt': [expect.stringMatching(/^ServicesCluster/), 'Arn'] } } },
    });
    expect(statements.find((s) => s.Sid === 'PassBuilderRoles')).toEqual({
      Sid: 'PassBuilderRoles',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: [{ 'Fn::GetAtt': [expect.stringMatching(/^ServicesBuilderTaskTaskRole/), 'Arn'] }, { 'Fn::GetAtt': [expect.stringMatching(/^ServicesBuilderTaskExecutionRole/), 'Arn'] }],
      Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    });
    expect(actionsOf('Api').filter((a) => a.startsWith('ecs:') || a.startsWith('iam:'))).toEqual(['ecs:RunTask', 'ecs:DescribeTasks', 'ecs:StopTask', 'iam:PassRole']);
    expect(actionsOf('Api')).toEqual(expect.arrayContaining(['cloudfront-keyvaluestore:PutKey', 'cloudfront-keyvaluestore:DeleteKey', 'sqs:SendMessage']));
  });

  it('lets the API send mail as the sender of cdk.json only, and the worker none', () => {
    const identity = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ses:us-east-1:', { Ref: 'AWS::AccountId' }, `:identity/${name}`]] });
    expect(policyOf('Api').find((s) => s.Sid === 'SendMail')).toEqual({
      Sid: 'SendMail',
      Effect: 'Allow',
      Action: 'ses:SendEmail',
      Resource: [identity('no-reply@example.com'), identity('example.com')],
    });
    expect(actionsOf('Worker').filter((a) => a.startsWith('ses:'))).toEqual([]);
  });

  it('lets the worker follow builders but never start one or pass a role', () => {
    expect(actionsOf('Worker')).not.toContain('ecs:RunTask');
    expect(actionsOf('Worker')).not.toContain('iam:PassRole');
    expect(actionsOf('Worker')).toEqual(expect.arrayContaining(['ecs:DescribeTasks', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility']));
  });

  it('lets the builder read builds/, write only progress, result and sites/, and nothing else of the bucket', () => {
    const s3Statements = policyOf('Builder').filter((s) => JSON.stringify(s.Action).includes('s3:'));
    expect(s3Statements).toEqual([
      { Sid: 'ReadBuildJobs', Effect: 'Allow', Action: 's3:GetObject', Resource: objectsUnder('/builds/*') },
      { Sid: 'WriteProgressAndResult', Effect: 'Allow', Action: 's3:PutObject', Resource: [objectsUnder('/builds/*/progress.json'), objectsUnder('/builds/*/result.json')] },
      { Sid: 'WriteSites', Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: objectsUnder('/sites/*') },
      { Sid: 'ListForHeadAndCleanUp', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucketArn },
    ]);
    expect(JSON.stringify(policyOf('Builder'))).not.toMatch(/uploads|ecs:|iam:|sqs:|secretsmanager/);
  });

  it('lets each task write only to its own log group (winston-cloudwatch)', () => {
    for (const name of ['Api', 'Worker', 'Builder']) {
      const logs = policyOf(name).find((s) => JSON.stringify(s.Action).includes('logs:PutLogEvents'))!;
      expect(
        JSON.stringify(logs.Resource)
          .match(/Services\w+Logs/g)!
          .every((ref) => ref.startsWith(`Services${name}Logs`)),
      ).toBe(true);
    }
  });

  it('keeps the logs for the configured number of days', () => {
    for (const name of ['Api', 'Worker', 'Builder']) expect(resourceNamed(template, 'AWS::Logs::LogGroup', `Services${name}Logs`).props.RetentionInDays).toBe(30);
  });
});
