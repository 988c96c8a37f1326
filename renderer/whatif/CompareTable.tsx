// Every figure of A and B side by side, grouped by service, pool and task: A, B, B − A with its
// 95% CI, and whether the difference is significant, in words (the tone only repeats them).
// "Only significant differences" narrows the table to the figures that moved.
import { useMemo, useState } from 'react';
import type { CompareDocument } from '../../electron/common/contract';
import type { Figure } from '../../simulation/present';
import { APP_NUMBERS } from '../format/numbers';
import { compareTable, type CompareRow } from './compare-rows';

function Row({ r }: { r: CompareRow }) {
  return (
    <tr className={`cmp-row cmp-tone-${r.tone}`} data-path={r.path}>
      <th scope="row">{r.label}</th>
      <td className="num">{r.a}{r.aCi && <span className="cmp-ci">{r.aCi}</span>}</td>
      <td className="num">{r.b}{r.bCi && <span className="cmp-ci">{r.bCi}</span>}</td>
      <td className="num cmp-diff">{r.diff}{r.diffCi && <span className="cmp-ci">{r.diffCi}</span>}</td>
      <td><span className="cmp-verdict">{r.verdict}</span></td>
    </tr>
  );
}

export function CompareTable({ doc, catalogue }: { doc: CompareDocument; catalogue: readonly Figure[] }) {
  const [onlySignificant, setOnlySignificant] = useState(false);
  const table = useMemo(() => compareTable(doc, catalogue, APP_NUMBERS, onlySignificant), [doc, catalogue, onlySignificant]);
  return (
    <div className="cmp-figures">
      <div className="cmp-figures-head">
        <p className="cmp-count">
          <strong>{table.significant}</strong> of {doc.figures.length - table.empty} figures differ significantly
          {table.empty > 0 && <span className="muted"> ({table.empty} without a value in either run left out)</span>}
        </p>
        <label className="cmp-filter">
          <input type="checkbox" checked={onlySignificant} onChange={(e) => setOnlySignificant(e.target.checked)} />
          Only significant differences
        </label>
      </div>
      {table.shown === 0 ? (
        <p className="muted">No figure differs significantly.</p>
      ) : (
        <table className="data-table cmp-table">
          <caption>Figures of A and B, with B − A and its 95% confidence interval</caption>
          <colgroup>
            <col className="cmp-col-label" />
            <col span={3} />
            <col className="cmp-col-verdict" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" className="num">A</th>
              <th scope="col" className="num">B</th>
              <th scope="col" className="num">B − A [95% CI]</th>
              <th scope="col">Difference</th>
            </tr>
          </thead>
          {table.groups.map((g) => (
            <tbody key={g.key}>
              <tr className="cmp-group">
                <th scope="rowgroup" colSpan={5}>{g.title}</th>
              </tr>
              {g.rows.map((r) => <Row key={r.path} r={r} />)}
            </tbody>
          ))}
        </table>
      )}
    </div>
  );
}
