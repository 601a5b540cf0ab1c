import { Duration, Fn } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as rds from 'aws-cdk-lib/aws-rds';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { APP_METRICS, METRICS_NAMESPACE, OUTCOME_DIMENSION } from './metric-names';

export interface ObservabilityProps {
  alb: elbv2.ApplicationLoadBalancer;
  targetGroup: elbv2.ApplicationTargetGroup;
  queue: sqs.IQueue;
  deadLetterQueue: sqs.IQueue;
  database: rds.DatabaseCluster;
  redis: elasticache.CfnReplicationGroup;
  alarmEmail: string;
}

/** Alarm thresholds, named so the runbook in ecs/README.md can quote them. */
export const THRESHOLDS = { error5xxPercent: 5, p99LatencySeconds: 2, deadLetters: 1, auroraCpuPercent: 80 } as const;

const FIVE_MINUTES = Duration.minutes(5);

/** All outcomes of one application metric (Embedded Metric Format), one line each. */
function byOutcome(metric: { name: string }, statistic: string, label: string): cloudwatch.MathExpression {
  return new cloudwatch.MathExpression({
    expression: `SEARCH('{${METRICS_NAMESPACE},${OUTCOME_DIMENSION}} MetricName="${metric.name}"', '${statistic}', 300)`,
    label,
    period: FIVE_MINUTES,
  });
}

/** The dashboard the cut-over is watched on, and the alarms that page (through one SNS topic). */
export class Observability extends Construct {
  readonly dashboard: cloudwatch.Dashboard;
  readonly alarmTopic: sns.Topic;
  readonly alarms: Record<'error5xxRate' | 'p99Latency' | 'deadLetters' | 'auroraCpu', cloudwatch.Alarm>;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { alb, targetGroup, queue, deadLetterQueue, database } = props;
    this.alarmTopic = new sns.Topic(this, 'Alarms', { displayName: 'Resume2Website alarms', enforceSSL: true });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    const requests = alb.metrics.requestCount({ period: FIVE_MINUTES, statistic: 'Sum', label: 'Requests' });
    const target5xx = alb.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period: FIVE_MINUTES, statistic: 'Sum', label: 'API 5xx' });
    const elb5xx = alb.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { period: FIVE_MINUTES, statistic: 'Sum', label: 'Load balancer 5xx' });
    const latency = (statistic: string) => alb.metrics.targetResponseTime({ period: FIVE_MINUTES, statistic, label: statistic });
    const errorRate = new cloudwatch.MathExpression({
      expression: '100 * (api5xx + elb5xx) / MAX([requests, 1])',
      usingMetrics: { api5xx: target5xx, elb5xx, requests },
      period: FIVE_MINUTES,
      label: '5xx % of requests',
    });
    const queueDepth = queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum', label: 'Jobs waiting' });
    const queueAge = queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1), statistic: 'Maximum', label: 'Oldest job (s)' });
    const deadLetters = deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum', label: 'Dead letters' });
    const auroraCpu = database.metricCPUUtilization({ period: FIVE_MINUTES, label: 'Aurora CPU %' });
    // ElastiCache reports per node: the replication group's nodes are <id>-001 and <id>-002.
    const redisNodes = ['001', '002'].map((n) => Fn.join('-', [props.redis.ref, n]));
    const redisMetric = (metricName: string, label: string) =>
      redisNodes.map(
        (node, i) =>
          new cloudwatch.Metric({ namespace: 'AWS/ElastiCache', metricName, dimensionsMap: { CacheClusterId: node }, period: FIVE_MINUTES, statistic: 'Maximum', label: `${label} node ${i + 1}` }),
      );

    const alarm = (name: string, metric: cloudwatch.IMetric, threshold: number, description: string, evaluationPeriods = 3) => {
      const created = new cloudwatch.Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods,
        datapointsToAlarm: Math.min(evaluationPeriods, 2),
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(new actions.SnsAction(this.alarmTopic));
      created.addOkAction(new actions.SnsAction(this.alarmTopic));
      return created;
    };
    this.alarms = {
      error5xxRate: alarm('Error5xxRate', errorRate, THRESHOLDS.error5xxPercent, `5xx answers are ${THRESHOLDS.error5xxPercent}% or more of requests.`),
      p99Latency: alarm('P99Latency', latency('p99'), THRESHOLDS.p99LatencySeconds, `The slowest 1% of API requests take ${THRESHOLDS.p99LatencySeconds} s or more.`),
      deadLetters: alarm('DeadLetters', deadLetters, THRESHOLDS.deadLetters, 'An extraction job ran out of attempts and is in the dead-letter queue.', 1),
      auroraCpu: alarm('AuroraCpu', auroraCpu, THRESHOLDS.auroraCpuPercent, `Aurora CPU at ${THRESHOLDS.auroraCpuPercent}% or more: raise auroraMaxCapacity or look for a slow query.`),
    };

    const graph = (title: string, left: cloudwatch.IMetric[], right: cloudwatch.IMetric[] = [], width = 8) => new cloudwatch.GraphWidget({ title, left, right, width, height: 6 });
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName: 'Resume2Website', defaultInterval: Duration.hours(6) });
    this.dashboard.addWidgets(graph('Requests', [requests]), graph('API latency (s)', [latency('p50'), latency('p99')]), graph('5xx', [target5xx, elb5xx], [errorRate]));
    this.dashboard.addWidgets(
      graph('Extraction queue', [queueDepth], [queueAge]),
      graph('Dead-letter queue', [deadLetters]),
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: Object.values(this.alarms), width: 8, height: 6 }),
    );
    this.dashboard.addWidgets(
      graph('Extractions by outcome', [byOutcome(APP_METRICS.extractions, 'Sum', 'Extractions')], [byOutcome(APP_METRICS.extractionDuration, 'p90', 'Duration p90 (ms)')]),
      graph('Builds by outcome', [byOutcome(APP_METRICS.builds, 'Sum', 'Builds')], [byOutcome(APP_METRICS.buildDuration, 'p90', 'Duration p90 (ms)')]),
      graph('Healthy API tasks', [targetGroup.metrics.healthyHostCount({ period: Duration.minutes(1) }), targetGroup.metrics.unhealthyHostCount({ period: Duration.minutes(1) })]),
    );
    this.dashboard.addWidgets(
      graph('Aurora', [auroraCpu, database.metricDatabaseConnections({ period: FIVE_MINUTES })], [database.metric('ServerlessDatabaseCapacity', { period: FIVE_MINUTES, label: 'ACU' })]),
      graph('Redis', redisMetric('EngineCPUUtilization', 'Engine CPU %'), redisMetric('DatabaseMemoryUsagePercentage', 'Memory %')),
      graph('Redis connections', redisMetric('CurrConnections', 'Connections')),
    );
  }
}
