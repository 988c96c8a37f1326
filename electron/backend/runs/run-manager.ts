// Queues runs, executes them one at a time in worker threads (each run already spreads its
// replications over the cores), streams progress, and records every outcome in the library:
// done, truncated, cancelled or failed. Nothing else in the library is touched by a failure.
import type { Library, RunRecord } from '../../../db';
import { ENGINE_VERSION, servingSupportIssues, type HostInputs, type ReplicationOutcome } from '../../../simulation';
import { DEFAULT_APP_MAX_WALL_S, type RunEvent, type RunOptions } from '../../common/contract';
import { loadJobTraces } from '../traces/job-trace-loader';
import { appPaths } from '../paths';
import { applyOverrides, type Loaded } from '../traces/scenario-source';
import { simulate } from './simulate';
import { loadTraces } from '../traces/trace-loader';
import { hasHeadline, headlineOf } from './run-headline';
import { runSummary } from './run-summaries';

// The app's run wall-clock caps are defined with the other API limits (electron/common/limits.ts).
export { DEFAULT_APP_MAX_WALL_S, MAX_APP_WALL_S } from '../../common/contract';

interface Job {
  runId: string;
  loaded: Extract<Loaded, { ok: true }>;
  options: RunOptions;
  inputs: HostInputs;
  abort: AbortController;
}

export class RunManager {
  private readonly queue: Job[] = [];
  private active: Job | null = null;
  private activePromise: Promise<void> | null = null;
  private readonly listeners = new Set<(e: RunEvent) => void>();

  constructor(private readonly lib: Library, private readonly opts: { threads?: number }) {}

  subscribe(listener: (e: RunEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(scenarioVersionId: string, loaded: Extract<Loaded, { ok: true }>, options: RunOptions): RunRecord {
    const patched = applyOverrides(loaded.raw, { seed: options.seed, replications: options.replications });
    if (!patched.ok) throw new Error(patched.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    // A saved version's files are read from the library's copies (withStoredFiles); names no
    // version stored resolve under the bundled examples' folder, whose data files ship with the app.
    const dirs = loaded.fileDirs ?? [appPaths().examplesDir];
    const traces = loadTraces(patched.scenario, dirs);
    if (!traces.ok) throw new Error(traces.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    const jobs = loadJobTraces(patched.scenario, dirs);
    if (!jobs.ok) throw new Error(jobs.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    const inputs: HostInputs = Object.keys(jobs.jobs).length > 0 ? { ...traces.inputs, jobs: jobs.jobs } : traces.inputs;
    const unsupported = servingSupportIssues(patched.scenario, inputs);
    if (unsupported.length > 0) throw new Error(`cannot run yet: ${unsupported.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    const row = this.lib.runs.createRun({
      scenarioVersionId,
      seed: patched.scenario.seed,
      replications: patched.scenario.replications,
      engineVersion: ENGINE_VERSION,
    });
    this.queue.push({ runId: row.id, loaded: { ...loaded, scenario: patched.scenario }, options, inputs, abort: new AbortController() });
    this.emitStatus(row.id);
    this.pump();
    return row;
  }

  /** True while a run is queued or running. */
  hasWork(): boolean {
    return this.active !== null || this.queue.length > 0;
  }

  cancel(runId: string): void {
    if (this.active?.runId === runId) {
      this.active.abort.abort();
      return;
    }
    const i = this.queue.findIndex((j) => j.runId === runId);
    if (i >= 0) {
      this.queue.splice(i, 1);
      this.lib.runs.finishRun(runId, { status: 'cancelled', wallMs: 0, events: 0, resultJson: null, error: null });
      this.emitStatus(runId);
    }
  }

  async shutdown(): Promise<void> {
    for (const j of this.queue.splice(0)) {
      this.lib.runs.finishRun(j.runId, { status: 'cancelled', wallMs: 0, events: 0, resultJson: null, error: 'the app closed before the run started' });
    }
    this.active?.abort.abort();
    await this.activePromise;
  }

  private pump(): void {
    if (this.active || this.queue.length === 0) return;
    const job = this.queue.shift() as Job;
    this.active = job;
    this.activePromise = this.execute(job).finally(() => {
      this.active = null;
      this.activePromise = null;
      this.pump();
    });
  }

  private async execute(job: Job): Promise<void> {
    this.lib.runs.markRunning(job.runId);
    this.emitStatus(job.runId);
    try {
      const { result, cancelled } = await simulate(job.loaded.scenario, job.loaded.sha256, {
        threads: this.opts.threads,
        maxWallMs: (job.options.maxWallS ?? DEFAULT_APP_MAX_WALL_S) * 1000,
        signal: job.abort.signal,
        onProgress: (p) => this.emit({
          type: 'progress',
          progress: { runId: job.runId, fraction: p.fraction, replicationsDone: p.replicationsDone, replications: p.replications, eventsPerSec: p.eventsPerSec, etaMs: p.etaMs },
        }),
        onOutcome: (o) => this.recordReplication(job.runId, o),
      }, job.inputs);
      const status = cancelled ? 'cancelled' : result?.truncated ? 'truncated' : 'done';
      // The runs list's headline, stored with the result (only done and partial runs have one).
      const headline = result && hasHeadline(status) ? headlineOf(result, job.loaded.scenario) : null;
      this.lib.runs.finishRun(job.runId, {
        status,
        wallMs: result?.engine.wall_ms ?? 0,
        events: result?.engine.events ?? 0,
        resultJson: result ? JSON.stringify(result) : null,
        error: null,
        headline,
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.lib.runs.finishRun(job.runId, { status: 'failed', wallMs: null, events: null, resultJson: null, error: message });
    }
    this.emitStatus(job.runId);
  }

  /** Commits a finished replication on its own, so a crash later in the run keeps it. */
  private recordReplication(runId: string, outcome: ReplicationOutcome): void {
    if (outcome.stopped === 'cancelled') return; // partial: only whole replications are kept
    try {
      const json = JSON.stringify(outcome, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));
      this.lib.runs.recordReplication(runId, outcome.index, json);
    } catch {
      // A replication that cannot be stored (a full disk) must not stop the run; its result is
      // stored with the final status, or the failure to store it is recorded then.
    }
  }

  private emitStatus(runId: string): void {
    const row = this.lib.runs.getRun(runId);
    if (row) this.emit({ type: 'status', run: runSummary(this.lib, row) });
  }

  private emit(e: RunEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // A broken listener (a closed window or stream) must not stop a run.
      }
    }
  }
}
