// The app's tables of figures: a heading column (the figure) and numeric columns, labelled by
// the card's heading. The comparison, summary and simulated-jobs tables are all this one table.
import type { ReactNode } from 'react';

export interface FigureTableRow {
  key: string;
  /** The row's heading cell: the figure's label (and, where shown, its key and tags). */
  head: ReactNode;
  /** One cell per numeric column, in order. */
  cells: readonly ReactNode[];
}

export function FigureTable({ labelledBy, columns, rows }: { labelledBy: string; columns: readonly [string, ...string[]]; rows: readonly FigureTableRow[] }) {
  const [first, ...numeric] = columns;
  return (
    <table className="data-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          {numeric.map((c) => <th key={c} scope="col" className="num">{c}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.head}</th>
            {r.cells.map((c, i) => <td key={i} className="num">{c}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
