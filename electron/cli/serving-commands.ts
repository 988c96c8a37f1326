// `headroom solve` and `headroom sweep` (cli-and-results.md). Both validate everything before
// simulating anything, so bad input exits 2 with nothing run.
import { servingSupportIssues, type ResultDocument } from '../../simulation';
import { applyOverrides, sha256OfScenario, type Loaded } from '../backend/traces/scenario-source';
import { simulate } from '../backend/runs/simulate';
import { SolveInputError, solveService } from '../backend/tools/solve';
import { parseSetSpec, setAtPath, SweepUsageError } from '../backend/tools/sweep';
import type { TraceCache } from '../backend/traces/trace-loader';
import { UsageError, type ParsedArgs } from './args';
import { jobTracesFor } from './calibrate';
import { formatSolve, formatSweep } from './format-serving';
import { InputError, tracesFor } from './inputs';
import { ProgressBar } from './progress-bar';

type Ok = Extract<Loaded, { ok: true }>;

function progress(label: string): ProgressBar | null {
  if (!process.stderr.isTTY) return null;
  process.stderr.write(`${label}\n`);
  return new ProgressBar(process.stderr);
}

export async function runSolve(args: ParsedArgs, loaded: Ok): Promise<number> {
  const id = args.flags.service;
  if (typeof id !== 'string') throw new UsageError('solve needs --service ID');
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
    process.stdout.write(args.flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatSolve(result)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof SolveInputError) throw new InputError([{ path: e.path, message: e.message }]);
    throw e;
  }
}

export async function runSweep(args: ParsedArgs, loaded: Ok): Promise<number> {
  const set = args.flags.set;
  if (typeof set !== 'string') throw new UsageError('sweep needs --set PATH=FROM:TO[:STEP]');
  const overrides = {
    seed: args.flags.seed as number | undefined,
    replications: args.flags.replications as number | undefined,
    horizon_s: args.flags['horizon-s'] as number | undefined,
  };
  const cache: TraceCache = new Map();
  let spec: ReturnType<typeof parseSetSpec>;
  try {
    spec = parseSetSpec(set);
  } catch (e) {
    throw e instanceof SweepUsageError ? new UsageError(e.message) : e;
  }
  const prepared = spec.values.map((value) => {
    let raw: Record<string, unknown>;
    try {
      raw = setAtPath(loaded.raw, spec.segments, value);
    } catch (e) {
      throw e instanceof SweepUsageError ? new UsageError(e.message) : e;
    }
    const patched = applyOverrides(raw, overrides);
    if (!patched.ok) throw new InputError(patched.errors.map((i) => ({ path: i.path, message: `${i.message} (with ${spec.path} = ${value})` })));
    const inputs = jobTracesFor(patched.scenario, args.file, tracesFor(patched.scenario, args.file, cache));
    const unsupported = servingSupportIssues(patched.scenario, inputs);
    if (unsupported.length > 0) throw new InputError(unsupported);
    return { value, scenario: patched.scenario, sha256: sha256OfScenario(raw), inputs };
  });
  const points: { value: number; result: ResultDocument }[] = [];
  for (const p of prepared) {
    const bar = progress(`${spec.path} = ${p.value}`);
    const { result } = await simulate(p.scenario, p.sha256, {
      threads: args.flags.threads as number | undefined,
      onProgress: bar ? (pr) => bar.update(pr) : undefined,
    }, p.inputs);
    bar?.done();
    points.push({ value: p.value, result: result as ResultDocument });
  }
  const slo = Object.fromEntries((prepared[0]?.scenario.serving?.services ?? []).map((s) => [s.id, s.slo_percentile]));
  process.stdout.write(args.flags.json
    ? `${JSON.stringify({ parameter: spec.path, points }, null, 2)}\n`
    : `${formatSweep(spec.path, points, slo)}\n`);
  if (points.some((p) => p.result.truncated)) {
    process.stderr.write('headroom: some points stopped early (see "truncated"); their figures cover the simulated part only\n');
    return 3;
  }
  return 0;
}
