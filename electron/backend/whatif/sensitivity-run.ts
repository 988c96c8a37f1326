// `headroom sensitivity` and the app's tornado: the figure at PATH in the scenario as it is,
// then with each relevant input at (1 − δ) and (1 + δ) (simulation/whatif/sensitivity.ts), all
// with the same seed and replications. An input whose changed scenario is invalid is reported
// with the reason and no swing; the rest are ranked by swing.
import {
  DEFAULT_DELTA, nearestPaths, rankBySwing, relevantInputs, sensitivityEntry, statAtPath, variations,
  type SensitivityInput, type SensitivityResult, type Stat,
} from '../../../simulation';
import type { Overrides } from '../traces/scenario-source';
import type { PoolOptions } from '../runs/run-pool';
import { simulate } from '../runs/simulate';
import { prepareVariant, type Variant, type VariantSource } from './variant';

export class SensitivityInputError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

export interface SensitivityOptions extends Omit<PoolOptions, 'onProgress'> {
  delta?: number;
  overrides?: Overrides;
  /** Overall progress over every simulation of the analysis. */
  onProgress?: (fraction: number, label: string) => void;
}

function withoutSections(raw: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const out = { ...raw };
  for (const n of names) delete out[n];
  return out;
}

export async function runSensitivity(src: VariantSource, figure: string, options: SensitivityOptions = {}): Promise<SensitivityResult | null> {
  const delta = options.delta ?? DEFAULT_DELTA;
  if (!(delta > 0 && delta < 1)) throw new SensitivityInputError('--delta', `must be a number between 0 and 1, exclusive (got ${delta})`);
  // Sections do not interact with a service: a serving figure is simulated without the others.
  const raw = figure.startsWith('serving.') ? withoutSections(src.raw, ['pipeline', 'cluster']) : src.raw;
  const base = prepareVariant({ ...src, raw }, [], options.overrides ?? {});
  if (!base.ok) throw new SensitivityInputError(base.errors[0]?.path ?? '(scenario)', base.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  const inputs = relevantInputs(base.variant.raw, figure);
  const vars = variations(inputs, delta);
  const total = 1 + vars.reduce((n, v) => n + (v.low === null ? 0 : 1) + (v.high === null ? 0 : 1), 0);
  let done = 0;
  const run = async (variant: Variant, label: string): Promise<unknown> => {
    const { result, cancelled } = await simulate(variant.scenario, variant.sha256, {
      ...options,
      onProgress: (p) => options.onProgress?.((done + p.fraction) / total, label),
    }, variant.inputs);
    done++;
    if (!result || cancelled) return null;
    return result;
  };

  const baseDoc = await run(base.variant, 'the scenario as it is');
  if (baseDoc === null) return null;
  const baseStat = statAtPath(baseDoc, figure);
  if (baseStat === undefined) {
    throw new SensitivityInputError('--figure', `no figure "${figure}" in the result; figures near it: ${nearestPaths(baseDoc, figure).join(', ')}`);
  }
  if (inputs.length === 0) throw new SensitivityInputError('--figure', `no numeric input of the scenario can move "${figure}"`);

  const entries: SensitivityInput[] = [];
  for (const v of vars) {
    const side = async (value: number | null): Promise<{ stat: Stat | null; error?: string } | null> => {
      if (value === null) return { stat: null };
      const prepared = prepareVariant({ ...src, raw: base.variant.raw }, [{ segments: v.input.segments, value }], options.overrides ?? {});
      if (!prepared.ok) return { stat: null, error: `${v.input.path} = ${value}: ${prepared.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}` };
      const doc = await run(prepared.variant, `${v.input.path} = ${value}`);
      if (doc === null) return null;
      return { stat: statAtPath(doc, figure) ?? null };
    };
    const low = await side(v.low);
    if (low === null) return null;
    const high = await side(v.high);
    if (high === null) return null;
    entries.push(sensitivityEntry(v, low.stat, high.stat, low.error ?? high.error));
  }
  options.onProgress?.(1, 'done');
  return { figure, delta, replications: base.variant.scenario.replications, base: baseStat, inputs: rankBySwing(entries) };
}
