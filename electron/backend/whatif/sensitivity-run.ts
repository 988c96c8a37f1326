// `headroom sensitivity` and the app's tornado: the figure at PATH in the scenario as it is,
// then with each relevant input at (1 − δ) and (1 + δ) (simulation/whatif/sensitivity.ts), all
// with the same seed and replications. An input whose changed scenario is invalid is reported
// with the reason and no swing; the rest are ranked by swing.
import {
  DEFAULT_DELTA, nearestPaths, rankBySwing, relevantInputs, sensitivityEntry, statAtPath, variations,
  type ResultDocument, type SensitivityInput, type SensitivityResult, type Stat,
} from '../../../simulation';
import type { Overrides } from '../traces/scenario-source';
import { withJobTraces } from '../traces/job-trace-loader';
import { runUnitsInWorkers, type PoolOptions } from '../runs/run-pool';
import { mergeCase } from '../runs/simulate';
import { unitsOf } from '../shard/units';
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

/** One side of a variation: the case simulating it, none (no such side), or why it is invalid. */
export type Side = { case: number } | { case: null; error?: string };

/**
 * Everything a sensitivity analysis simulates, worked out before anything runs: the scenario as
 * it is (case 0), then each variation's valid sides. Its cases are the units of a shard.
 */
export interface SensitivityPlan {
  figure: string;
  delta: number;
  relevant: number;
  cases: Variant[];
  sides: { variation: ReturnType<typeof variations>[number]; low: Side; high: Side }[];
}

/** A plan's sides as a shard's part records them (PartDocument.plan). */
export type RecordedSides = { low: Side; high: Side }[];

export function sensitivitySides(plan: SensitivityPlan): RecordedSides {
  return plan.sides.map(({ low, high }) => ({ low, high }));
}

/**
 * `recorded`: the sides a shard planned (a merge, whose stand-in inputs cannot redo the checks
 * of the files that made a side invalid); they are taken as they are.
 */
export function planSensitivity(src: VariantSource, figure: string, options: Pick<SensitivityOptions, 'delta' | 'overrides'> = {}, recorded?: RecordedSides): SensitivityPlan {
  const delta = options.delta ?? DEFAULT_DELTA;
  if (!(delta > 0 && delta < 1)) throw new SensitivityInputError('--delta', `must be a number between 0 and 1, exclusive (got ${delta})`);
  // Sections do not interact with a service: a serving figure is simulated without the others.
  const raw = figure.startsWith('serving.') ? withoutSections(src.raw, ['pipeline', 'cluster']) : src.raw;
  const base = prepareVariant({ ...src, raw }, [], options.overrides ?? {});
  if (!base.ok) throw new SensitivityInputError(base.errors[0]?.path ?? '(scenario)', base.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  const relevant = relevantInputs(base.variant.raw, figure);
  const cases: Variant[] = [base.variant];
  const side = (v: (typeof vars)[number], value: number | null, given?: Side): Side => {
    if (value === null) return { case: null };
    if (given && given.case === null) return given;
    const prepared = prepareVariant({ ...src, raw: base.variant.raw }, [{ segments: v.input.segments, value }], options.overrides ?? {});
    if (!prepared.ok) return { case: null, error: `${v.input.path} = ${value}: ${prepared.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}` };
    cases.push(prepared.variant);
    return { case: cases.length - 1 };
  };
  const vars = variations(relevant, delta);
  if (recorded && recorded.length !== vars.length) throw new SensitivityInputError('plan', `the part plans ${recorded.length} variations, the scenario gives ${vars.length}`);
  const sides = vars.map((v, i) => {
    const low = side(v, v.low, recorded?.[i]?.low);
    return { variation: v, low, high: side(v, v.high, recorded?.[i]?.high) };
  });
  return { figure, delta, relevant: relevant.length, cases, sides };
}

/** The ranking from each case's document (in `plan.cases` order); the figure is checked on the first. */
export function sensitivityResult(plan: SensitivityPlan, docs: readonly ResultDocument[]): SensitivityResult {
  const { figure } = plan;
  const baseDoc = docs[0] as ResultDocument;
  const baseStat = statAtPath(baseDoc, figure);
  if (baseStat === undefined) {
    throw new SensitivityInputError('--figure', `no figure "${figure}" in the result; figures near it: ${nearestPaths(baseDoc, figure).join(', ')}`);
  }
  if (plan.relevant === 0) throw new SensitivityInputError('--figure', `no numeric input of the scenario can move "${figure}"`);
  const stat = (s: Side): Stat | null => (s.case === null ? null : statAtPath(docs[s.case], figure) ?? null);
  const entries: SensitivityInput[] = plan.sides.map(({ variation, low, high }) => {
    const error = (low.case === null ? low.error : undefined) ?? (high.case === null ? high.error : undefined);
    return sensitivityEntry(variation, stat(low), stat(high), error);
  });
  return { figure, delta: plan.delta, replications: (plan.cases[0] as Variant).scenario.replications, base: baseStat, inputs: rankBySwing(entries) };
}

export async function runSensitivity(src: VariantSource, figure: string, options: SensitivityOptions = {}): Promise<SensitivityResult | null> {
  const plan = planSensitivity(src, figure, options);
  const cases = plan.cases.map((v) => ({ scenario: v.scenario, inputs: withJobTraces(v.scenario, v.inputs) }));
  const units = unitsOf(cases);
  const baseUnits = (cases[0] as (typeof cases)[number]).scenario.replications;
  const docs: ResultDocument[] = [];
  // The scenario as it is first, so a figure it does not have is reported before the variations run;
  // then every variation's replications together, sharing the worker threads.
  const stages = [{ units: units.slice(0, baseUnits), label: 'the scenario as it is' }, { units: units.slice(baseUnits), label: `${cases.length - 1} variations` }];
  let done = 0;
  for (const stage of stages) {
    if (stage.units.length === 0) continue;
    const pool = await runUnitsInWorkers(cases, stage.units, {
      ...options,
      onOutcome: undefined,
      onProgress: (p) => options.onProgress?.((done + p.fraction * stage.units.length) / units.length, stage.label),
    });
    if (pool.cancelled || pool.capped) return null;
    done += stage.units.length;
    pool.outcomes.forEach((outcomes, c) => {
      if (outcomes.length > 0) docs[c] = mergeCase(plan.cases[c] as Variant, outcomes, pool.caseWallMs[c] as number);
    });
    if (docs.length === 1) sensitivityResultCheck(plan, docs);
  }
  options.onProgress?.(1, 'done');
  return sensitivityResult(plan, docs);
}

/** The base's checks only (the figure exists, an input can move it), before the variations run. */
function sensitivityResultCheck(plan: SensitivityPlan, docs: readonly ResultDocument[]): void {
  sensitivityResult({ ...plan, sides: [] }, docs);
}
