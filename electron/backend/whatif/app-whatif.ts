// The app's what-if methods (api.ts, "What-if"): compare two stored runs, run and keep sweeps,
// solves and sensitivity analyses of a saved scenario, and the reduced live preview behind the
// sliders. The same tool code as the CLI's (this folder), here with the library's copies of
// the scenario's files, a wall-clock cap, progress events and cancellation by request id.
import type { Library } from '../../../db';
import {
  mergeReplications, serviceOfferedRps, traceRates, type AnalysisDocument, type HostInputs, type ReplicationOutcome, type ResultDocument,
  type Scenario, type ValidationIssue,
} from '../../../simulation';
import { PreviewWorker } from './preview-worker';
import type { TraceCache } from '../traces/trace-loader';
import type { AnalysisOutcome, AnalysisRecord, AnalysisRequest, AnalysisSummary, CompareDocument, PreviewOptions, PreviewOutcome, RunEvent } from '../../common/contract';
import { fileCacheDir, withStoredFiles } from '../library/version-files';
import { appPaths } from '../paths';
import { SolveInputError, solveService } from '../tools/solve';
import { parsePath, parseSetSpec, SweepUsageError } from '../tools/sweep';
import { loadScenarioText, type Loaded } from '../traces/scenario-source';
import { compareSides } from './compare';
import { PoolSolveInputError, solvePool } from './pool-solve';
import { runSensitivity, SensitivityInputError } from './sensitivity-run';
import { prepareSweep, runSweepPoints, SweepInputError } from './sweep-run';
import { prepareVariant, type VariantSource } from './variant';

/** Default wall-clock cap on one analysis started from the app. */
export const ANALYSIS_MAX_WALL_MS = 600_000;
/** Analyses that may run at once (each spreads over the cores already). */
export const MAX_CONCURRENT_ANALYSES = 2;
/** The live preview: one replication. */
export const PREVIEW_REPLICATIONS = 1;
/** With a serving section, the preview simulates at most this long … */
export const PREVIEW_MAX_HORIZON_S = 60;
/** … and at most about this many requests in all (at 1,200 rps: 50 s), at least 10 s. */
export const PREVIEW_REQUESTS = 60_000;
/** Events the preview may simulate before it stops, whatever the scenario. */
export const PREVIEW_MAX_EVENTS = 2_000_000;

type LoadedOk = Extract<Loaded, { ok: true }>;

export interface WhatIfContext {
  lib: () => Library;
  dataDir: string;
  threads?: number;
  maxWallMs?: number;
  emit: (e: RunEvent) => void;
}

class StoppedError extends Error {
  constructor(readonly reason: 'cancelled' | 'max_wall_s') {
    super(reason === 'cancelled' ? 'the analysis was cancelled' : 'the analysis reached its wall-clock cap');
  }
}

const invalid = (errors: ValidationIssue[]): Extract<AnalysisOutcome, { ok: false }> => ({
  ok: false, reason: 'invalid', errors, message: errors.map((e) => `${e.path}: ${e.message}`).join('\n'),
});

function setsText(sets: readonly { path: string; from: number; to: number; step?: number }[]): string {
  return sets.map((s) => `${s.path}=${s.from}:${s.to}${s.step === undefined ? '' : `:${s.step}`}`).join(' × ');
}

/**
 * How long the preview simulates: a serving scenario a short window sized to its arrival rate
 * (queues form within seconds at these rates); clusters and pipelines their whole horizon, which
 * they simulate in milliseconds (jobs run for hours: a short window would show nothing).
 */
export function previewHorizon(scenario: Scenario, inputs: HostInputs): number {
  const services = scenario.serving?.services ?? [];
  if (services.length === 0) return scenario.horizon_s;
  const rates = traceRates(scenario, inputs);
  const rps = services.reduce((sum, svc) => sum + (serviceOfferedRps(svc, rates.get(svc.id)) || 0), 0);
  const window = rps > 0 ? Math.max(10, PREVIEW_REQUESTS / rps) : PREVIEW_MAX_HORIZON_S;
  return Math.min(scenario.horizon_s, PREVIEW_MAX_HORIZON_S, window);
}

export class WhatIfHost {
  private readonly active = new Map<string, AbortController>();
  private readonly previewWorker = new PreviewWorker();
  /** Traces the previews read, by file: the library's copies are named by content, so they never go stale. */
  private readonly previewTraces: TraceCache = new Map();
  private anonymous = 0;

  constructor(private readonly ctx: WhatIfContext) {}

  /** The scenario version as saved, with its files pointing at the library's copies. */
  private source(versionId: string): { loaded: LoadedOk; src: VariantSource } | { errors: ValidationIssue[] } {
    const lib = this.ctx.lib();
    const version = lib.scenarios.getVersion(versionId);
    if (!version) throw new Error(`no scenario version with id ${versionId}`);
    const loaded = loadScenarioText(version.json);
    if (!loaded.ok) return { errors: loaded.errors.map((e) => ({ path: e.path, message: `${e.message} (in the saved version v${version.version})` })) };
    const withFiles = withStoredFiles(lib, versionId, loaded, fileCacheDir(this.ctx.dataDir));
    return { loaded: withFiles, src: { raw: withFiles.raw, dirs: withFiles.fileDirs ?? [appPaths().examplesDir] } };
  }

