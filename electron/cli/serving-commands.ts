// `headroom solve` and `headroom sweep` (cli-and-results.md). Both validate everything before
// simulating anything, so bad input exits 2 with nothing run.
import path from 'node:path';
import { traceReplayMethod } from '../../simulation';
import { applyOverrides, type Loaded } from '../backend/traces/scenario-source';
import { SolveInputError, solveService } from '../backend/tools/solve';
import { parseSetSpec, SweepUsageError, type SetSpec } from '../backend/tools/sweep';
import { prepareSweep, runSweepPoints, SweepInputError } from '../backend/whatif/sweep-run';
import { UsageError, type ParsedArgs } from './args';
import { formatSolve, formatSweep } from './format-serving';
import { InputError, tracesFor } from './inputs';
import { runPoolSolve } from './whatif-commands';
import { ProgressBar } from './progress-bar';

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
  const patched = applyOverrides(loaded.raw, { seed: args.flags.seed as number | undefined });
  if (!patched.ok) throw new InputError(patched.errors);
  const inputs = tracesFor(patched.scenario, args.file);
  let bar: ProgressBar | null = null;
  try {
    const result = await solveService(patched.scenario, inputs, id, {
      replications: args.flags.replications as number | undefined,
      threads: args.flags.threads as number | undefined,
      onCandidate: (n) => { bar?.done(); bar = progress(`simulating ${n} replica${n === 1 ? '' : 's'}`); },
      onProgress: (p) => bar?.update(p),
    });
    (bar as ProgressBar | null)?.done();
    const spec = patched.scenario.serving?.services.find((s) => s.id === id);
    process.stdout.write(args.flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatSolve(result, spec ? traceReplayMethod(spec.arrivals) : null)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof SolveInputError) throw new InputError([{ path: e.path, message: e.message }]);
    throw e;
  }
}

export async function runSweep(args: ParsedArgs, loaded: Ok): Promise<number> {
  const sets = args.lists.set ?? [];
  if (sets.length === 0) throw new UsageError('sweep needs --set PATH=FROM:TO[:STEP] (once, or twice for a grid)');
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
  let bar: ProgressBar | null = null;
  const doc = await runSweepPoints(specs, prepared, {
    threads: args.flags.threads as number | undefined,
    onPoint: (values) => { bar?.done(); bar = progress(specs.map((s, i) => `${s.path} = ${values[i]}`).join(', ')); },
    onProgress: (_f, _i, _n, p) => { if (p) bar?.update(p); },
  });
  (bar as ProgressBar | null)?.done();
  if (!doc) throw new Error('the sweep was cancelled');
  const slo = Object.fromEntries((prepared[0]?.variant.scenario.serving?.services ?? []).map((s) => [s.id, s.slo_percentile]));
  process.stdout.write(args.flags.json ? `${JSON.stringify(doc, null, 2)}\n` : `${formatSweep(doc, slo)}\n`);
  if (doc.points.some((p) => p.result.truncated)) {
    process.stderr.write('headroom: some points stopped early (see "truncated"); their figures cover the simulated part only\n');
    return 3;
  }
  return 0;
}
