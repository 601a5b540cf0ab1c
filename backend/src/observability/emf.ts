// CloudWatch metrics from log lines, in the Embedded Metric Format: one JSON record on stdout
// per extraction job outcome and per build outcome. In ECS the awslogs driver ships stdout to
// CloudWatch Logs, which turns each record into data points; no agent, no PutMetricData.
// The CloudWatch dashboard and alarms are built on exactly these names: change them together.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html

export const EMF_NAMESPACE = 'Resume2Website';
export const OUTCOME_DIMENSION = 'Outcome';

/** The outcomes of r2w_extraction_jobs_total (metrics.ts). */
export type ExtractionOutcome = 'ready' | 'failed' | 'retried' | 'skipped';
/** The outcomes of r2w_builds_total (metrics.ts) that end a build. */
export type BuildOutcome = 'succeeded' | 'failed' | 'died' | 'timed_out' | 'not_started';

export const EMF_METRICS = {
  extraction: { count: 'Extractions', duration: 'ExtractionDuration' },
  build: { count: 'Builds', duration: 'BuildDuration' },
} as const;

export interface EmfRecord {
  _aws: { Timestamp: number; CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
  [member: string]: unknown;
}

/** One record: a count of 1 and a duration in ms, under the one dimension Outcome. */
export function emfRecord(kind: keyof typeof EMF_METRICS, outcome: string, durationMs: number, timestamp = Date.now()): EmfRecord {
  const names = EMF_METRICS[kind];
  return {
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [
        {
          Namespace: EMF_NAMESPACE,
          Dimensions: [[OUTCOME_DIMENSION]],
          Metrics: [
            { Name: names.count, Unit: 'Count' },
            { Name: names.duration, Unit: 'Milliseconds' },
          ],
        },
      ],
    },
    [OUTCOME_DIMENSION]: outcome,
    [names.count]: 1,
    [names.duration]: Math.max(0, Math.round(durationMs)),
  };
}

export interface OutcomeMetrics {
  extraction(outcome: ExtractionOutcome, durationMs: number): void;
  build(outcome: BuildOutcome, durationMs: number): void;
}

/**
 * Records go straight to stdout, one line each, whatever LOG_LEVEL says: a metric must not
 * vanish because logs were turned down. Off (METRICS_EMF unset), nothing is written.
 */
export function createOutcomeMetrics(enabled: boolean, write: (line: string) => void = (line) => process.stdout.write(line)): OutcomeMetrics {
  if (!enabled) return { extraction: () => {}, build: () => {} };
  const emit = (record: EmfRecord) => write(`${JSON.stringify(record)}\n`);
  return {
    extraction: (outcome, durationMs) => emit(emfRecord('extraction', outcome, durationMs)),
    build: (outcome, durationMs) => emit(emfRecord('build', outcome, durationMs)),
  };
}
