// Sensitivity: which inputs move a chosen figure most, each numeric input at ±δ one at a time.
// The figure is picked from the selected run's result (every statistic it holds) or, before any
// run, from the catalogue of the scenario's sections.
import { useId, useState } from 'react';
import type { AnalysisRequest } from '../../electron/common/contract';
import { MAX_SWEEP_REPLICATIONS } from '../../electron/common/limits';
import { defaultFigure, groupChoices, type FigureChoice } from '../charts/whatif/figure-choices';
import { OptionalInt, parseOptionalInt } from './OptionalInt';

interface Props {
  choices: FigureChoice[];
  busy: boolean;
  onRun: (request: AnalysisRequest) => void;
}

export function SensitivityForm({ choices, busy, onRun }: Props) {
  const [picked, setPicked] = useState<string | null>(null);
  const [delta, setDelta] = useState('20');
  const [replications, setReplications] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const figure = picked !== null && choices.some((c) => c.path === picked) ? picked : defaultFigure(choices);

  const submit = () => {
    setProblem(null);
    if (!figure) return setProblem('Figure: the scenario has no figure to vary');
    const d = delta.trim() === '' ? NaN : Number(delta);
    if (!(Number.isFinite(d) && d > 0 && d < 100)) return setProblem('Change (± %): must be a number between 0 and 100');
    const reps = parseOptionalInt(replications, 'Replications per run', 1, MAX_SWEEP_REPLICATIONS);
    if (typeof reps === 'string') return setProblem(reps);
    onRun({ kind: 'sensitivity', figure, delta: d / 100, ...(reps === null ? {} : { replications: reps }) });
  };

  if (choices.length === 0) return <p className="muted">The saved scenario has no simulated figure to study.</p>;
  return (
    <form
      className="wi-form"
      aria-label="Sensitivity"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="wi-row">
        <div className="wi-field wi-grow">
          <label htmlFor={`${id}-figure`}>Figure</label>
          <select id={`${id}-figure`} value={figure ?? ''} disabled={busy} aria-describedby={`${id}-path`} onChange={(e) => setPicked(e.target.value)}>
            {groupChoices(choices).map(([group, list]) => (
              <optgroup key={group} label={group}>
                {list.map((c) => <option key={c.path} value={c.path}>{c.label}</option>)}
              </optgroup>
            ))}
          </select>
          <span id={`${id}-path`} className="wi-hint"><code>{figure}</code></span>
        </div>
        <label className="wi-field">
          <span>Change (± %)</span>
          <input type="number" min={1} max={99} step="any" value={delta} disabled={busy} onChange={(e) => setDelta(e.target.value)} />
        </label>
        <OptionalInt label="Replications per run" placeholder="scenario’s" value={replications} onChange={setReplications} disabled={busy} min={1} max={MAX_SWEEP_REPLICATIONS} />
        <button type="submit" className="primary" disabled={busy}>Run sensitivity</button>
      </div>
      <p className="wi-hint">Each numeric input that can move this figure, lowered and raised by this share one at a time, everything else as saved: two runs per input.</p>
      {problem && <p className="message error" role="alert">{problem}</p>}
    </form>
  );
}
