// An open sensitivity analysis: the figure as saved, the tornado chart of the inputs ranked by
// swing, the same as a table, and the inputs that could not be varied with the reason.
import { useMemo } from 'react';
import type { SensitivityResult } from '../../simulation';
import { statWithUnit } from '../../simulation/present';
import { APP_NUMBERS } from '../format/numbers';
import type { FigureChoice } from '../charts/whatif/figure-choices';
import { sharedLabels } from '../charts/whatif/input-labels';
import { TornadoChart } from './TornadoChart';
import { tornadoRows } from '../charts/whatif/tornado-rows';
import { useSavedRaw } from './use-saved-scenario';

const fmt = (x: number | null) => (x === null ? '—' : APP_NUMBERS.sig(x));

export function SensitivityView({ result, choices }: { result: SensitivityResult; choices: readonly FigureChoice[] }) {
  const raw = useSavedRaw();
  const data = useMemo(() => {
    const paths = result.inputs.map((i) => i.path);
    const { labels } = sharedLabels(raw, paths);
    const byPath = new Map(paths.map((p, i) => [p, labels[i] as string]));
    return tornadoRows(result, (p) => byPath.get(p) ?? p);
  }, [result, raw]);
  const choice = choices.find((c) => c.path === result.figure);
  const unit = choice?.unit ?? '';
  const label = choice ? `${choice.label} of ${choice.group.replace(/^Service /, '')}` : result.figure;
  return (
    <div className="wi-sensitivity">
      <p className="wi-verdict">
        <code>{result.figure}</code> as saved: {statWithUnit(APP_NUMBERS, result.base, unit)}; each input at ±{APP_NUMBERS.number(result.delta * 100)}%, one at a time, {result.replications} replications each.
      </p>
      <TornadoChart data={data} unit={unit} figureLabel={label} />
      <details className="wi-points">
        <summary>Inputs ({data.rows.length} varied)</summary>
        <div className="wi-table-wrap">
          <table className="data-table" aria-label="Sensitivity by input">
            <thead>
              <tr>
                <th scope="col">Rank</th><th scope="col">Input</th><th scope="col" className="num">Low → figure</th><th scope="col" className="num">High → figure</th><th scope="col" className="num">Swing</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.path}>
                  <td>{r.rank}</td>
                  <th scope="row">{r.label}<span className="figure-key"><code>{r.path}</code></span></th>
                  <td className="num">{fmt(r.lowValue)} → {statWithUnit(APP_NUMBERS, r.low, unit)}</td>
                  <td className="num">{fmt(r.highValue)} → {statWithUnit(APP_NUMBERS, r.high, unit)}</td>
                  <td className="num">{APP_NUMBERS.sig(r.swing)}{r.oneSided ? ' (one side)' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {data.notVaried.length > 0 && (
        <div className="wi-not-varied">
          <h5>Not varied ({data.notVaried.length})</h5>
          <ul aria-label="Inputs not varied">
            {data.notVaried.map((n) => (
              <li key={n.path}><strong>{n.label}</strong> <code>{n.path}</code>: {n.reason}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
