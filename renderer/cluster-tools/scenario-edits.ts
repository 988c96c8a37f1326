// What the cluster tools write into the editor's scenario, as pure functions over the parsed
// JSON: the fitted straggler settings (and optionally one job's step time), or a checkpoint
// interval. The editor turns the new object into text, so the change is one undoable edit.
import type { StragglerFit } from '../../electron/common/contract';
import { getAtPath, setAtPath, type JsonPath } from '../editor/json-path';

/** Six significant digits: what the CLI prints, and plenty for a scenario file. */
export function roundSig(x: number, digits = 6): number {
  return Number(x.toPrecision(digits));
}

export interface StepTimeTarget {
  /** JSON path of the `step_time_s` to replace. */
  path: JsonPath;
  label: string;
}

/** Where a fitted step time may go: each explicit job, and the job generator. */
export function stepTimeTargets(raw: unknown): StepTimeTarget[] {
  const out: StepTimeTarget[] = [];
  const jobs = getAtPath(raw, ['cluster', 'jobs']);
  if (Array.isArray(jobs)) {
    jobs.forEach((job, i) => {
      const id = typeof job === 'object' && job !== null && typeof (job as { id?: unknown }).id === 'string' ? (job as { id: string }).id : `#${i + 1}`;
      out.push({ path: ['cluster', 'jobs', i, 'step_time_s'], label: `job ${id} (cluster.jobs[${i}])` });
    });
  }
  const generator = getAtPath(raw, ['cluster', 'job_generator']);
  if (typeof generator === 'object' && generator !== null) {
    out.push({ path: ['cluster', 'job_generator', 'step_time_s'], label: 'the job generator (cluster.job_generator)' });
  }
  return out;
}

/** The fitted settings as they are written (rounded to 6 significant digits). */
export function fittedSettings(fit: StragglerFit) {
  const { step_time_s: st, stragglers } = fit.fitted;
  return {
    stragglers: { slow_node_probability: roundSig(stragglers.slow_node_probability), slowdown: roundSig(stragglers.slowdown) },
    step_time_s: { dist: 'lognormal' as const, mean: roundSig(st.mean), cv: roundSig(st.cv) },
  };
}

/**
 * `raw` with `cluster.stragglers.slow_node_probability` and `slowdown` set from the fit (other
 * straggler fields, such as the mitigation, are kept), and the step time at `stepTime` if given.
 */
export function withStragglerFit(raw: unknown, fit: StragglerFit, stepTime: JsonPath | null): unknown {
  const s = fittedSettings(fit);
  let next = setAtPath(raw, ['cluster', 'stragglers', 'slow_node_probability'], s.stragglers.slow_node_probability);
  next = setAtPath(next, ['cluster', 'stragglers', 'slowdown'], s.stragglers.slowdown);
  if (stepTime) next = setAtPath(next, stepTime, s.step_time_s);
  return next;
}

/** A checkpoint interval as written: whole seconds from 10 s up, else 3 significant digits. */
export function roundInterval(seconds: number): number {
  return seconds >= 10 ? Math.round(seconds) : roundSig(seconds, 3);
}

export function withCheckpointInterval(raw: unknown, seconds: number): unknown {
  return setAtPath(raw, ['cluster', 'failures', 'checkpoint_interval_s'], roundInterval(seconds));
}

/** Whether the parsed scenario has a cluster section, and node failures in it. */
export function clusterShape(raw: unknown): { cluster: boolean; failures: boolean } {
  const cluster = getAtPath(raw, ['cluster']);
  const has = typeof cluster === 'object' && cluster !== null && !Array.isArray(cluster);
  const failures = getAtPath(raw, ['cluster', 'failures']);
  return { cluster: has, failures: has && typeof failures === 'object' && failures !== null };
}
