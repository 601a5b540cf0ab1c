import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as applicationautoscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { PaymentSettings } from './settings';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge, nagArnOf, nagRefOf } from './acknowledge';
import type { ApiLoadBalancer } from './api-load-balancer';
import { MAX_RECEIVES, VISIBILITY_TIMEOUT_SECONDS } from './messaging';

/** The API listens here; not 2000, which the X-Ray daemon takes in the same network namespace. */
export const API_PORT = 8080;
/** METRICS_PORT: Prometheus metrics, reachable inside the VPC only, never routed by the load balancer. */
export const METRICS_PORT = 9464;
export const BUILDER_CONTAINER = 'builder';
export const HEALTH_CHECK_PATH = '/health/ready';
const XRAY_DAEMON_IMAGE = 'public.ecr.aws/xray/aws-xray-daemon:3.3.14';

export interface ServicesProps {
  vpc: ec2.IVpc;
  loadBalancer: ApiLoadBalancer;
  bucket: s3.IBucket;
  queue: sqs.IQueue;
  deadLetterQueue: sqs.IQueue;
  apiRepository: ecr.IRepository;
  builderRepository: ecr.IRepository;
  imageTag: string;
  servicesRunning: boolean;
  logRetention: logs.RetentionDays;
  buildRetentionDays: number;
  sitesBaseUrl: string;
  /** The distribution's public origin: sign-in callbacks and the checkout return go there. */
  appBaseUrl: string;
  kvsArn: string;
  /** The sender of password reset mail (SES); its domain is the identity the API may send as. */
  mailFrom: string;
  payments?: PaymentSettings;
  secrets: {
    databaseUrl: secretsmanager.ISecret;
    redisUrl: secretsmanager.ISecret;
    jwtSecret: secretsmanager.ISecret;
    anthropicApiKey?: secretsmanager.ISecret;
    stripe?: { secretKey: secretsmanager.ISecret; webhookSecret: secretsmanager.ISecret };
  };
}

interface Workload {
  taskDefinition: ecs.FargateTaskDefinition;
  container: ecs.ContainerDefinition;
  logGroup: logs.LogGroup;
}

/**
 * The ECS cluster and its three workloads, one image each way: the API service behind the
 * load balancer, the worker service on the queue (same image, another command), and the
 * builder task definition the API starts once per build.
 */
