// The seed article's analytic table: the eight figures, in its order, with how each is shown.
import type { Summary } from '../../simulation';
import { formatMs, formatNumber, formatPercent } from '../format/numbers';

export interface SummaryRow {
  key: keyof Summary;
  label: string;
  /** Scenario section the figure comes from (for "analytic only (not simulated yet)"). */
  section: 'pipeline' | 'cluster' | 'serving' | null;
  format: (value: number) => string;
}

export const SUMMARY_ROWS: readonly SummaryRow[] = [
  { key: 'pipeline_total_duration_minutes', label: 'Pipeline duration, Σ task means', section: 'pipeline', format: (v) => `${formatNumber(v, 1)} min` },
  { key: 'pipeline_reliability', label: 'Pipeline reliability, ∏(1 − p)', section: 'pipeline', format: (v) => v.toFixed(4) },
  { key: 'mean_compute_utilization', label: 'Mean compute utilization', section: 'cluster', format: (v) => formatPercent(v, 2) },
  { key: 'share_compute_pools_over_target', label: 'Share of pools over target', section: 'cluster', format: (v) => formatPercent(v, 0) },
  { key: 'serving_required_replicas', label: 'Required replicas, ⌈offered ÷ per-replica⌉', section: 'serving', format: (v) => String(v) },
  { key: 'serving_total_latency_ms', label: 'Total latency, service + components', section: 'serving', format: formatMs },
  { key: 'serving_latency_margin_ms', label: 'Latency margin, budget − total', section: 'serving', format: formatMs },
  { key: 'infrastructure_readiness_score', label: 'Readiness score, mean', section: null, format: (v) => v.toFixed(2) },
];
