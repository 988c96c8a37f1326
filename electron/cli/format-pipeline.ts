// Human-readable pipeline part of `headroom run`: the catalogue's pipeline figures beside their
// formulas, the critical path, and each task's final states with the catalogue's short labels.
import type { ResultDocument } from '../../simulation';
import { figureIndex } from '../../simulation/present';
import { figureMeanText } from '../../simulation/present';
import { pipelineFigures, TASK_FIGURES } from '../../simulation/present';
import { EN_US } from '../../simulation/present';
import { figureTable, table } from './text-table';

/** The task table's columns (pool waits only in the CSV and the report). */
const TASK_COLUMNS = TASK_FIGURES.filter((d) => d.key !== 'pool_wait_s');

export function formatPipeline(r: ResultDocument): string[] {
  const p = r.pipeline;
  if (!p || !p.success_rate || !p.tasks || !p.makespan_s) return [];
  const figs = pipelineFigures(p);
  const at = figureIndex(figs);
  const out = [
    '',
    `Pipeline (${p.runs} runs over ${r.replications} replications):`,
    ...figureTable(figs.filter((f) => f.entity === '')),
    `  Critical path: ${(p.critical_path ?? p.analytic.critical_path).join(' → ')}`,
    '',
  ];
  const rows = [['Task', ...TASK_COLUMNS.map((d) => d.short ?? (d.label as string))]];
  for (const id of Object.keys(p.tasks)) {
    rows.push([id, ...TASK_COLUMNS.map((d) => figureMeanText(EN_US, at('pipeline', id, d.key)))]);
  }
  out.push(...table(rows, [false, ...TASK_COLUMNS.map(() => true)]).map((l) => `  ${l}`));
  return out;
}
