// A sweep of one parameter over a range, or of two over a grid: every point validated first
// (nothing runs when one is invalid), then simulated with the same seed and replications. The
// work units (points × replications) share the worker threads, so a sweep of few replications
// still keeps every core busy. The CLI's `sweep` and the app's Sweep both run here, so the same
// scenario and seed give the same numbers in both.
import type { ReplicationOutcome, SweepDocument, ValidationIssue } from '../../../simulation';
import type { Overrides } from '../traces/scenario-source';
import { withJobTraces } from '../traces/job-trace-loader';
import { runUnitsInWorkers, type PoolCase, type PoolOptions, type PoolProgress } from '../runs/run-pool';
import { mergeCase } from '../runs/simulate';
import { unitsOf } from '../shard/units';
import { MAX_SWEEP_POINTS, SweepUsageError, type SetSpec } from '../tools/sweep';
import { prepareVariant, type Variant, type VariantSource } from './variant';

export class SweepInputError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  }
}

/** Every combination of the parameters' values, the first varying slowest. */
export function gridValues(specs: readonly SetSpec[]): number[][] {
  if (specs.length === 0 || specs.length > 2) throw new SweepUsageError(`a sweep varies one or two parameters (got ${specs.length})`);
  if (specs.length === 2 && specs[0]!.path === specs[1]!.path) throw new SweepUsageError(`--set: ${specs[0]!.path} is given twice`);
  const total = specs.reduce((n, s) => n * s.values.length, 1);
  if (total > MAX_SWEEP_POINTS) throw new SweepUsageError(`--set: ${total} points is more than ${MAX_SWEEP_POINTS}; use a larger STEP or a smaller grid`);
  let grid: number[][] = [[]];
  for (const s of specs) grid = grid.flatMap((g) => s.values.map((v) => [...g, v]));
  return grid;
}

/** Every point's scenario, or every problem (each naming the values that caused it). */
export function prepareSweep(src: VariantSource, specs: readonly SetSpec[], overrides: Overrides): { values: number[]; variant: Variant }[] {
  return gridValues(specs).map((values) => {
    const prepared = prepareVariant(src, specs.map((s, i) => ({ segments: s.segments, value: values[i] as number })), overrides);
    if (!prepared.ok) {
      const at = specs.map((s, i) => `${s.path} = ${values[i]}`).join(', ');
      throw new SweepInputError(prepared.errors.map((e) => ({ path: e.path, message: `${e.message} (with ${at})` })));
    }
    return { values, variant: prepared.variant };
  });
}

export interface SweepRunOptions extends Omit<PoolOptions, 'onProgress'> {
  /** Overall progress over every unit, with the points whose replications are all done. */
  onProgress?: (fraction: number, pointsDone: number, of: number, p: PoolProgress | null) => void;
}

/** Each point's scenario and inputs, in point order: the sweep's cases (its units: points × replications). */
export function sweepCases(prepared: readonly { variant: Variant }[]): (PoolCase & { sha256: string })[] {
  return prepared.map(({ variant: v }) => ({ scenario: v.scenario, inputs: withJobTraces(v.scenario, v.inputs), sha256: v.sha256 }));
}

/** Simulates every point; null when cancelled before every point had a replication. */
export async function runSweepPoints(specs: readonly SetSpec[], prepared: readonly { values: number[]; variant: Variant }[], options: SweepRunOptions = {}): Promise<SweepDocument | null> {
  const n = prepared.length;
  const cases = sweepCases(prepared);
  const left = cases.map((c) => c.scenario.replications);
  let pointsDone = 0;
  options.onProgress?.(0, 0, n, null);
  const pool = await runUnitsInWorkers(cases, unitsOf(cases), {
    ...options,
    onOutcome: (o, c) => {
      if (--(left[c] as number) === 0) pointsDone++;
      options.onOutcome?.(o, c);
    },
    onProgress: (p) => options.onProgress?.(p.fraction, pointsDone, n, p),
  });
  if (pool.cancelled || pool.outcomes.some((o) => o.length === 0)) return null;
  options.onProgress?.(1, n, n, null);
  return sweepDocument(specs, prepared, pool.outcomes, pool.caseWallMs, pool.capped ? 'max_wall_s' : null);
}

/**
 * The sweep document from each point's outcomes (and wall time): the one place a sweep's points
 * are merged, for a sweep run here and for one merged from shards (../shard/).
 */
export function sweepDocument(
  specs: readonly SetSpec[],
  prepared: readonly { values: number[]; variant: Pick<Variant, 'scenario' | 'sha256' | 'inputs'> }[],
  outcomes: readonly (readonly ReplicationOutcome[])[],
  wallMs: readonly number[],
  stoppedBy: 'max_wall_s' | null = null,
): SweepDocument {
  const points = prepared.map((p, i) => {
    const got = outcomes[i] as readonly ReplicationOutcome[];
    const short = stoppedBy !== null && got.length < p.variant.scenario.replications ? stoppedBy : null;
    return { value: p.values[0] as number, values: p.values, result: mergeCase(p.variant, got, wallMs[i] as number, short) };
  });
  return { parameter: specs[0]!.path, parameters: specs.map((s) => s.path), points };
}
