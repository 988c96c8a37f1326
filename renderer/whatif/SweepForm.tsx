// Sweep: one numeric field of the scenario over a range, or two over a grid. Fields are picked
// from the saved scenario's numeric inputs (never typed), each range starts around the field's
// value, and the form says how many points it will simulate before it runs.
import { useId, useMemo, useState } from 'react';
import type { AnalysisRequest } from '../../electron/common/contract';
import { MAX_SWEEP_REPLICATIONS } from '../../electron/common/limits';
import { inputChoices, type InputChoice } from '../charts/whatif/input-labels';
import { defaultRange, MAX_SWEEP_POINTS, parseRange, pointCount, type RangeText } from './sweep-range';
import { OptionalInt, parseOptionalInt } from './OptionalInt';

interface Props {
  raw: unknown;
  busy: boolean;
  onRun: (request: AnalysisRequest) => void;
}

function grouped(choices: readonly InputChoice[]): [string, InputChoice[]][] {
  const groups = new Map<string, InputChoice[]>();
  for (const c of choices) {
    const key = c.label.entity || 'scenario';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups];
}

function ParameterFields({ n, choices, path, range, onPath, onRange, disabled }: {
  n: number;
  choices: InputChoice[];
  path: string;
  range: RangeText;
  onPath: (path: string) => void;
  onRange: (range: RangeText) => void;
  disabled: boolean;
}) {
  const id = useId();
  const input = choices.find((c) => c.path === path);
  const hint = input ? `now ${input.value}${input.integer ? ', an integer' : ''}${input.min !== null ? `, ≥ ${input.min}` : ''}${input.max !== null ? `, ≤ ${input.max}` : ''}` : '';
  const field = (key: keyof RangeText, text: string) => (
    <label className="wi-field">
      <span><span className="visually-hidden">Parameter {n} </span>{text}</span>
      <input
        type="number"
        step="any"
        value={range[key]}
        disabled={disabled}
        onChange={(e) => onRange({ ...range, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <fieldset className="wi-param">
      <legend>Parameter {n}</legend>
      <div className="wi-field wi-grow">
        <label htmlFor={`${id}-field`}>Field <span className="visually-hidden">of parameter {n}</span></label>
        <select id={`${id}-field`} value={path} disabled={disabled} aria-describedby={`${id}-hint`} onChange={(e) => onPath(e.target.value)}>
          {grouped(choices).map(([group, list]) => (
            <optgroup key={group} label={group}>
              {list.map((c) => <option key={c.path} value={c.path}>{c.label.field} — {c.path}</option>)}
            </optgroup>
          ))}
        </select>
        <span id={`${id}-hint`} className="wi-hint">{hint}</span>
      </div>
      {field('from', 'From')}
      {field('to', 'To')}
      {field('step', 'Step')}
    </fieldset>
  );
}

export function SweepForm({ raw, busy, onRun }: Props) {
  const choices = useMemo(() => inputChoices(raw), [raw]);
  const first = choices.find((c) => c.path.endsWith('.replicas')) ?? choices[0];
  const [p1, setP1] = useState(first?.path ?? '');
  const [r1, setR1] = useState<RangeText>(first ? defaultRange(first) : { from: '', to: '', step: '' });
  const [two, setTwo] = useState(false);
  const second = choices.find((c) => c.path !== p1);
  const [p2, setP2] = useState(second?.path ?? '');
  const [r2, setR2] = useState<RangeText>(second ? defaultRange(second) : { from: '', to: '', step: '' });
  const [replications, setReplications] = useState('');
  const [seed, setSeed] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  // A field that left the scenario (another scenario, an edit): start again from the first.
  const [seen, setSeen] = useState(choices);
  if (seen !== choices) {
    setSeen(choices);
    if (!choices.some((c) => c.path === p1) && first) {
      setP1(first.path);
      setR1(defaultRange(first));
    }
    if (!choices.some((c) => c.path === p2) && second) {
      setP2(second.path);
      setR2(defaultRange(second));
    }
  }

  const pick = (setPath: (p: string) => void, setRange: (r: RangeText) => void) => (path: string) => {
    setPath(path);
    const c = choices.find((x) => x.path === path);
    if (c) setRange(defaultRange(c));
  };

  const n1 = pointCount(Number(r1.from), Number(r1.to), Number(r1.step || 1));
  const n2 = two ? pointCount(Number(r2.from), Number(r2.to), Number(r2.step || 1)) : 1;
  const total = n1 * n2;

  const submit = () => {
    setProblem(null);
    const a = parseRange(p1, r1, 'Parameter 1');
    if (!a.ok) return setProblem(a.message);
    const sets = [a.set];
    if (two) {
      const b = parseRange(p2, r2, 'Parameter 2');
      if (!b.ok) return setProblem(b.message);
      if (b.set.path === a.set.path) return setProblem('Parameter 2 field: must differ from parameter 1');
      sets.push(b.set);
    }
    if (total > MAX_SWEEP_POINTS) return setProblem(`The sweep has ${total} points, more than ${MAX_SWEEP_POINTS}: use a larger step or a smaller range`);
    const reps = parseOptionalInt(replications, 'Replications per point', 1, MAX_SWEEP_REPLICATIONS);
    if (typeof reps === 'string') return setProblem(reps);
    const s = parseOptionalInt(seed, 'Sweep seed', 0, Number.MAX_SAFE_INTEGER);
    if (typeof s === 'string') return setProblem(s);
    onRun({ kind: 'sweep', sets, ...(reps === null ? {} : { replications: reps }), ...(s === null ? {} : { seed: s }) });
  };

  if (choices.length === 0) return <p className="muted">The saved scenario has no numeric field to sweep.</p>;
  return (
    <form
      className="wi-form"
      aria-label="Sweep"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <ParameterFields n={1} choices={choices} path={p1} range={r1} onPath={pick(setP1, setR1)} onRange={setR1} disabled={busy} />
      <label className="wi-check">
        <input type="checkbox" checked={two} disabled={busy || choices.length < 2} onChange={(e) => setTwo(e.target.checked)} />
        Vary a second field over a grid (heatmap)
      </label>
      {two && <ParameterFields n={2} choices={choices} path={p2} range={r2} onPath={pick(setP2, setR2)} onRange={setR2} disabled={busy} />}
      <div className="wi-row">
        <OptionalInt label="Replications per point" placeholder="scenario’s" value={replications} onChange={setReplications} disabled={busy} min={1} max={MAX_SWEEP_REPLICATIONS} />
        <OptionalInt label="Sweep seed" placeholder="scenario’s" value={seed} onChange={setSeed} disabled={busy} min={0} />
        <p id={`${id}-count`} className={total > MAX_SWEEP_POINTS ? 'wi-count error' : 'wi-count'} aria-live="polite">
          {total > 0 ? `${total} point${total === 1 ? '' : 's'}` : 'no points (check the ranges)'}
        </p>
        <button type="submit" className="primary" disabled={busy} aria-describedby={`${id}-count`}>Run sweep</button>
      </div>
      {problem && <p className="message error" role="alert">{problem}</p>}
    </form>
  );
}