export class Services extends Construct {
  readonly cluster: ecs.Cluster;
  readonly api: Workload & { service: ecs.FargateService; targetGroup: elbv2.ApplicationTargetGroup };
  readonly worker: Workload & { service: ecs.FargateService };
  readonly builder: Workload & { securityGroup: ec2.SecurityGroup };
  readonly appSecurityGroup: ec2.SecurityGroup;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ServicesProps,
  ) {
    super(scope, id);
    const { vpc } = props;
    this.cluster = new ecs.Cluster(this, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED, enableFargateCapacityProviders: true });
    // Fargate and Fargate Spot for RunTask: the API starts each build on Spot and falls back
    // to on-demand itself when Spot has no capacity (ECS_CAPACITY=spot-with-fallback).

    this.appSecurityGroup = new ec2.SecurityGroup(this, 'AppSecurityGroup', { vpc, description: 'API and worker tasks' });
    this.builder = this.createBuilder();
    this.api = this.createApi();
    this.worker = this.createWorker();
    this.grantBucket(this.api.taskDefinition.taskRole);
    this.grantBucket(this.worker.taskDefinition.taskRole);
  }

  /** Configuration of the API and worker: the real variables of backend/src/config/env.ts, secrets apart. */
  private appEnvironment(): Record<string, string> {
    const { props } = this;
    const privateSubnets = props.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnetIds;
    return {
      NODE_ENV: 'production',
      PORT: String(API_PORT),
      LOG_LEVEL: 'info',
      METRICS_PORT: String(METRICS_PORT),
      // CloudFront, then the load balancer: the client is the second address from the right.
      TRUST_PROXY: '2',
      DB_MIGRATE_ON_START: 'false',
      WEB_DIR: 'none',
      SITES_BASE_URL: props.sitesBaseUrl,
      AWS_REGION: Stack.of(this).region,
      STORAGE_DRIVER: 's3',
      S3_BUCKET: props.bucket.bucketName,
      S3_SSE: 'AES256',
      QUEUE_DRIVER: 'sqs',
      SQS_QUEUE_URL: props.queue.queueUrl,
      SQS_DLQ_URL: props.deadLetterQueue.queueUrl,
      QUEUE_VISIBILITY_TIMEOUT_SECONDS: String(VISIBILITY_TIMEOUT_SECONDS),
      QUEUE_MAX_RECEIVES: String(MAX_RECEIVES),
      TASK_RUNNER: 'ecs',
      ECS_CLUSTER: this.cluster.clusterName,
      ECS_TASK_DEFINITION: this.builder.taskDefinition.family,
      ECS_CONTAINER_NAME: BUILDER_CONTAINER,
      ECS_SUBNETS: privateSubnets.join(','),
      ECS_SECURITY_GROUPS: this.builder.securityGroup.securityGroupId,
      ECS_CAPACITY: 'spot-with-fallback',
      SITE_POINTERS: 'cloudfront-kvs',
      CLOUDFRONT_KVS_ARN: props.kvsArn,
      BUILD_RETENTION_DAYS: String(props.buildRetentionDays),
      APP_BASE_URL: props.appBaseUrl,
      MAIL_DRIVER: 'ses',
      MAIL_FROM: props.mailFrom,
      // Traces to the daemon sidecar in the same task; extraction and build outcomes as
      // embedded metrics in the log stream (the dashboard's widgets).
      XRAY_ENABLED: 'true',
      AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
      METRICS_EMF: 'true',
      ...(props.payments
        ? {
            PAYMENTS: 'stripe',
            STRIPE_PRICE_ID: props.payments.stripePriceId,
            STRIPE_PUBLISHABLE_KEY: props.payments.stripePublishableKey,
            PLAN_AMOUNT: String(props.payments.planAmount),
            PLAN_CURRENCY: props.payments.planCurrency,
          }
        : { PAYMENTS: 'off' }),
    };
  }

  private appSecrets(): Record<string, ecs.Secret> {
    const { secrets } = this.props;
    return {
      DATABASE_URL: ecs.Secret.fromSecretsManager(secrets.databaseUrl),
      REDIS_URL: ecs.Secret.fromSecretsManager(secrets.redisUrl),
      JWT_SECRET: ecs.Secret.fromSecretsManager(secrets.jwtSecret),
      ...(secrets.anthropicApiKey ? { ANTHROPIC_API_KEY: ecs.Secret.fromSecretsManager(secrets.anthropicApiKey) } : {}),
      ...(secrets.stripe ? { STRIPE_SECRET_KEY: ecs.Secret.fromSecretsManager(secrets.stripe.secretKey), STRIPE_WEBHOOK_SECRET: ecs.Secret.fromSecretsManager(secrets.stripe.webhookSecret) } : {}),
    };
  }

  private workload(
    name: string,
    options: {
      cpu: number;
      memoryLimitMiB: number;
      repository: ecr.IRepository;
      command: string[];
      environment: Record<string, string>;
      secrets?: Record<string, ecs.Secret>;
      /** An X-Ray daemon beside the container: for the API and worker, whose SDK sends it traces (the builder has none). */
      xray: boolean;
    },
  ): Workload {
    const logGroup = new logs.LogGroup(this, `${name}Logs`, { retention: this.props.logRetention, removalPolicy: RemovalPolicy.RETAIN });
    const taskDefinition = new ecs.FargateTaskDefinition(this, `${name}Task`, {
      cpu: options.cpu,
      memoryLimitMiB: options.memoryLimitMiB,
      runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
    });
    const container = taskDefinition.addContainer(name.toLowerCase(), {
      image: ecs.ContainerImage.fromEcrRepository(options.repository, this.props.imageTag),
      command: options.command,
      essential: true,
      environment: options.environment,
      secrets: options.secrets,
      logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: name.toLowerCase() }),
      // ECS kills a task 30 s after SIGTERM; the app drains within SHUTDOWN_GRACE_SECONDS (25).
      stopTimeout: Duration.seconds(30),
    });
    if (options.xray) {
      // Traces go to the daemon over UDP on localhost; a daemon that fails must not stop the work.
      taskDefinition.addContainer('xray-daemon', {
        image: ecs.ContainerImage.fromRegistry(XRAY_DAEMON_IMAGE),
        essential: false,
        cpu: 32,
        memoryReservationMiB: 64,
        portMappings: [{ containerPort: 2000, protocol: ecs.Protocol.UDP }],
        logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'xray' }),
      });
      taskDefinition.taskRole.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AWSXRayDaemonWriteAccess'));
    }
    // The app may also ship its logs itself (winston-cloudwatch), to its own group only.
    taskDefinition.taskRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], resources: [logGroup.logGroupArn, `${logGroup.logGroupArn}:log-stream:*`] }),
    );
    acknowledge(taskDefinition, {
      'AwsSolutions-ECS2': 'Only non-secret configuration is in the environment (names, URLs of queues, ports); every credential comes from Secrets Manager through `secrets`.',
      ...(options.xray
        ? {
            'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AWSXRayDaemonWriteAccess]':
              'The X-Ray daemon needs exactly what this AWS policy grants (PutTraceSegments, PutTelemetryRecords, sampling rules), which take no resource ARNs.',
          }
        : {}),
      'AwsSolutions-IAM5[Resource::*]': 'X-Ray trace and sampling actions and ecr:GetAuthorizationToken support no resource-level permissions.',
      [`AwsSolutions-IAM5[Resource::${nagArnOf(logGroup)}:log-stream:*]`]: 'Streams of the task’s own log group only; stream names are chosen at run time.',
    });
    return { taskDefinition, container, logGroup };
  }

  private createBuilder(): Services['builder'] {
    const { props } = this;
    const securityGroup = new ec2.SecurityGroup(this, 'BuilderSecurityGroup', { vpc: props.vpc, description: 'Builder tasks: out to S3 and X-Ray only', allowAllOutbound: false });
    securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'S3 (through the gateway endpoint), ECR and X-Ray over HTTPS');
    const builder = this.workload('Builder', {
      cpu: 256,
      memoryLimitMiB: 512,
      repository: props.builderRepository,
      xray: false,
      command: ['node', '--snapshot-blob', 'portfolio-task/dist/bundle/builder.blob'],
      // The builder's whole configuration (portfolio-task/src/task/task-main.ts): storage and logging.
      environment: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        AWS_REGION: Stack.of(this).region,
        STORAGE_DRIVER: 's3',
        S3_BUCKET: props.bucket.bucketName,
        S3_SSE: 'AES256',
      },
    });
    // What portfolio-task/src/task/run-build-task.ts does: read the job's input (and a
    // result already there), write progress and result, write the site's files, and delete
    // them again when the build fails half-way. Nothing under uploads/.
    const { bucket } = props;
    const role = builder.taskDefinition.taskRole;
    role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'ReadBuildJobs', actions: ['s3:GetObject'], resources: [bucket.arnForObjects('builds/*')] }));
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'WriteProgressAndResult', actions: ['s3:PutObject'], resources: [bucket.arnForObjects('builds/*/progress.json'), bucket.arnForObjects('builds/*/result.json')] }),
    );
    role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'WriteSites', actions: ['s3:PutObject', 's3:DeleteObject'], resources: [bucket.arnForObjects('sites/*')] }));
    // Without ListBucket S3 answers a missing key with 403, not 404, and the builder reads
    // "no result yet" from that 404. Listing shows key names (ids), never contents.
    role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'ListForHeadAndCleanUp', actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    const bucketArn = nagArnOf(bucket);
    acknowledge(builder.taskDefinition, {
      [`AwsSolutions-IAM5[Resource::${bucketArn}/builds/*]`]: 'Reading: each build has its own builds/<portfolioId>/<buildId>/ prefix, known only when the API starts the task.',
      [`AwsSolutions-IAM5[Resource::${bucketArn}/builds/*/progress.json]`]: 'Only the progress object of a build job; the ids are chosen at run time.',
      [`AwsSolutions-IAM5[Resource::${bucketArn}/builds/*/result.json]`]: 'Only the result object of a build job; the ids are chosen at run time.',
      [`AwsSolutions-IAM5[Resource::${bucketArn}/sites/*]`]: 'A build writes (and on failure removes) its site under sites/<portfolioId>/<buildId>/, ids chosen at run time.',
    });
    return { ...builder, securityGroup };
  }

  private createApi(): Services['api'] {
    const { props } = this;
    const api = this.workload('Api', {
      cpu: 512,
      memoryLimitMiB: 1024,
      repository: props.apiRepository,
      xray: true,
      command: ['node', 'backend/dist/server.js'],
      environment: this.appEnvironment(),
      secrets: this.appSecrets(),
    });
    api.container.addPortMappings({ containerPort: API_PORT, name: 'http' }, { containerPort: METRICS_PORT, name: 'metrics' });

    const service = new ecs.FargateService(this, 'ApiService', {
      cluster: this.cluster,
      taskDefinition: api.taskDefinition,
      desiredCount: props.servicesRunning ? 2 : 0,
      securityGroups: [this.appSecurityGroup],
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
      capacityProviderStrategies: [{ capacityProvider: 'FARGATE', weight: 1 }],
      healthCheckGracePeriod: Duration.seconds(30),
    });
    this.appSecurityGroup.connections.allowFrom(props.loadBalancer.alb, ec2.Port.tcp(API_PORT), 'the load balancer reaches the API');
    // Metrics: from inside the VPC (a Prometheus scraper), never from the load balancer.
    this.appSecurityGroup.addIngressRule(ec2.Peer.ipv4(props.vpc.vpcCidrBlock), ec2.Port.tcp(METRICS_PORT), 'Prometheus scrape inside the VPC');
    acknowledge(this.appSecurityGroup, { 'AwsSolutions-EC23': 'The only CIDR rule is the VPC’s own range (a token cdk-nag cannot read), for metrics scrapes; nothing from the internet.' });

    const targetGroup = new elbv2.ApplicationTargetGroup(this, 'ApiTargets', {
      vpc: props.vpc,
      port: API_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      targets: [service.loadBalancerTarget({ containerName: 'api', containerPort: API_PORT })],
      healthCheck: { path: HEALTH_CHECK_PATH, healthyHttpCodes: '200', interval: Duration.seconds(15), timeout: Duration.seconds(5), healthyThresholdCount: 2, unhealthyThresholdCount: 3 },
      // The app stops taking requests on SIGTERM and finishes those in flight within its grace.
      deregistrationDelay: Duration.seconds(30),
    });
    props.loadBalancer.listener.addAction('Api', { priority: 10, conditions: [elbv2.ListenerCondition.pathPatterns(['/*'])], action: elbv2.ListenerAction.forward([targetGroup]) });

    const scaling = service.autoScaleTaskCount({ minCapacity: props.servicesRunning ? 2 : 0, maxCapacity: 10 });
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60, scaleInCooldown: Duration.minutes(5), scaleOutCooldown: Duration.minutes(1) });
    scaling.scaleOnRequestCount('Requests', { requestsPerTarget: 600, targetGroup, scaleInCooldown: Duration.minutes(5), scaleOutCooldown: Duration.minutes(1) });

    const role = api.taskDefinition.taskRole;
    props.queue.grantSendMessages(role);
    props.queue.grant(role, 'sqs:GetQueueAttributes');
    props.deadLetterQueue.grantConsumeMessages(role);
    this.grantRunBuilder(role);
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SitePointers',
        actions: ['cloudfront-keyvaluestore:DescribeKeyValueStore', 'cloudfront-keyvaluestore:GetKey', 'cloudfront-keyvaluestore:PutKey', 'cloudfront-keyvaluestore:DeleteKey'],
        resources: [props.kvsArn],
      }),
    );
    // Password reset mail, as the sender's address or its domain (whichever SES identity was verified).
    const address = /<?([^\s<>]+@([^\s<>]+?))>?$/.exec(props.mailFrom)!;
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SendMail',
        actions: ['ses:SendEmail'],
        resources: [address[1]!, address[2]!].map((identity) => Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: identity })),
      }),
    );
    return { ...api, service, targetGroup };
  }

  /** RunTask of the builder's task definition only, in this cluster only, passing only the builder's two roles. */
  private grantRunBuilder(role: iam.IRole): void {
    const stack = Stack.of(this);
    acknowledge(role, {
      [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ecs:${stack.region}:<AWS::AccountId>:task-definition/${this.builder.taskDefinition.family}:*]`]:
        'Every revision of the builder task definition (deploy.yml registers a new one per release), and no other family.',
    });
    const builder = this.builder.taskDefinition;
    const clusterCondition = { ArnEquals: { 'ecs:cluster': this.cluster.clusterArn } };
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'RunBuilder',
        actions: ['ecs:RunTask'],
        resources: [stack.formatArn({ service: 'ecs', resource: 'task-definition', resourceName: `${builder.family}:*` })],
        conditions: clusterCondition,
      }),
    );
    this.grantFollowBuilders(role);
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'PassBuilderRoles',
        actions: ['iam:PassRole'],
        resources: [builder.taskRole.roleArn, builder.obtainExecutionRole().roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      }),
    );
  }

  private grantFollowBuilders(role: iam.IRole): void {
    acknowledge(role, {
      [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ecs:${Stack.of(this).region}:<AWS::AccountId>:task/${nagRefOf(this.cluster)}/*]`]:
        'Tasks of this cluster only (and the ecs:cluster condition): task ids are chosen by ECS at run time.',
    });
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'FollowBuilders',
        actions: ['ecs:DescribeTasks', 'ecs:StopTask'],
        resources: [Stack.of(this).formatArn({ service: 'ecs', resource: 'task', resourceName: `${this.cluster.clusterName}/*` })],
        conditions: { ArnEquals: { 'ecs:cluster': this.cluster.clusterArn } },
      }),
    );
  }

  private createWorker(): Services['worker'] {
    const { props } = this;
    const worker = this.workload('Worker', {
      cpu: 1024,
      memoryLimitMiB: 2048,
      repository: props.apiRepository,
      xray: true,
      command: ['node', 'backend/dist/worker.js'],
      environment: this.appEnvironment(),
      secrets: this.appSecrets(),
    });
    const service = new ecs.FargateService(this, 'WorkerService', {
      cluster: this.cluster,
      taskDefinition: worker.taskDefinition,
      desiredCount: props.servicesRunning ? 1 : 0,
      securityGroups: [this.appSecurityGroup],
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
      // A stopping worker hands its jobs back to the queue, so a deployment may replace every worker at once.
      minHealthyPercent: 0,
      maxHealthyPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
      capacityProviderStrategies: [{ capacityProvider: 'FARGATE', weight: 1 }],
    });
    const role = worker.taskDefinition.taskRole;
    props.queue.grantConsumeMessages(role);
    props.deadLetterQueue.grantConsumeMessages(role);
    // Reading a build settles it from the task's state, so the worker may look at builders (and stop a stuck one), never start one.
    this.grantFollowBuilders(role);

    // Jobs waiting plus jobs in hand: a worker busy with the last job is not scaled away under it.
    const backlog = new cloudwatch.MathExpression({
      expression: 'visible + inFlight',
      usingMetrics: {
        visible: props.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
        inFlight: props.queue.metricApproximateNumberOfMessagesNotVisible({ period: Duration.minutes(1) }),
      },
      period: Duration.minutes(1),
    });
    // One worker always: besides the queue it runs the sweeps (anonymous CVs past their
    // retention, builds never published), which a worker scaled to zero would never run.
    const scaling = service.autoScaleTaskCount({ minCapacity: props.servicesRunning ? 1 : 0, maxCapacity: props.servicesRunning ? 6 : 0 });
    scaling.scaleOnMetric('QueueDepth', {
      metric: backlog,
      adjustmentType: applicationautoscaling.AdjustmentType.EXACT_CAPACITY,
      // Idle: no worker; one per ~10 jobs in the backlog up to six.
      scalingSteps: [
        { upper: 1, change: 0 },
        { lower: 1, upper: 20, change: 1 },
        { lower: 20, upper: 50, change: 3 },
        { lower: 50, change: 6 },
      ],
      cooldown: Duration.minutes(2),
      evaluationPeriods: 1,
    });
    return { ...worker, service };
  }

  /** The app bucket for the API and worker: every prefix (uploads, builds, sites), as the API reads and deletes all three. */
  private grantBucket(role: iam.IRole): void {
    const { bucket } = this.props;
    role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'AppObjects', actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], resources: [bucket.arnForObjects('*')] }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'ListAppObjects', actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    acknowledge(role, {
      [`AwsSolutions-IAM5[Resource::${nagArnOf(bucket)}/*]`]:
        'The API and worker own every object of the app bucket (uploads, build jobs, sites: written, served as previews, swept and deleted with accounts); the builder and CloudFront get narrower grants.',
    });
  }
}
