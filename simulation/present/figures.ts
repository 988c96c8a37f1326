// The figure catalogue of a result document: the run's settings, the seed article's analytic
// summary, then serving, cluster and pipeline figures (./figures-*.ts), as one flat list in
// document order — the same document gives the same list. The CSV report is this list row by
// row; the HTML and Markdown reports, the app's tables and the CLI pick figures from it.
import type { ResultDocument } from '../result/types';
import { figureRows, type Figure, type FigureDef } from './figure';
import { clusterFigures } from './figures-cluster';
import { llmEntity, llmServiceFigures, type LlmSlo } from './figures-llm';
import { pipelineFigures } from './figures-pipeline';
import { serviceFigures } from './figures-serving';
import { summaryFigures } from './figures-summary';

export type { Figure, FigureDef, Section } from './figure';
export { isSimulatedService, type ServiceEntity } from './figures-serving';

export const RUN_FIGURES: FigureDef<ResultDocument>[] = [
  { key: 'seed', label: 'Seed', unit: '', value: (d) => d.seed },
  { key: 'replications', label: 'Replications', unit: 'count', value: (d) => d.replications },
  { key: 'horizon_s', label: 'Horizon', unit: 's', value: (d) => d.horizon_s },
  { key: 'warmup_s', label: 'Warm-up', unit: 's', value: (d) => d.warmup_s },
  { key: 'engine.events', label: 'Events simulated', unit: 'count', value: (d) => d.engine.events },
  { key: 'engine.wall_ms', label: 'Wall-clock time', unit: 'ms', value: (d) => d.engine.wall_ms },
];

/** What the figures need from the scenario: each service's budget and SLO percentile (and an `llm` service's SLOs). */
export type ServiceSettings = Record<string, { budgetMs: number | null; sloPercentile: number; llmSlo?: LlmSlo } | undefined>;

export function documentFigures(doc: ResultDocument, services: ServiceSettings = {}): Figure[] {
  const rows = figureRows(RUN_FIGURES, doc, 'run', '');
  if (doc.truncated) rows.push({ section: 'run', entity: doc.truncated.reason, metric: 'truncated', label: 'Stopped early (partial result)', short: 'Stopped early', unit: 'flag', mean: 1, ci95: null, analytic: null });
  rows.push(...summaryFigures(doc.summary));
  for (const [id, svc] of Object.entries(doc.serving ?? {})) {
    const info = services[id];
    rows.push(...serviceFigures(id, { svc, budgetMs: info?.budgetMs, sloPercentile: info?.sloPercentile }));
    // An `llm` service's token-level figures follow its request-level ones (./figures-llm.ts).
    const llm = llmEntity(svc, info?.llmSlo);
    if (llm) rows.push(...llmServiceFigures(id, llm));
  }
  if (doc.cluster) rows.push(...clusterFigures(doc.cluster));
  if (doc.pipeline) rows.push(...pipelineFigures(doc.pipeline));
  return rows;
}

/** Look-up of figures by section, entity and metric. */
export function figureIndex(list: readonly Figure[]): (section: Figure['section'], entity: string, metric: string) => Figure | undefined {
  const map = new Map(list.map((f) => [`${f.section}\u0000${f.entity}\u0000${f.metric}`, f]));
  return (section, entity, metric) => map.get(`${section}\u0000${entity}\u0000${metric}`);
}
