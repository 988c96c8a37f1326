// `headroom compare`, `headroom solve --pool` and `headroom sensitivity`: the app's what-if
// tools on the command line, through the same backend code (electron/backend/whatif).
import path from 'node:path';
import { UsageError, type ParsedArgs } from './args';
import { InputError } from './inputs';
import { ProgressBar } from './progress-bar';
import type { Loaded } from '../backend/traces/scenario-source';
import { loadScenarioFile } from '../backend/traces/scenario-source';
import type { CompareDocument, PoolSolveResult, SensitivityResult } from '../../simulation';
import { compareCases, compareVariants } from '../backend/whatif/compare';
import { PoolSolveInputError, preparePoolSolve, solvePool } from '../backend/whatif/pool-solve';
import { poolSolveCases } from '../backend/shard/solve-part';
import { planSensitivity, runSensitivity, SensitivityInputError, sensitivitySides, type SensitivityPlan } from '../backend/whatif/sensitivity-run';
import { prepareVariant, type VariantSource } from '../backend/whatif/variant';
import { formatCompare, formatPoolSolve, formatSensitivity } from './format-whatif';
import { emitShard, shardFlag } from './shard-commands';

type Ok = Extract<Loaded, { ok: true }>;

function bar(): ProgressBar | null {
  return process.stderr.isTTY ? new ProgressBar(process.stderr) : null;
}

function source(loaded: Ok, file: string): VariantSource {
  return { raw: loaded.raw, dirs: [path.dirname(path.resolve(file))] };
}

export async function runCompare(args: ParsedArgs): Promise<number> {
  const [fa, fb] = args.files as [string, string];
  const shard = shardFlag(args, false);
  const la = loadScenarioFile(fa);
  if (!la.ok) throw new InputError(la.errors.map((e) => ({ path: e.path, message: `${e.message} (in ${fa})` })));
  const lb = loadScenarioFile(fb);
  if (!lb.ok) throw new InputError(lb.errors.map((e) => ({ path: e.path, message: `${e.message} (in ${fb})` })));
  // Both with the same seed and replications (A's unless given), so replication i of each sees
  // the same random numbers and the comparison is paired.
  const overrides = {
    seed: (args.flags.seed as number | undefined) ?? la.scenario.seed,
    replications: (args.flags.replications as number | undefined) ?? la.scenario.replications,
    horizon_s: args.flags['horizon-s'] as number | undefined,
  };
  const a = prepareVariant(source(la, fa), [], overrides);
  if (!a.ok) throw new InputError(a.errors.map((e) => ({ path: e.path, message: `${e.message} (in ${fa})` })));
  const b = prepareVariant(source(lb, fb), [], overrides);
  if (!b.ok) throw new InputError(b.errors.map((e) => ({ path: e.path, message: `${e.message} (in ${fb})` })));
  if (shard) {
    return emitShard(args, shard, {
      command: 'compare',
      args: overrides,
      name: a.variant.scenario.name,
      seed: a.variant.scenario.seed,
      sources: [{ sha256: la.sha256, raw: la.raw, inputs: a.variant.inputs }, { sha256: lb.sha256, raw: lb.raw, inputs: b.variant.inputs }],
      cases: compareCases(a.variant, b.variant),
    });
  }
  const progress = bar();
  const doc = await compareVariants(a.variant, b.variant, {
    threads: args.flags.threads as number | undefined,
    onProgress: progress ? (p) => progress.update(p) : undefined,
  });
  progress?.done();
  if (!doc) throw new Error('the comparison was cancelled');
  return emitCompare(args, doc);
}

/** The comparison's output (also of a merge of its shards). */
export function emitCompare(args: ParsedArgs, doc: CompareDocument): number {
  process.stdout.write(args.flags.json ? `${JSON.stringify(doc, null, 2)}\n` : `${formatCompare(doc, args.flags.all === true)}\n`);
  if (doc.truncated) {
    process.stderr.write(`headroom: a run stopped early (${doc.truncated.reason}); figures cover the simulated part only\n`);
    return 3;
  }
  return 0;
}

