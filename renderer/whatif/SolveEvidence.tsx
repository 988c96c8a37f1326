// A solve's answer and its evidence: every count simulated with the figure(s) it was judged by
// (mean and 95% CI; an `llm` service's TTFT and TPOT side by side), utilization, cost per hour and
// whether it met the target; and, when no count meets it, why. The answer's row is highlighted.
// The table is the reports' too (../charts/whatif/solve-text evidenceTable).
import type { NumberText } from '../../simulation/present';
import { statWithUnit, valueText } from '../../simulation/present';
import { APP_NUMBERS } from '../format/numbers';
import { stackedStat } from './StackedStat';
import { answerText, evidenceTable, noAnswerReason, solveAnswer, solveQuestion, solveSearch, type AnySolve } from '../charts/whatif/solve-text';

const t: NumberText = APP_NUMBERS;

export function SolveEvidence({ solve }: { solve: AnySolve }) {
  const answer = solveAnswer(solve);
  const reason = noAnswerReason(t, solve);
  const ev = evidenceTable(solve);
  const heads = [ev.count.head, ...ev.figures.map((f) => f.head), 'Utilization', 'Cost per hour', ...(ev.hasStable ? ['Stable'] : []), ev.meetsHead];
  const rows = ev.rows.map((r) => ({
    n: r.n, meets: r.meets,
    cells: [
      String(r.n), ...r.figures.map((f, i) => stackedStat(statWithUnit(t, f, ev.figures[i]!.unit))), stackedStat(statWithUnit(t, r.utilization, 'fraction')),
      valueText(t, r.cost, 'cost'), ...(ev.hasStable ? [r.stable ? 'yes' : 'no'] : []), r.meets ? 'yes' : 'no',
    ],
  }));
  // Counts and figures right-aligned; the yes/no columns (stable, meets) read as text.
  const lastNumeric = ev.figures.length + 2;
  const numeric = (i: number) => i > 0 && i <= lastNumeric;
  return (
    <div className="wi-solve">
      <p className="wi-question">{solveQuestion(t, solve)}.</p>
      <p className={answer === null ? 'wi-answer none' : 'wi-answer'} data-testid="solve-answer">{answerText(solve)}</p>
      {reason && <p className="callout warn wi-reason" data-testid="solve-reason">{reason}</p>}
      <p className="muted wi-search">{solveSearch(solve)}</p>
      <div className="wi-table-wrap">
        <table className="data-table wi-evidence" aria-label={solve.target === 'service' ? `Replica counts simulated for ${solve.service}` : `Unit counts simulated for pool ${solve.pool}`}>
          <thead>
            <tr>{heads.map((h, i) => <th key={h} scope="col" className={numeric(i) ? 'num' : undefined}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.n} className={r.n === answer ? 'wi-answer-row' : r.meets ? undefined : 'wi-miss-row'} aria-current={r.n === answer ? 'true' : undefined}>
                {r.cells.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i} className={numeric(i) ? 'num' : undefined}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
