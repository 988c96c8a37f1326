// A distribution-valued field in the form: its kind, its parameters (units in every label), and
// a small sketch of its density with the mean and the p99 marked — the p99 is what an SLO feels.
// Changing the kind keeps the mean. The sketch is drawn from the exact CDF of the validated
// scenario's distribution (simulation/present/dist-sketch.ts); an empirical distribution is
// edited in the JSON view.
import { useId } from 'react';
import { distSketch, type DistSketch } from '../../simulation/present';
import { distMean, type Dist } from '../../simulation';
import { formatNumber } from '../format/numbers';
import { useAppStore } from '../store';
import { FORM_DIST_PARAMS, TIMED_PARAMS, distOfKind, type FormDistKind } from './dist-field';
import { FieldShell } from './FieldShell';
import { getAtPath, type JsonPath } from './json-path';
import { ValueField } from './ScenarioFields';
import { useFieldIgnored, useFieldIssues, useFieldValue } from './use-field';

const KIND_LABELS: Record<FormDistKind, string> = {
  fixed: 'fixed', exponential: 'exponential', lognormal: 'lognormal (mean, cv)', gamma: 'gamma (mean, cv)',
  normal: 'normal, truncated at 0 (mean, sd)', uniform: 'uniform (min, max)', weibull: 'Weibull (shape, scale)', pareto: 'Pareto (min, alpha)',
};

function kindOf(raw: unknown): string | null {
  if (typeof raw === 'number') return 'fixed';
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const d = (raw as Record<string, unknown>).dist;
    return typeof d === 'string' ? d : null;
  }
  return null;
}

function paramLabel(name: string, unit: string, key: string): string {
  // Only the first letter is lowered: the rest may hold an id ("Step time of job GPT-3").
  if (key === 'mean' || key === 'value') return `Mean ${name.charAt(0).toLowerCase()}${name.slice(1)} (${unit})`;
  return TIMED_PARAMS.has(key) ? `${name} ${key} (${unit})` : `${name} ${key}`;
}

interface Props {
  /** What the distribution is of, capitalised ("Service time"); labels read "<name> distribution". */
  name: string;
  unit: string;
  path: JsonPath;
  /** The field may be absent: "none" removes it (an optional latency component, say). */
  optional?: boolean;
  /** What absence means, for the "none" option (e.g. "0 ms"). */
  absentMeans?: string;
}

export function DistPicker({ name, unit, path, optional, absentMeans }: Props) {
  const raw = useFieldValue(path);
  const ignored = useFieldIgnored(path);
  const issues = useFieldIssues(path);
  const setField = useAppStore((s) => s.setField);
  const dist = useAppStore((s) => (s.parse?.ok ? (getAtPath(s.parse.scenario, path) as Dist | undefined) : undefined));
  const kind = kindOf(raw);
  const formKind = kind !== null && kind in FORM_DIST_PARAMS ? (kind as FormDistKind) : null;
  const meanLabel = paramLabel(name, unit, 'mean');
  const kindIssues = issues.filter((i) => !formKind || !FORM_DIST_PARAMS[formKind].some((p) => i.path.endsWith(`.${p}`)));

  return (
    <div className="dist-picker wide">
      <FieldShell label={`${name} distribution`} issues={kindIssues} ignored={ignored}>
        {(aria) => (
          <select
            {...aria}
            disabled={aria.disabled}
            value={kind ?? ''}
            onChange={(e) => {
              if (e.target.value === '') { setField(path, undefined); return; }
              // The validated distribution's mean; while the scenario is invalid, the mean as typed.
              const mean = dist ? distMean(dist) : Number(getAtPath(raw, ['mean']) ?? raw);
              setField(path, distOfKind(e.target.value as FormDistKind, mean));
            }}
          >
            {(kind === null || optional) && <option value="">{optional ? `none${absentMeans ? ` (${absentMeans})` : ''}` : 'not set'}</option>}
            {kind !== null && formKind === null && <option value={kind}>{kind} (edit it in the JSON view)</option>}
            {(Object.keys(FORM_DIST_PARAMS) as FormDistKind[]).map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
          </select>
        )}
      </FieldShell>
      <div className="dist-params">
        {kind === null && optional ? null : kind === null || typeof raw === 'number' ? (
          <ValueField label={meanLabel} path={path} />
        ) : formKind ? (
          FORM_DIST_PARAMS[formKind].map((key) => <ValueField key={key} label={paramLabel(name, unit, key)} path={[...path, key]} />)
        ) : null}
      </div>
      {dist && typeof dist === 'object' && 'dist' in dist ? <SketchFigure sketch={distSketch(dist)} name={name} unit={unit} /> : null}
    </div>
  );
}

const W = 280, H = 64, PAD = 4;

/** Whole units from 10 up, one decimal below: what a reader compares with a budget. */
const short = (v: number) => formatNumber(Math.abs(v) >= 10 ? Math.round(v) : Math.round(v * 10) / 10);

function SketchFigure({ sketch, name, unit }: { sketch: DistSketch; name: string; unit: string }) {
  const id = useId();
  const x = (v: number) => PAD + (Math.min(v, sketch.xMax) / sketch.xMax) * (W - 2 * PAD);
  const top = Math.max(...sketch.bins, ...sketch.atoms.map((a) => a.p), 1e-12);
  const y = (v: number) => H - PAD - (v / top) * (H - 3 * PAD);
  const step = sketch.xMax / Math.max(1, sketch.bins.length);
  const area = sketch.bins.length > 0
    ? `M${x(0)},${y(0)}` + sketch.bins.map((b, i) => `L${x(i * step).toFixed(1)},${y(b).toFixed(1)}L${x((i + 1) * step).toFixed(1)},${y(b).toFixed(1)}`).join('') + `L${x(sketch.xMax)},${y(0)}Z`
    : '';
  const text = `mean ${short(sketch.mean)} ${unit} · p99 ${short(sketch.p99)} ${unit}`;
  return (
    <figure className="dist-sketch">
      <svg role="img" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-labelledby={`${id}-cap`}>
        {area && <path className="dist-area" d={area} />}
        {sketch.atoms.map((a) => <line key={a.x} className="dist-atom" x1={x(a.x)} x2={x(a.x)} y1={y(0)} y2={y(a.p)} />)}
        <line className="dist-mean" x1={x(sketch.mean)} x2={x(sketch.mean)} y1={PAD} y2={H - PAD} />
        <line className="dist-p99" x1={x(sketch.p99)} x2={x(sketch.p99)} y1={PAD} y2={H - PAD} />
      </svg>
      <figcaption id={`${id}-cap`}>{name} density: {text}</figcaption>
    </figure>
  );
}