/** A pool solve's output (also of a merge of its shards): the evidence table or the JSON document. */
export function emitPoolSolve(args: ParsedArgs, result: PoolSolveResult): number {
  process.stdout.write(args.flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatPoolSolve(result)}\n`);
  return 0;
}

export async function runPoolSolve(args: ParsedArgs, loaded: Ok): Promise<number> {
  const pool = args.flags.pool as string;
  const target = args.flags['max-queue-delay-s'];
  if (typeof target !== 'number') throw new UsageError('solve --pool needs --max-queue-delay-s S');
  const shard = shardFlag(args, false);
  const seed = args.flags.seed as number | undefined;
  const v = prepareVariant(source(loaded, args.file), [], { seed });
  if (!v.ok) throw new InputError(v.errors);
  let progress: ProgressBar | null = null;
  try {
    if (shard) {
      // Every unit count the search may try, each shard its share (../backend/shard/solve-part.ts);
      // the pool's demand goes in the part, as the merge may not have the job trace it comes from.
      const percentile = args.flags.percentile as number | undefined;
      const replications = args.flags.replications as number | undefined;
      const p = preparePoolSolve(v.variant, pool, { maxQueueDelayS: target, percentile, replications });
      return await emitShard(args, shard, {
        command: 'solve',
        args: { seed, replications, pool, max_queue_delay_s: target, percentile },
        name: v.variant.scenario.name,
        seed: v.variant.scenario.seed,
        sources: [{ sha256: loaded.sha256, raw: loaded.raw, inputs: v.variant.inputs }],
        cases: poolSolveCases(p).cases,
        plan: p.demand,
      });
    }
    const result = await solvePool(v.variant, pool, {
      maxQueueDelayS: target,
      percentile: args.flags.percentile as number | undefined,
      replications: args.flags.replications as number | undefined,
      threads: args.flags.threads as number | undefined,
      onCandidate: (n) => {
        progress?.done();
        if (process.stderr.isTTY) process.stderr.write(`simulating ${n} units\n`);
        progress = bar();
      },
      onProgress: (p) => (progress as ProgressBar | null)?.update(p),
    });
    (progress as ProgressBar | null)?.done();
    return emitPoolSolve(args, result);
  } catch (e) {
    if (e instanceof PoolSolveInputError) throw new InputError([{ path: e.path, message: e.message }]);
    throw e;
  }
}

export async function runSensitivityCommand(args: ParsedArgs, loaded: Ok): Promise<number> {
  const figure = args.flags.figure;
  if (typeof figure !== 'string') throw new UsageError('sensitivity needs --figure PATH (e.g. serving.risk_model_api.latency_ms.p99)');
  const shard = shardFlag(args, false);
  const overrides = {
    seed: args.flags.seed as number | undefined,
    replications: args.flags.replications as number | undefined,
    horizon_s: args.flags['horizon-s'] as number | undefined,
  };
  const delta = args.flags.delta as number | undefined;
  if (shard) {
    let plan: SensitivityPlan;
    try {
      plan = planSensitivity(source(loaded, args.file), figure, { delta, overrides });
    } catch (e) {
      if (e instanceof SensitivityInputError) throw new InputError([{ path: e.path, message: e.message }]);
      throw e;
    }
    const base = plan.cases[0]!;
    // The figure is checked by the merge: it needs the scenario's simulated document.
    return emitShard(args, shard, {
      command: 'sensitivity',
      args: { ...overrides, figure, delta },
      name: base.scenario.name,
      seed: base.scenario.seed,
      sources: [{ sha256: loaded.sha256, raw: loaded.raw, inputs: base.inputs }],
      cases: plan.cases.map((v) => ({ scenario: v.scenario, inputs: v.inputs, sha256: v.sha256 })),
      plan: sensitivitySides(plan),
    });
  }
  const progress = bar();
  try {
    const result = await runSensitivity(source(loaded, args.file), figure, {
      delta,
      overrides,
      threads: args.flags.threads as number | undefined,
      onProgress: progress ? (fraction) => progress.update({ fraction, replicationsDone: 0, replications: 0, events: 0, eventsPerSec: 0, etaMs: null }) : undefined,
    });
    progress?.done();
    if (!result) throw new Error('the sensitivity run was cancelled');
    return emitSensitivity(args, result);
  } catch (e) {
    progress?.done();
    if (e instanceof SensitivityInputError) throw new InputError([{ path: e.path, message: e.message }]);
    throw e;
  }
}

/** The sensitivity ranking's output (also of a merge of its shards). */
export function emitSensitivity(args: ParsedArgs, result: SensitivityResult): number {
  process.stdout.write(args.flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatSensitivity(result)}\n`);
  return 0;
}
