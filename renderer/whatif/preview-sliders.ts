// Which inputs of the open scenario get a live what-if slider, and each slider's range and step.
// Pure: reads the editor's parsed JSON (numbers present in the text only, as numericInputs lists
// them) and never the result. The key inputs only, at most MAX_SLIDERS (the preview API takes
// 20 values):
//   replicas             1 … 3 × current (within autoscaling's min/max), whole replicas
//   arrival rate         ± 80 % (poisson/bursty rate_rps, diurnal mean_rps, a trace's scale)
//   service-time mean    ± 80 % (its mean, or a fixed time)
//   pool units           one node … 3 × current, in node-size steps; pools that jobs use only
//   probabilities        0 … min(1, 3 × current) (task failure, slow node)
//   straggler slowdown   1 … 3 × current
// Continuous ranges are a grid through the current value, so the slider starts exactly there.
import { numericInputs, type NumericInput } from '../../simulation';
import { getAtPath, setAtPath, type JsonPath } from '../editor/json-path';

export const MAX_SLIDERS = 20;

export type SliderKind = 'replicas' | 'rate' | 'service-time' | 'pool-units' | 'probability' | 'slowdown';

export interface SliderSpec {
  /** The input's path as the preview API and validation messages spell it. */
  path: string;
  segments: JsonPath;
  kind: SliderKind;
  /** The section the input belongs to: "Service risk_model_api", "GPU cluster", "Pipeline". */
  group: string;
  label: string;
  /** Unit shown after the value ("replicas", "rps", "ms", "GPUs", "%", "×"). */
  unit: string;
  /** Shown value = value × scale (probabilities as percentages). */
  scale: number;
  /** The value in the scenario text. */
  value: number;
  min: number;
  max: number;
  step: number;
  integer: boolean;
  /** Why the step is what it is, when it is not obvious ("one node = 8 GPUs"). */
  note?: string;
}

export interface SliderSet {
  sliders: SliderSpec[];
  /** Key inputs left out beyond MAX_SLIDERS. */
  omitted: number;
}

/** Twelve significant digits: removes binary noise from grid arithmetic. */
const clean = (x: number) => Number(x.toPrecision(12));

/** The largest 1, 2 or 5 × 10^k not above `x` (x > 0). */
export function stepBelow(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  return clean((m >= 5 ? 5 : m >= 2 ? 2 : 1) * p);
}

/** A grid through `value` from about lowFactor × to highFactor × it, in steps of about 1 % of it. */
function gridAround(value: number, lowFactor: number, highFactor: number): { min: number; max: number; step: number } {
  const step = stepBelow(value * 0.01);
  const down = Math.floor((value * (1 - lowFactor)) / step + 1e-9);
  const up = Math.floor((value * (highFactor - 1)) / step + 1e-9);
  return { min: clean(value - down * step), max: clean(value + up * step), step };
}

/** 0 … min(1, 3 × value); a zero probability gets 0 … 10 %. About 100 steps. */
function probabilityRange(value: number) {
  const max = value > 0 ? Math.min(1, clean(3 * value)) : 0.1;
  return { min: 0, max, step: stepBelow(max / 100) };
}

function idAt(raw: unknown, path: JsonPath, fallback: string): string {
  const id = getAtPath(raw, [...path, 'id']);
  return typeof id === 'string' ? id : fallback;
}

