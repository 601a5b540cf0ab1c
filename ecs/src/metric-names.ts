// The application's own metrics, written as CloudWatch Embedded Metric Format log lines by
// the API and the worker and drawn by the dashboard here. The emitting side must use
// exactly these names: a renamed metric leaves its widget empty without an error anywhere.

export const METRICS_NAMESPACE = 'Resume2Website';

/** The single dimension of every application metric: succeeded, failed, ... */
export const OUTCOME_DIMENSION = 'Outcome';

export const APP_METRICS = {
  extractions: { name: 'Extractions', unit: 'Count' },
  extractionDuration: { name: 'ExtractionDuration', unit: 'Milliseconds' },
  builds: { name: 'Builds', unit: 'Count' },
  buildDuration: { name: 'BuildDuration', unit: 'Milliseconds' },
} as const;
