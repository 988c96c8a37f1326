// A solve's answer and its evidence: every count simulated with the figure it was judged by (mean
// and 95% CI), utilization, cost per hour and whether it met the target; and, when no count
// meets it, why. The answer's row is highlighted.
import type { NumberText } from '../../simulation/present';
import { percentileName, statWithUnit, valueText } from '../../simulation/present';
import { APP_NUMBERS } from '../format/numbers';
import { answerText, noAnswerReason, solveAnswer, solveQuestion, solveSearch, type AnySolve } from '../charts/whatif/solve-text';

const t: NumberText = APP_NUMBERS;

export function SolveEvidence({ solve }: { solve: AnySolve }) {
  const answer = solveAnswer(solve);
  const reason = noAnswerReason(t, solve);
  const service = solve.target === 'service';
  const heads = service
    ? ['Replicas', `Latency ${percentileName(solve.slo_percentile)}`, 'Utilization', 'Cost per hour', 'Stable', 'Meets the SLO']
    : ['Units', `Queueing delay p${solve.percentile}`, 'Utilization', 'Cost per hour', 'Meets the target'];
  const rows = service
    ? solve.evidence.map((c) => ({
        n: c.replicas, meets: c.meets,
        cells: [String(c.replicas), statWithUnit(t, c.latency_at_slo_ms, 'ms'), statWithUnit(t, c.utilization, 'fraction'), valueText(t, c.cost_per_hour, 'cost'), c.stable ? 'yes' : 'no', c.meets ? 'yes' : 'no'],
      }))
    : solve.evidence.map((c) => ({
        n: c.units, meets: c.meets,
        cells: [String(c.units), statWithUnit(t, c.queue_delay_s, 's'), statWithUnit(t, c.utilization, 'fraction'), valueText(t, c.cost_per_hour, 'cost'), c.meets ? 'yes' : 'no'],
      }));
  // Counts and figures right-aligned; the yes/no columns (stable, meets) read as text.
  const numeric = (i: number) => i > 0 && i < 4;
  return (
    <div className="wi-solve">
      <p className="wi-question">{solveQuestion(t, solve)}.</p>
      <p className={answer === null ? 'wi-answer none' : 'wi-answer'} data-testid="solve-answer">{answerText(solve)}</p>
      {reason && <p className="callout warn wi-reason" data-testid="solve-reason">{reason}</p>}
      <p className="muted wi-search">{solveSearch(solve)}</p>
      <div className="wi-table-wrap">
        <table className="data-table wi-evidence" aria-label={service ? `Replica counts simulated for ${solve.service}` : `Unit counts simulated for pool ${solve.pool}`}>
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