function num(raw: unknown, path: JsonPath): number | undefined {
  const v = getAtPath(raw, path);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Pools that something simulated draws on (cluster jobs, a generator or trace, pipeline tasks), with the largest single demand known from the text. */
function poolDemand(raw: unknown): Map<string, number> {
  const demand = new Map<string, number>();
  const need = (pool: unknown, units: unknown) => {
    if (typeof pool !== 'string') return;
    const u = typeof units === 'number' && Number.isFinite(units) ? units : 1;
    demand.set(pool, Math.max(demand.get(pool) ?? 0, u));
  };
  const list = (path: JsonPath) => {
    const v = getAtPath(raw, path);
    return Array.isArray(v) ? (v as unknown[]) : [];
  };
  for (const job of list(['cluster', 'jobs'])) need(getAtPath(job, ['pool']), getAtPath(job, ['units']));
  for (const task of list(['pipeline', 'tasks'])) need(getAtPath(task, ['pool']), getAtPath(task, ['units']));
  const gen = getAtPath(raw, ['cluster', 'job_generator']);
  if (gen) {
    const units = getAtPath(gen, ['units']);
    // A fixed generator size must fit; larger draws of a distribution are capped at the pool.
    need(getAtPath(gen, ['pool']), typeof units === 'number' ? units : getAtPath(units, ['dist']) === 'fixed' ? getAtPath(units, ['value']) : 1);
  }
  need(getAtPath(raw, ['cluster', 'job_trace', 'pool']), 1);
  return demand;
}

type Match = (input: NumericInput, raw: unknown) => Omit<SliderSpec, 'path' | 'segments' | 'value' | 'integer'> | null;

const SERVICE_TIME = /^serving\.services\[\d+\]\.service_time_ms\b/;

/** Each rule recognises one kind of key input by its path; the first that matches makes the slider. */
const RULES: Match[] = [
  (input, raw) => {
    const m = /^serving\.services\[(\d+)\]\.replicas$/.exec(input.path);
    if (!m) return null;
    const at = ['serving', 'services', Number(m[1])];
    const floor = num(raw, [...at, 'autoscaling', 'min_replicas']) ?? 1;
    const ceiling = num(raw, [...at, 'autoscaling', 'max_replicas']) ?? Infinity;
    const min = Math.max(1, Math.min(floor, input.value));
    const max = Math.min(Math.max(3 * input.value, input.value + 2), Math.max(ceiling, input.value));
    return { kind: 'replicas', group: `Service ${idAt(raw, at, `#${Number(m[1]) + 1}`)}`, label: 'Replicas', unit: 'replicas', scale: 1, min, max, step: 1 };
  },
  (input, raw) => {
    const m = /^serving\.services\[(\d+)\]\.arrivals\.(rate_rps|mean_rps|scale)$/.exec(input.path);
    if (!m || !(input.value > 0)) return null;
    const at = ['serving', 'services', Number(m[1])];
    const label = m[2] === 'scale' ? 'Trace rate scale' : m[2] === 'mean_rps' ? 'Mean arrival rate' : 'Arrival rate';
    return { kind: 'rate', group: `Service ${idAt(raw, at, `#${Number(m[1]) + 1}`)}`, label, unit: m[2] === 'scale' ? '×' : 'rps', scale: 1, ...gridAround(input.value, 0.2, 1.8) };
  },
  (input, raw) => {
    const m = /^serving\.services\[(\d+)\]\.service_time_ms(\.mean|\.value)?$/.exec(input.path);
    if (!m || !(input.value > 0)) return null;
    const at = ['serving', 'services', Number(m[1])];
    return { kind: 'service-time', group: `Service ${idAt(raw, at, `#${Number(m[1]) + 1}`)}`, label: m[2] === '.mean' ? 'Service time (mean)' : 'Service time', unit: 'ms', scale: 1, ...gridAround(input.value, 0.2, 1.8) };
  },
  (input, raw) => {
    const m = /^cluster\.pools\[(\d+)\]\.units$/.exec(input.path);
    if (!m) return null;
    const at = ['cluster', 'pools', Number(m[1])];
    const id = idAt(raw, at, `#${Number(m[1]) + 1}`);
    const demand = poolDemand(raw).get(id);
    if (demand === undefined) return null; // nothing simulated uses this pool: a slider would change nothing
    const node = num(raw, [...at, 'units_per_node']) ?? 1;
    const step = node >= 1 && Number.isInteger(node) && input.value % node === 0 ? node : 1;
    const min = Math.min(input.value, Math.max(step, Math.ceil(demand / step) * step));
    const max = Math.max(3 * input.value, input.value + step);
    return { kind: 'pool-units', group: 'GPU cluster', label: `${id} units`, unit: 'GPUs', scale: 1, min, max, step, note: step > 1 ? `in steps of one node (${step} GPUs)` : undefined };
  },
  (input, raw) => {
    const m = /^pipeline\.tasks\[(\d+)\]\.failure_probability$/.exec(input.path);
    if (!m) return null;
    const id = idAt(raw, ['pipeline', 'tasks', Number(m[1])], `#${Number(m[1]) + 1}`);
    return { kind: 'probability', group: 'Pipeline failure probability', label: id, unit: '%', scale: 100, ...probabilityRange(input.value) };
  },
  (input) => {
    if (input.path !== 'cluster.stragglers.slow_node_probability') return null;
    return { kind: 'probability', group: 'GPU cluster', label: 'Slow-node probability', unit: '%', scale: 100, ...probabilityRange(input.value) };
  },
  (input) => {
    if (input.path !== 'cluster.stragglers.slowdown' || !(input.value >= 1)) return null;
    const max = Math.max(3, clean(3 * input.value));
    return { kind: 'slowdown', group: 'GPU cluster', label: 'Straggler slowdown', unit: '×', scale: 1, min: 1, max, step: stepBelow((max - 1) / 100) };
  },
];

/** Stragglers matter only where something runs on the cluster. */
function clusterSimulated(raw: unknown): boolean {
  return poolDemand(raw).size > 0;
}

export function previewSliders(raw: unknown): SliderSet {
  if (typeof raw !== 'object' || raw === null) return { sliders: [], omitted: 0 };
  const found: SliderSpec[] = [];
  for (const input of numericInputs(raw)) {
    if (input.path.startsWith('cluster.stragglers.') && !clusterSimulated(raw)) continue;
    // With batching, the batch time is the service time; service_time_ms is not used.
    if (SERVICE_TIME.test(input.path) && getAtPath(raw, [...input.segments.slice(0, 3), 'batching']) !== undefined) continue;
    for (const rule of RULES) {
      const spec = rule(input, raw);
      if (spec) {
        found.push({ path: input.path, segments: input.segments, value: input.value, integer: input.integer, ...spec });
        break;
      }
    }
  }
  // Services first, then the cluster, then the pipeline (the order the results show them).
  const rank = (s: SliderSpec) => (s.path.startsWith('serving.') ? 0 : s.path.startsWith('cluster.') ? 1 : 2);
  const ordered = found.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map((x) => x.s);
  return { sliders: ordered.slice(0, MAX_SLIDERS), omitted: Math.max(0, ordered.length - MAX_SLIDERS) };
}

/** A typed value made one the slider takes: within its range, whole (and whole nodes) where it must be. */
export function clampToSlider(spec: Pick<SliderSpec, 'min' | 'max' | 'step' | 'value' | 'integer'>, x: number): number {
  if (!Number.isFinite(x)) return spec.value;
  const v = Math.min(spec.max, Math.max(spec.min, x));
  if (!spec.integer) return clean(v);
  return Math.min(spec.max, spec.min + Math.round((v - spec.min) / spec.step) * spec.step);
}

/** The scenario's parsed JSON with each moved slider's value written at its path. */
export function withSliderValues(raw: unknown, sliders: readonly SliderSpec[], values: Readonly<Record<string, number>>): unknown {
  let next = raw;
  for (const s of sliders) {
    const v = values[s.path];
    if (v !== undefined && v !== s.value) next = setAtPath(next, s.segments, v);
  }
  return next;
}
