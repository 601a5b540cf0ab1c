import { APP_METRICS, METRICS_NAMESPACE, OUTCOME_DIMENSION } from '../src/metric-names';
import { THRESHOLDS } from '../src/observability';
import { resourceNamed, synthesizedTemplate, writtenOut } from './support/synthesized';

// The dashboard the cut-over is watched on and the alarms that page.

const template = synthesizedTemplate();
const alarm = (name: string) => resourceNamed(template, 'AWS::CloudWatch::Alarm', `Observability${name}`).props;
const topic = { Ref: resourceNamed(template, 'AWS::SNS::Topic', 'ObservabilityAlarms').id };
const metricNames = (props: Record<string, any>) => JSON.stringify(props.Metrics).match(/"MetricName":"\w+"/g);

type Widget = { type: string; properties: { title: string; metrics?: unknown[][]; alarms?: unknown[] } };

/** The dashboard body with each reference written as <Ref> or <Resource.Attribute>, parsed. */
function dashboardWidgets(): Widget[] {
  return JSON.parse(writtenOut(resourceNamed(template, 'AWS::CloudWatch::Dashboard', 'ObservabilityDashboard').props.DashboardBody)).widgets;
}

describe('alarms', () => {
  it('page on a 5xx rate, computed from the target’s and the load balancer’s 5xx over all requests', () => {
    const props = alarm('Error5xxRate');
    expect(props).toMatchObject({ Threshold: THRESHOLDS.error5xxPercent, ComparisonOperator: 'GreaterThanOrEqualToThreshold', AlarmActions: [topic], OKActions: [topic] });
    expect(props.Metrics[0]).toMatchObject({ Expression: '100 * (api5xx + elb5xx) / MAX([requests, 1])', ReturnData: true });
    expect(metricNames(props)).toEqual(['"MetricName":"HTTPCode_Target_5XX_Count"', '"MetricName":"HTTPCode_ELB_5XX_Count"', '"MetricName":"RequestCount"']);
  });

  it('page on p99 latency, any dead letter and Aurora CPU', () => {
    expect(alarm('P99Latency')).toMatchObject({
      Threshold: THRESHOLDS.p99LatencySeconds,
      Metrics: [{ MetricStat: { Metric: { MetricName: 'TargetResponseTime', Namespace: 'AWS/ApplicationELB' }, Stat: 'p99' } }],
      AlarmActions: [topic],
    });
    expect(alarm('DeadLetters')).toMatchObject({
      Threshold: 1,
      EvaluationPeriods: 1,
      Metrics: [
        {
          MetricStat: {
            Metric: {
              MetricName: 'ApproximateNumberOfMessagesVisible',
              Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [expect.stringMatching(/^MessagingExtractionDeadLetters/), 'QueueName'] } }],
            },
          },
        },
      ],
      AlarmActions: [topic],
    });
    expect(alarm('AuroraCpu')).toMatchObject({
      Threshold: THRESHOLDS.auroraCpuPercent,
      Metrics: [{ MetricStat: { Metric: { MetricName: 'CPUUtilization', Namespace: 'AWS/RDS' } } }],
      AlarmActions: [topic],
    });
  });

  it('go to an SNS topic that refuses plain HTTP', () => {
    const policy = JSON.stringify(resourceNamed(template, 'AWS::SNS::TopicPolicy', 'ObservabilityAlarms').props.PolicyDocument);
    expect(policy).toContain('"aws:SecureTransport":"false"');
  });
});

describe('dashboard', () => {
  const widgets = dashboardWidgets();
  const widget = (title: string) => {
    const found = widgets.find((w) => w.properties.title === title);
    if (!found) throw new Error(`No widget "${title}" among: ${widgets.map((w) => w.properties.title).join(', ')}`);
    return JSON.stringify(found.properties);
  };

  it('shows requests, p50/p99 latency and 5xx from the load balancer', () => {
    expect(widget('Requests')).toContain('"RequestCount"');
    expect(widget('API latency (s)')).toMatch(/"TargetResponseTime".*"stat":"p50".*"TargetResponseTime".*"stat":"p99"/);
    expect(widget('5xx')).toMatch(/HTTPCode_Target_5XX_Count.*HTTPCode_ELB_5XX_Count/);
  });

  it('shows the queue depth and the age of its oldest job, and the dead letters', () => {
    expect(widget('Extraction queue')).toMatch(/ApproximateNumberOfMessagesVisible.*ApproximateAgeOfOldestMessage/);
    expect(widget('Dead-letter queue')).toContain('<MessagingExtractionDeadLetters');
  });

  it('shows extractions and builds by outcome and duration from the app’s Embedded Metric Format names', () => {
    for (const [title, count, duration] of [
      ['Extractions by outcome', APP_METRICS.extractions, APP_METRICS.extractionDuration],
      ['Builds by outcome', APP_METRICS.builds, APP_METRICS.buildDuration],
    ] as const) {
      const text = widget(title);
      for (const metric of [count, duration]) expect(text).toContain(`SEARCH('{${METRICS_NAMESPACE},${OUTCOME_DIMENSION}} MetricName=\\"${metric.name}\\"'`);
    }
    expect(APP_METRICS).toEqual({
      extractions: { name: 'Extractions', unit: 'Count' },
      extractionDuration: { name: 'ExtractionDuration', unit: 'Milliseconds' },
      builds: { name: 'Builds', unit: 'Count' },
      buildDuration: { name: 'BuildDuration', unit: 'Milliseconds' },
    });
    expect([METRICS_NAMESPACE, OUTCOME_DIMENSION]).toEqual(['Resume2Website', 'Outcome']);
  });

  it('shows Aurora and Redis health, and every alarm', () => {
    expect(widget('Aurora')).toMatch(/"CPUUtilization".*"DatabaseConnections".*"ServerlessDatabaseCapacity"/);
    expect(widget('Redis')).toMatch(/"EngineCPUUtilization".*"DatabaseMemoryUsagePercentage"/);
    expect(widget('Redis connections')).toContain('"CurrConnections"');
    expect(widgets.find((w) => w.properties.title === 'Alarms')!.properties.alarms).toHaveLength(4);
  });
});
