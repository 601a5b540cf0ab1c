import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ApiLoadBalancer } from './api-load-balancer';
import { AppSecrets } from './app-secrets';
import { Cdn, SITES_PATH } from './cdn';
import { Data } from './data';
import { Messaging } from './messaging';
import { Network } from './network';
import { Observability } from './observability';
import { Registry } from './registry';
import { Services } from './services';
import type { DeploymentSettings } from './settings';
import { Storage } from './storage';

export interface Resume2WebsiteStackProps extends StackProps {
  settings: DeploymentSettings;
}

/** The whole AWS deployment of Resume2Website: see ecs/README.md for the order of a first deployment. */
export class Resume2WebsiteStack extends Stack {
  readonly network: Network;
  readonly storage: Storage;
  readonly data: Data;
  readonly messaging: Messaging;
  readonly registry: Registry;
  readonly secrets: AppSecrets;
  readonly loadBalancer: ApiLoadBalancer;
  readonly cdn: Cdn;
  readonly services: Services;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: Resume2WebsiteStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const logRetention = settings.logRetentionDays as logs.RetentionDays;

    this.network = new Network(this, 'Network', { logRetention });
    const { vpc } = this.network;
    this.storage = new Storage(this, 'Storage', { buildRetentionDays: settings.buildRetentionDays });
    this.data = new Data(this, 'Data', { vpc, auroraMinCapacity: settings.auroraMinCapacity, auroraMaxCapacity: settings.auroraMaxCapacity });
    this.messaging = new Messaging(this, 'Messaging');
    this.registry = new Registry(this, 'Registry');
    this.secrets = new AppSecrets(this, 'Secrets', { useClaude: settings.useClaude, payments: settings.payments !== undefined });
    this.loadBalancer = new ApiLoadBalancer(this, 'ApiLoadBalancer', { vpc, accessLogs: this.storage.logs });
    this.cdn = new Cdn(this, 'Cdn', {
      webBucket: this.storage.web,
      dataBucket: this.storage.data,
      logsBucket: this.storage.logs,
      alb: this.loadBalancer.alb,
      domainName: settings.domainName,
      certificateArn: settings.certificateArn,
    });
    this.services = new Services(this, 'Services', {
      vpc,
      loadBalancer: this.loadBalancer,
      bucket: this.storage.data,
      queue: this.messaging.queue,
      deadLetterQueue: this.messaging.deadLetterQueue,
      apiRepository: this.registry.api,
      builderRepository: this.registry.builder,
      imageTag: settings.imageTag,
      servicesRunning: settings.servicesRunning,
      logRetention,
      buildRetentionDays: settings.buildRetentionDays,
      sitesBaseUrl: `${this.cdn.publicUrl}${SITES_PATH}`,
      appBaseUrl: this.cdn.publicUrl,
      payments: settings.payments,
      mailFrom: settings.mailFrom,
      kvsArn: this.cdn.sitePointers.keyValueStoreArn,
      secrets: { databaseUrl: this.data.databaseUrl, redisUrl: this.data.redisUrl, jwtSecret: this.secrets.jwtSecret, anthropicApiKey: this.secrets.anthropicApiKey, stripe: this.secrets.stripe },
    });
    this.data.allowFrom(this.services.appSecurityGroup);
    this.observability = new Observability(this, 'Observability', {
      alb: this.loadBalancer.alb,
      targetGroup: this.services.api.targetGroup,
      queue: this.messaging.queue,
      deadLetterQueue: this.messaging.deadLetterQueue,
      database: this.data.database,
      redis: this.data.redis,
      alarmEmail: settings.alarmEmail,
    });

    // What deploy.yml and the operator need (ecs/README.md names each).
    const outputs: Record<string, string> = {
      PublicUrl: this.cdn.publicUrl,
      DistributionId: this.cdn.distribution.distributionId,
      WebBucket: this.storage.web.bucketName,
      DataBucket: this.storage.data.bucketName,
      ApiRepositoryUri: this.registry.api.repositoryUri,
      BuilderRepositoryUri: this.registry.builder.repositoryUri,
      // deploy.yml's repository variables, one output each (see its header).
      ApiRepositoryName: this.registry.api.repositoryName,
      BuilderRepositoryName: this.registry.builder.repositoryName,
      ApiTaskFamily: this.services.api.taskDefinition.family,
      WorkerTaskFamily: this.services.worker.taskDefinition.family,
      BuilderTaskFamily: this.services.builder.taskDefinition.family,
      ApiContainer: this.services.api.container.containerName,
      WorkerContainer: this.services.worker.container.containerName,
      BuilderContainer: this.services.builder.container.containerName,
      ClusterName: this.services.cluster.clusterName,
      ApiServiceName: this.services.api.service.serviceName,
      WorkerServiceName: this.services.worker.service.serviceName,
      ApiTaskDefinition: this.services.api.taskDefinition.taskDefinitionArn,
      MigrationSubnets: vpc.selectSubnets({ subnetGroupName: 'private' }).subnetIds.join(','),
      MigrationSecurityGroup: this.services.appSecurityGroup.securityGroupId,
      AlarmTopic: this.observability.alarmTopic.topicArn,
      DatabaseUrlSecret: this.data.databaseUrl.secretArn,
      ...(this.secrets.anthropicApiKey ? { AnthropicApiKeySecret: this.secrets.anthropicApiKey.secretArn } : {}),
      ...(this.secrets.stripe ? { StripeSecretKeySecret: this.secrets.stripe.secretKey.secretArn, StripeWebhookSecretSecret: this.secrets.stripe.webhookSecret.secretArn } : {}),
    };
    for (const [name, value] of Object.entries(outputs)) new CfnOutput(this, name, { value });
  }
}
