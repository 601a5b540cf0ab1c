// The application's own metrics, written as CloudWatch Embedded Metric Format log lines by
// the API and the worker and drawn by the dashboard here. A renamed metric would leave its
// widget empty without an error anywhere, so the names come from the module that writes the
// records (backend/src/observability/emf.ts).

import { EMF_METRICS, EMF_NAMESPACE, OUTCOME_DIMENSION as EMF_OUTCOME_DIMENSION } from '../../backend/src/observability/emf';

export const METRICS_NAMESPACE = EMF_NAMESPACE;

/** The single dimension of every application metric: succeeded, failed, ... */
export const OUTCOME_DIMENSION = EMF_OUTCOME_DIMENSION;

export const APP_METRICS = {
  extractions: { name: EMF_METRICS.extraction.count, unit: 'Count' },
  extractionDuration: { name: EMF_METRICS.extraction.duration, unit: 'Milliseconds' },
  builds: { name: EMF_METRICS.build.count, unit: 'Count' },
  buildDuration: { name: EMF_METRICS.build.duration, unit: 'Milliseconds' },
} as const;
