// The "Figure | Analytic | Simulated, mean [95% CI]" table shared by the service and pipeline
// comparisons: rows read from the figure catalogue (./figure-rows.ts), labelled by the card's
// heading. The column headings are the catalogue's, as in the reports.
import { FIGURE_COLUMNS } from '../../simulation/present';
import type { FigureRowText } from './figure-rows';

export function ComparisonTable({ rows, labelledBy }: { rows: readonly FigureRowText[]; labelledBy: string }) {
  return (
    <table className="data-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{FIGURE_COLUMNS.label}</th>
          <th scope="col" className="num">{FIGURE_COLUMNS.analytic}</th>
          <th scope="col" className="num">{FIGURE_COLUMNS.simulated}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{r.analytic}</td>
            <td className="num">{r.simulated}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
