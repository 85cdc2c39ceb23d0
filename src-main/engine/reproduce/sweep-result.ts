// The result of a reproduction sweep: per model, per (method, p), the run-level summary of every
// metric over the held-out sequences, and the recommended p. Tables and plots read only this.
import type { Method } from '../../shared/explain-config';
import type { Summary } from '../metrics/aggregate';
import type { MetricsSummary } from '../metrics/summarize-metrics';
import type { Knee } from '../../shared/knee';

export interface SweepRow {
  model: string;
  method: Method;
  p: number;
  metrics: MetricsSummary;
}

export interface ModelSweep {
  model: string;
  /** sha256 of the ONNX file, so the app can match a recommendation to the model it has open. */
  sha256: string;
  /** Sequences evaluated (held-out positives). */
  sequences: number;
  rows: SweepRow[];
  /** The knee per PLRP variant, PLRP-λ (the paper's main method, and the app's default) first. */
  recommended: (Knee & { method: Method })[];
  seconds: number;
}

/** One scalar column of the report: how to read it from a row's summary, and which way is better. */
export interface ReportMetric {
  key: string;
  label: string;
  better: 'higher' | 'lower';
  pick: (m: MetricsSummary) => Summary | null | undefined;
}

export const REPORT_METRICS: readonly ReportMetric[] = [
  { key: 'gini', label: 'Gini', better: 'higher', pick: (m) => m.gini },
  { key: 'entropy', label: 'Entropy', better: 'lower', pick: (m) => m.entropy },
  { key: 'rma', label: 'RMA', better: 'higher', pick: (m) => m.rma },
  { key: 'rra', label: 'RRA', better: 'higher', pick: (m) => m.rra },
  { key: 'lipschitz', label: 'Local Lipschitz', better: 'lower', pick: (m) => m.lipschitz },
  { key: 'faith_morf_minus_lerf_auc', label: 'MoRF − LeRF AUC', better: 'higher', pick: (m) => m.faithfulness?.morfMinusLerfAuc },
  { key: 'faith_morf_auc', label: 'MoRF AUC', better: 'higher', pick: (m) => m.faithfulness?.morfAuc },
  { key: 'faith_lerf_auc', label: 'LeRF AUC', better: 'lower', pick: (m) => m.faithfulness?.lerfAuc },
];
