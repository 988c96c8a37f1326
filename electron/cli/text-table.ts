// Plain-text tables of the CLI: columns padded to their widest cell, and the figure tables that
// show a list of catalogue figures (simulation/present) with the reports' labels and spelling.
import type { Figure } from '../../simulation/present';
import { analyticText, FIGURE_COLUMNS, simulatedText } from '../../simulation/present';
import { EN_US } from '../../simulation/present';

/** Rows of cells → lines, each column padded to its widest cell (numbers right-aligned). */
export function table(rows: string[][], rightAligned: readonly boolean[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (rightAligned[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd());
}

/** "Figure | Simulated: mean [95% CI] | Analytic / configured", indented; nothing for no figures. */
export function figureTable(figs: readonly Figure[], indent = '  '): string[] {
  if (figs.length === 0) return [];
  const rows: string[][] = [[FIGURE_COLUMNS.label, FIGURE_COLUMNS.simulated, FIGURE_COLUMNS.analytic]];
  for (const f of figs) rows.push([f.label, simulatedText(EN_US, f), analyticText(EN_US, f)]);
  return table(rows, [false, true, true]).map((l) => `${indent}${l}`.trimEnd());
}
