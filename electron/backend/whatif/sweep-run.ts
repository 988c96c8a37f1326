// A sweep of one parameter over a range, or of two over a grid: every point validated first
// (nothing runs when one is invalid), then simulated in turn over worker threads with the same
// seed and replications. The CLI's `sweep` and the app's Sweep both run here, so the same
// scenario and seed give the same numbers in both.
import type { SweepDocument, SweepPoint, ValidationIssue } from '../../../simulation';
import type { Overrides } from '../traces/scenario-source';
import type { PoolOptions, PoolProgress } from '../runs/run-pool';
import { simulate } from '../runs/simulate';
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
  /** Overall progress: points done plus the current point's fraction, over all points. */
  onProgress?: (fraction: number, point: number, of: number, p: PoolProgress | null) => void;
  /** Before each point (the CLI prints a label). */
  onPoint?: (values: number[], index: number) => void;
}

/** Simulates each point; null when cancelled before the last point finished. */
export async function runSweepPoints(specs: readonly SetSpec[], prepared: readonly { values: number[]; variant: Variant }[], options: SweepRunOptions = {}): Promise<SweepDocument | null> {
  const points: SweepPoint[] = [];
  const n = prepared.length;
  for (const [i, p] of prepared.entries()) {
    options.onPoint?.(p.values, i);
    options.onProgress?.(i / n, i, n, null);
    const { result, cancelled } = await simulate(p.variant.scenario, p.variant.sha256, {
      ...options,
      onProgress: (pr) => options.onProgress?.((i + pr.fraction) / n, i, n, pr),
    }, p.variant.inputs);
    if (!result || cancelled) return null;
    points.push({ value: p.values[0] as number, values: p.values, result });
  }
  options.onProgress?.(1, n, n, null);
  return { parameter: specs[0]!.path, parameters: specs.map((s) => s.path), points };
}
