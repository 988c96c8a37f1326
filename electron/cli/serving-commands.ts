// `headroom solve` and `headroom sweep` (cli-and-results.md). Both validate everything before
// simulating anything, so bad input exits 2 with nothing run.
import path from 'node:path';
import { traceReplayMethod, type Scenario, type SweepDocument } from '../../simulation';
import { applyOverrides, type Loaded } from '../backend/traces/scenario-source';
import { solveCases } from '../backend/shard/solve-part';
import { prepareServiceSolve, SolveInputError, solveService, type ServiceSolve } from '../backend/tools/solve';
import { parseSetSpec, SweepUsageError, type SetSpec } from '../backend/tools/sweep';
import { prepareSweep, runSweepPoints, sweepCases, SweepInputError } from '../backend/whatif/sweep-run';
import { UsageError, type ParsedArgs } from './args';
import { formatSolve, formatSweep } from './format-serving';
import { InputError, tracesFor } from './inputs';
import { runPoolSolve } from './whatif-commands';
import { ProgressBar } from './progress-bar';
import { emitShard, shardFlag } from './shard-commands';

type Ok = Extract<Loaded, { ok: true }>;

function progress(label: string): ProgressBar | null {
  if (!process.stderr.isTTY) return null;
  process.stderr.write(`${label}\n`);
  return new ProgressBar(process.stderr);
}

export async function runSolve(args: ParsedArgs, loaded: Ok): Promise<number> {
  const id = args.flags.service;
  if (typeof id === 'string' && typeof args.flags.pool === 'string') throw new UsageError('solve takes --service ID or --pool ID, not both');
  if (typeof args.flags.pool === 'string') return runPoolSolve(args, loaded);
  if (typeof id !== 'string') throw new UsageError('solve needs --service ID (serving) or --pool ID --max-queue-delay-s S (cluster)');
  for (const flag of ['max-queue-delay-s', 'percentile']) {
    if (flag in args.flags) throw new UsageError(`--${flag} goes with --pool (the cluster solve)`);
  }
  const shard = shardFlag(args, false);
  const seed = args.flags.seed as number | undefined;
  const replications = args.flags.replications as number | undefined;
  const patched = applyOverrides(loaded.raw, { seed });
  if (!patched.ok) throw new InputError(patched.errors);
  const inputs = tracesFor(patched.scenario, args.file);
  let bar: ProgressBar | null = null;
  try {
    if (shard) {
      // Every count the search may try, each shard its share (../backend/shard/solve-part.ts).
      const { cases } = solveCases(prepareServiceSolve(patched.scenario, inputs, id, replications));
      return await emitShard(args, shard, {
        command: 'solve',
        args: { seed, replications, service: id },
        name: patched.scenario.name,
        seed: patched.scenario.seed,
        sources: [{ sha256: loaded.sha256, raw: loaded.raw, inputs }],
        cases,
      });
    }
    const result = await solveService(patched.scenario, inputs, id, {
      replications,
      threads: args.flags.threads as number | undefined,
      onCandidate: (n) => { bar?.done(); bar = progress(`simulating ${n} replica${n === 1 ? '' : 's'}`); },
      onProgress: (p) => bar?.update(p),
    });
    (bar as ProgressBar | null)?.done();
    return emitSolve(args, result, patched.scenario);
  } catch (e) {
    if (e instanceof SolveInputError) throw new InputError([{ path: e.path, message: e.message }]);
    throw e;
  }
}

/** A service solve's output (also of a merge of its shards): the evidence table or the JSON document. */
export function emitSolve(args: ParsedArgs, result: ServiceSolve, scenario: Scenario): number {
  const spec = scenario.serving?.services.find((s) => s.id === result.service);
  process.stdout.write(args.flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatSolve(result, spec ? traceReplayMethod(spec.arrivals) : null)}\n`);
  return 0;
}

export async function runSweep(args: ParsedArgs, loaded: Ok): Promise<number> {
  const sets = args.lists.set ?? [];
  if (sets.length === 0) throw new UsageError('sweep needs --set PATH=FROM:TO[:STEP] (once, or twice for a grid)');
  const shard = shardFlag(args, false);
  const overrides = {
    seed: args.flags.seed as number | undefined,
    replications: args.flags.replications as number | undefined,
    horizon_s: args.flags['horizon-s'] as number | undefined,
  };
  let prepared: ReturnType<typeof prepareSweep>;
  let specs: SetSpec[];
  try {
    specs = sets.map(parseSetSpec);
    prepared = prepareSweep({ raw: loaded.raw, dirs: [path.dirname(path.resolve(args.file))], cache: new Map() }, specs, overrides);
  } catch (e) {
    if (e instanceof SweepUsageError) throw new UsageError(e.message);
    if (e instanceof SweepInputError) throw new InputError(e.issues);
    throw e;
  }
  if (shard) {
    const base = prepared[0]!.variant.scenario;
    return emitShard(args, shard, {
      command: 'sweep',
      args: { ...overrides, set: sets },
      name: base.name,
      seed: base.seed,
      sources: [{ sha256: loaded.sha256, raw: loaded.raw, inputs: prepared[0]!.variant.inputs }],
      cases: sweepCases(prepared),
    });
  }
  const bar = progress(`${prepared.length} point${prepared.length === 1 ? '' : 's'} × ${prepared[0]!.variant.scenario.replications} replications`);
  const doc = await runSweepPoints(specs, prepared, {
    threads: args.flags.threads as number | undefined,
    onProgress: (_f, _i, _n, p) => { if (p) bar?.update(p); },
  });
  bar?.done();
  if (!doc) throw new Error('the sweep was cancelled');
  return emitSweep(args, doc, prepared[0]!.variant.scenario);
}

/** The sweep's output (also of a merge of its shards): the table or the JSON document. */
export function emitSweep(args: ParsedArgs, doc: SweepDocument, scenario: Scenario): number {
  const slo = Object.fromEntries((scenario.serving?.services ?? []).map((s) => [s.id, s.slo_percentile]));
  const llmSlo = Object.fromEntries((scenario.serving?.services ?? []).flatMap((s) => (s.llm ? [[s.id, { ...s.llm.slo }]] : [])));
  process.stdout.write(args.flags.json ? `${JSON.stringify(doc, null, 2)}\n` : `${formatSweep(doc, slo, llmSlo)}\n`);
  if (doc.points.some((p) => p.result.truncated)) {
    process.stderr.write('headroom: some points stopped early (see "truncated"); their figures cover the simulated part only\n');
    return 3;
  }
  return 0;
}
