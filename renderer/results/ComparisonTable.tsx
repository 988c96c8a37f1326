// The "Figure | Analytic | Simulated, mean [95% CI]" table shared by the service and pipeline
// comparisons: rows of already formatted text, labelled by the card's heading.
export interface ComparisonRowText {
  label: string;
  analytic: string;
  simulated: string;
}

export function ComparisonTable({ rows, labelledBy }: { rows: readonly ComparisonRowText[]; labelledBy: string }) {
  return (
    <table className="data-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col" className="num">Analytic</th>
          <th scope="col" className="num">Simulated, mean [95% CI]</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td className="num">{r.analytic}</td>
            <td className="num">{r.simulated}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
