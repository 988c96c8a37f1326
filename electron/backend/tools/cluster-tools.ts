// The app's checkpoint-interval sweep of a saved scenario: the flags applied as the CLI applies
// them, every reason the scenario cannot be swept returned as a result naming the field, then
// the sweep on worker threads under a wall-clock cap, cancellable by the caller's request id.
import type { CheckpointSweepOptions, CheckpointSweepResult, ValidationIssue } from '../../common/contract';
import { checkpointSweepIssues, runCheckpointSweep, SweepStoppedError } from './checkpoint-sweep';
import { loadJobTraces } from '../traces/job-trace-loader';
import { appPaths } from '../paths';
import { applyOverrides, type Loaded } from '../traces/scenario-source';

/** Default wall-clock cap on a sweep started from the app. */
export const SWEEP_MAX_WALL_MS = 120_000;
/** Sweeps that may run at once (each spreads over the cores already). */
export const MAX_CONCURRENT_SWEEPS = 2;

export interface SavedScenario {
  scenarioId: string;
  version: number;
  /** The latest version, with its stored files' paths pointing at the library's copies. */
  loaded: Loaded;
}

export interface SweepContext {
  sweeps: Map<string, AbortController>;
  threads?: number;
  maxWallMs?: number;
}

const invalid = (errors: ValidationIssue[]): CheckpointSweepResult => ({
  ok: false, reason: 'invalid', errors, message: errors.map((e) => `${e.path}: ${e.message}`).join('\n'),
});

let anonymous = 0;

export async function sweepSavedScenario(saved: SavedScenario, options: CheckpointSweepOptions, ctx: SweepContext): Promise<CheckpointSweepResult> {
  if (!saved.loaded.ok) return invalid(saved.loaded.errors.map((e) => ({ path: e.path, message: `${e.message} (in the saved version v${saved.version})` })));
  const patched = applyOverrides(saved.loaded.raw, { seed: options.seed, replications: options.replications });
  if (!patched.ok) return invalid(patched.errors);
  const scenario = patched.scenario;
  const issues = checkpointSweepIssues(scenario);
  if (issues.length > 0) return invalid(issues);
  // The library's copy of the job trace, else the bundled examples' folder, as for runs.
  const traces = loadJobTraces(scenario, saved.loaded.fileDirs ?? [appPaths().examplesDir]);
  if (!traces.ok) return invalid(traces.errors);
  const inputs = Object.keys(traces.jobs).length > 0 ? { jobs: traces.jobs } : {};

  const id = options.requestId ?? `anonymous-${++anonymous}`;
  if (ctx.sweeps.has(id)) throw new Error(`a checkpoint sweep with request id ${id} is already running`);
  if (ctx.sweeps.size >= MAX_CONCURRENT_SWEEPS) throw new Error(`${ctx.sweeps.size} checkpoint sweeps are already running; wait for one to finish or cancel it`);
  const abort = new AbortController();
  ctx.sweeps.set(id, abort);
  const started = Date.now();
  try {
    const sweep = await runCheckpointSweep(scenario, inputs, {
      factors: options.factors,
      threads: ctx.threads,
      maxWallMs: ctx.maxWallMs ?? SWEEP_MAX_WALL_MS,
      signal: abort.signal,
    });
    return { ok: true, scenarioId: saved.scenarioId, scenarioVersion: saved.version, seed: scenario.seed, replications: scenario.replications, wallMs: Date.now() - started, sweep };
  } catch (e) {
    if (e instanceof SweepStoppedError) return { ok: false, reason: e.reason, message: e.message, errors: [] };
    throw e;
  } finally {
    ctx.sweeps.delete(id);
  }
}