  compareRuns(runIdA: string, runIdB: string): CompareDocument {
    const lib = this.ctx.lib();
    const side = (runId: string) => {
      const run = lib.runs.getRun(runId);
      if (!run) throw new Error(`no run with id ${runId}`);
      const text = lib.runs.getRunResult(runId);
      if (text === null) throw new Error(`run ${runId} has no result to compare (status ${run.status})`);
      const result = JSON.parse(text) as ResultDocument;
      const s = this.source(run.scenarioVersionId);
      if ('errors' in s) throw new Error(s.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
      const v = prepareVariant(s.src, [], { seed: run.seed, replications: run.replications });
      if (!v.ok) throw new Error(v.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
      const outcomes = lib.runs.listReplications(runId).map((r) => JSON.parse(r.outcomeJson) as ReplicationOutcome);
      return {
        raw: v.variant.raw, scenario: v.variant.scenario, result, outcomes, inputs: v.variant.inputs,
        side: { name: run.scenarioName, sha256: result.scenario.sha256, seed: run.seed, replications: result.replications, runId, scenarioVersion: run.scenarioVersion },
      };
    };
    return compareSides(side(runIdA), side(runIdB));
  }

  async runAnalysis(scenarioId: string, request: AnalysisRequest): Promise<AnalysisOutcome> {
    const lib = this.ctx.lib();
    const rec = lib.scenarios.getScenario(scenarioId);
    if (!rec) throw new Error(`no scenario with id ${scenarioId}`);
    const s = this.source(rec.versionId);
    if ('errors' in s) return invalid(s.errors);
    const overrides = { seed: request.seed, replications: request.replications };
    const base = prepareVariant(s.src, [], overrides);
    if (!base.ok) return invalid(base.errors);

    const id = request.requestId ?? `anonymous-${++this.anonymous}`;
    if (this.active.has(id)) throw new Error(`an analysis with request id ${id} is already running`);
    if (this.active.size >= MAX_CONCURRENT_ANALYSES) throw new Error(`${this.active.size} analyses are already running; wait for one to finish or cancel it`);
    const abort = new AbortController();
    this.active.set(id, abort);
    const started = Date.now();
    const maxWallMs = this.ctx.maxWallMs ?? ANALYSIS_MAX_WALL_MS;
    const timer = setTimeout(() => abort.abort(new StoppedError('max_wall_s')), maxWallMs);
    let lastSent = 0;
    const progress = (fraction: number, label: string) => {
      const now = Date.now();
      if (fraction < 1 && now - lastSent < 100) return;
      lastSent = now;
      this.ctx.emit({ type: 'analysis', requestId: id, fraction: Math.max(0, Math.min(1, fraction)), label });
    };
    const pool = { threads: this.ctx.threads, signal: abort.signal };
    const stopped = () => {
      const reason = abort.signal.reason instanceof StoppedError ? abort.signal.reason.reason : 'cancelled';
      return { ok: false as const, reason, message: new StoppedError(reason).message, errors: [] };
    };
    try {
      const scenario = base.variant.scenario;
      const header = { seed: scenario.seed, replications: scenario.replications };
      let document: AnalysisDocument;
      let title: string;
      if (request.kind === 'sweep') {
        let prepared;
        let specs;
        try {
          specs = request.sets.map((x) => parseSetSpec(`${x.path}=${x.from}:${x.to}${x.step === undefined ? '' : `:${x.step}`}`));
          prepared = prepareSweep(s.src, specs, overrides);
        } catch (e) {
          if (e instanceof SweepUsageError) return invalid([{ path: 'request.sets', message: e.message.replace(/^--set: /, '') }]);
          if (e instanceof SweepInputError) return invalid(e.issues);
          throw e;
        }
        const sweep = await runSweepPoints(specs, prepared, {
          ...pool,
          onProgress: (f, i, n) => progress(f, `point ${Math.min(i + 1, n)} of ${n}`),
        });
        if (!sweep) return stopped();
        document = { kind: 'sweep', ...header, sweep };
        title = `Sweep ${setsText(request.sets)}`;
      } else if (request.kind === 'solve') {
        try {
          if (request.target === 'service') {
            const solve = await solveService(scenario, base.variant.inputs, request.id, {
              ...pool,
              replications: request.replications,
              onCandidate: (n) => progress(0, `${n} replicas`),
            });
            document = { kind: 'solve', ...header, replications: solve.replications, solve: { target: 'service', ...solve } };
            title = `Solve ${request.id}: ${solve.replicas === null ? 'no count meets the SLO' : `${solve.replicas} replicas`}`;
          } else {
            const solve = await solvePool(base.variant, request.id, {
              ...pool,
              maxQueueDelayS: request.maxQueueDelayS,
              percentile: request.percentile,
              replications: request.replications,
              onCandidate: (n) => progress(0, `${n} units`),
            });
            document = { kind: 'solve', ...header, replications: solve.replications, solve: { target: 'pool', ...solve } };
            title = `Solve ${request.id}: ${solve.units === null ? 'no count meets the target' : `${solve.units} units`}`;
          }
        } catch (e) {
          if (abort.signal.aborted) return stopped();
          if (e instanceof SolveInputError || e instanceof PoolSolveInputError) return invalid([{ path: e.path === '--service' || e.path === '--pool' ? 'request.id' : e.path, message: e.message }]);
          throw e;
        }
      } else {
        try {
          const result = await runSensitivity(s.src, request.figure, { ...pool, delta: request.delta, overrides, onProgress: progress });
          if (!result) return stopped();
          document = { kind: 'sensitivity', ...header, sensitivity: result };
          title = `Sensitivity of ${request.figure}`;
        } catch (e) {
          if (e instanceof SensitivityInputError) return invalid([{ path: e.path === '--figure' ? 'request.figure' : e.path === '--delta' ? 'request.delta' : e.path, message: e.message }]);
          throw e;
        }
      }
      if (abort.signal.aborted) return stopped();
      progress(1, 'done');
      const summary = lib.analyses.create({ scenarioVersionId: rec.versionId, kind: request.kind, title, wallMs: Date.now() - started, json: JSON.stringify(document) });
      return { ok: true, analysis: { summary, document } };
    } finally {
      clearTimeout(timer);
      this.active.delete(id);
    }
  }

  cancel(requestId: string): void {
    this.active.get(requestId)?.abort(new StoppedError('cancelled'));
  }

  listAnalyses(scenarioId: string): AnalysisSummary[] {
    return this.ctx.lib().analyses.list(scenarioId);
  }

  getAnalysis(id: string): AnalysisRecord {
    const lib = this.ctx.lib();
    const summary = lib.analyses.get(id);
    const body = lib.analyses.body(id);
    if (!summary || body === null) throw new Error(`no analysis with id ${id}`);
    return { summary, document: JSON.parse(body) as AnalysisDocument };
  }

  deleteAnalysis(id: string): void {
    if (!this.ctx.lib().analyses.delete(id)) throw new Error(`no analysis with id ${id}`);
  }

  /** A reduced run of the editor's text with the sliders' values: one replication, a short horizon. */
  async preview(scenarioId: string, options: PreviewOptions): Promise<PreviewOutcome> {
    const lib = this.ctx.lib();
    const rec = lib.scenarios.getScenario(scenarioId);
    if (!rec) throw new Error(`no scenario with id ${scenarioId}`);
    const loaded = loadScenarioText(options.json);
    if (!loaded.ok) return invalid(loaded.errors) as PreviewOutcome;
    // Files named by the saved version resolve to the library's copies; others under the examples.
    const withFiles = withStoredFiles(lib, rec.versionId, loaded, fileCacheDir(this.ctx.dataDir));
    const src: VariantSource = { raw: withFiles.raw, dirs: withFiles.fileDirs ?? [appPaths().examplesDir], cache: this.previewTraces };
    let sets;
    try {
      sets = options.sets.map((x) => ({ segments: parsePath(x.path), value: x.value }));
    } catch (e) {
      if (e instanceof SweepUsageError) return invalid([{ path: 'options.sets', message: e.message.replace(/^--set: /, '') }]) as PreviewOutcome;
      throw e;
    }
    let v;
    try {
      v = prepareVariant(src, sets, { replications: PREVIEW_REPLICATIONS });
    } catch (e) {
      if (e instanceof SweepUsageError) return invalid([{ path: 'options.sets', message: e.message.replace(/^--set: /, '') }]) as PreviewOutcome;
      throw e;
    }
    if (!v.ok) return invalid(v.errors) as PreviewOutcome;
    const horizon = previewHorizon(v.variant.scenario, v.variant.inputs);
    const warmup = Math.min(v.variant.scenario.warmup_s, horizon / 4);
    const scenario: Scenario = { ...v.variant.scenario, horizon_s: horizon, warmup_s: warmup };
    const started = Date.now();
    const outcome = await this.previewWorker.run(scenario, v.variant.inputs, PREVIEW_MAX_EVENTS);
    if (!outcome) return { ok: false, reason: 'cancelled', message: 'a newer preview replaced this one', errors: [] };
    const result = mergeReplications(scenario, [outcome], { sha256: v.variant.sha256, wallMs: Date.now() - started }, v.variant.inputs);
    return { ok: true, result, reduced: { replications: PREVIEW_REPLICATIONS, horizon_s: horizon, warmup_s: warmup }, wallMs: Date.now() - started };
  }

  shutdown(): void {
    for (const a of this.active.values()) a.abort(new StoppedError('cancelled'));
    void this.previewWorker.close();
  }
}
