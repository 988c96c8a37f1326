// Human-readable output of `analyze` and `run` (JSON output is the result document itself).
// The figures are the catalogue's (simulation/present), with the labels and the spelling of the
// app and the reports; each section lists the figures the HTML report's table of it lists.
import type { ResultDocument, Summary } from '../../simulation';
import { analyticText, EN_US, isSimulatedService, serviceFigures, SUMMARY_COLUMNS, summaryFigures, traceReplayNote, valueText } from '../../simulation/present';
import { scenarioInfo } from '../backend/report/scenario-info';
import { reportVerdicts } from '../backend/report/verdicts';
import { formatCluster } from './format-cluster';
import { formatLlmService } from './format-serving';
import { formatPipeline } from './format-pipeline';
import { figureTable, table } from './text-table';

/** The seed article's table: each figure's document key, the catalogue's label and its value. */
export function formatSummary(summary: Summary): string {
  const figs = summaryFigures(summary);
  if (figs.length === 0) return '';
  const rows = [[SUMMARY_COLUMNS.key, SUMMARY_COLUMNS.label, SUMMARY_COLUMNS.value], ...figs.map((f) => [f.metric, f.label, analyticText(EN_US, f)])];
  return table(rows, [false, false, true]).join('\n');
}

/** The scenario (for budgets and SLO percentiles) is optional: without it they are recovered or left out. */
export function formatResult(r: ResultDocument, scenario: unknown = null): string {
  const out: string[] = [`${r.scenario.name}`, '', 'Analytic summary', formatSummary(r.summary)];
  const info = scenarioInfo(r, scenario);
  // Verdicts are shown for `llm` services (in TTFT and TPOT terms), under their token-level figures.
  const verdicts = Object.values(info.services).some((s) => s.llmSlo) ? reportVerdicts(r, scenario) : [];
  for (const [id, svc] of Object.entries(r.serving ?? {})) {
    const sim = isSimulatedService(svc);
    const figs = serviceFigures(id, { svc, ...info.services[id] })
      .filter((f) => !f.metric.startsWith('components_ms.') && !f.metric.startsWith('analytic.by_replicas.'));
    out.push('', `Service ${id} (${sim ? `${r.replications} replications` : 'analytic only'}):`, ...figureTable(figs));
    const by = svc.analytic.by_replicas;
    if (by) out.push(`  Utilization by replica count: ${by.map((row) => `${row.replicas} → ${valueText(EN_US, row.utilization, 'fraction')}`).join(', ')}`);
    if (sim) out.push(...formatLlmService(svc, id, info.services[id]?.llmSlo, verdicts.find((v) => v.layer === 'serving' && v.subject === id)));
    if (sim && !svc.stable) out.push('  Unstable: offered load reaches capacity or the queue did not drain.');
    const replayNote = traceReplayNote(svc);
    if (replayNote) out.push(`  Note: ${replayNote}.`);
  }
  out.push(...formatPipeline(r));
  out.push(...formatCluster(r));
  if (r.not_simulated?.length) out.push('', `Not simulated yet (analytic only): ${r.not_simulated.join(', ')}`);
  if (r.truncated) out.push('', `TRUNCATED: ${r.truncated.reason}`);
  out.push('', `engine ${r.engine.version}, seed ${r.seed}, ${r.engine.events} events, ${r.engine.wall_ms} ms`);
  return out.join('\n');
}
