// The "Figure | Analytic | Simulated, mean [95% CI]" table shared by the service and pipeline
// comparisons: rows read from the figure catalogue (./figure-rows.ts), labelled by the card's
// heading. The column headings are the catalogue's, as in the reports.
import { FIGURE_COLUMNS } from '../../simulation/present';
import type { FigureRowText } from './figure-rows';
import { FigureTable } from './FigureTable';

export function ComparisonTable({ rows, labelledBy }: { rows: readonly FigureRowText[]; labelledBy: string }) {
  return (
    <FigureTable
      labelledBy={labelledBy}
      columns={[FIGURE_COLUMNS.label, FIGURE_COLUMNS.analytic, FIGURE_COLUMNS.simulated]}
      rows={rows.map((r) => ({ key: r.key, head: r.label, cells: [r.analytic, r.simulated] }))}
    />
  );
}
