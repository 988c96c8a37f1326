// `headroom merge`: parts → the document the single-machine command would have printed. The
// scenarios are rebuilt from the parts (partVariant), the outcomes gathered per case, and the
// document made by the same function the command itself uses (mergeCase, sweepDocument, the
// solve's search, compareSides, sensitivityResult, checkpointSweepOf), so the bytes match except wall-clock fields.
import type { CheckpointSweep, CompareDocument, PoolSolveResult, ResultDocument, Scenario, SensitivityResult, SweepDocument } from '../../../simulation';
import { mergeCase } from '../runs/simulate';
import { sha256OfScenario, type Overrides } from '../traces/scenario-source';
import { parseSetSpec } from '../tools/sweep';
import { compareSides, sideOf } from '../whatif/compare';
import { planSensitivity, sensitivityResult, type RecordedSides } from '../whatif/sensitivity-run';
import { gridValues, sweepDocument } from '../whatif/sweep-run';
import { mergeCheckpointParts } from './checkpoint-part';
import { checkPartSet, PartError, type LoadedPart, type PartDocument, type PartSource } from './part-format';
import { partVariant, traceStandIns } from './part-inputs';
import { gatherUnits, partialNote, type PartialNote } from './shard-run';
import { mergeSolveParts } from './solve-part';
import type { ServiceSolve } from '../tools/solve';

export type Merged =
  | { command: 'run'; doc: ResultDocument & { partial?: PartialNote }; scenario: Scenario }
  | { command: 'sweep'; doc: SweepDocument & { partial?: PartialNote }; scenario: Scenario }
  | { command: 'solve'; doc: ServiceSolve | PoolSolveResult; scenario: Scenario }
  | { command: 'compare'; doc: CompareDocument }
  | { command: 'sensitivity'; doc: SensitivityResult }
  | { command: 'checkpoint-sweep'; doc: CheckpointSweep; scenario: Scenario };

function overridesOf(args: PartDocument['args']): Overrides {
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  return { seed: num(args.seed), replications: num(args.replications), horizon_s: num(args.horizon_s) };
}

/** Merges the parts; PartError for parts that do not belong together or do not fit. */
export async function mergeParts(parts: readonly LoadedPart[], allowPartial: boolean): Promise<Merged> {
  const missing = checkPartSet(parts, allowPartial);
  const first = parts[0]!.part;
  first.sources.forEach((s, i) => {
    if (sha256OfScenario(s.raw) !== s.sha256) throw new PartError(parts[0]!.file, `sources[${i}]: the scenario JSON does not match its sha256 (the part was altered)`);
  });
  const overrides = overridesOf(first.args);
  const src = first.sources[0] as PartSource;
  const count = first.shard.count;
  const refusePartial = (what: string, why = 'pairs its replications across scenarios') => {
    if (missing.length > 0) throw new PartError('merge', `--allow-partial: a ${what} ${why}, so it cannot be merged with shards missing (${missing.join(', ')})`);
  };
  switch (first.command) {
    case 'run': {
      const v = partVariant(src, [], overrides);
      const g = gatherUnits(parts, [v]);
      const outcomes = g.outcomes[0]!;
      if (outcomes.length === 0) throw new PartError('merge', 'the parts given hold no replication');
      const doc = mergeCase({ ...v, sha256: src.sha256 }, outcomes, g.partWallMs);
      const note = partialNote(missing, count, g);
      return { command: 'run', doc: note ? { ...doc, partial: note } : doc, scenario: v.scenario };
    }
    case 'sweep': {
      const sets = first.args.set;
      if (!Array.isArray(sets) || !sets.every((x) => typeof x === 'string')) throw new PartError(parts[0]!.file, 'args.set: expected the --set values');
      const specs = sets.map((x) => parseSetSpec(x));
      const prepared = gridValues(specs).map((values) => ({
        values,
        variant: partVariant(src, specs.map((s, i) => ({ segments: s.segments, value: values[i] as number })), overrides),
      }));
      const g = gatherUnits(parts, prepared.map((p) => p.variant));
      // A partial merge keeps the points that have at least one replication.
      const keep = prepared.map((_, i) => g.outcomes[i]!.length > 0);
      if (!keep.some(Boolean)) throw new PartError('merge', 'the parts given hold no replication');
      const doc = sweepDocument(specs, prepared.filter((_, i) => keep[i]), g.outcomes.filter((_, i) => keep[i]), g.wallMs.filter((_, i) => keep[i]));
      const note = partialNote(missing, count, g);
      return { command: 'sweep', doc: note ? { ...doc, partial: note } : doc, scenario: prepared[0]!.variant.scenario };
    }
    case 'solve': {
      refusePartial('solve', 'may need any count\'s every replication');
      return { command: 'solve', ...(await mergeSolveParts(parts, src, overrides.seed)) };
    }
    case 'compare': {
      refusePartial('comparison');
      const [sa, sb] = first.sources as [PartSource, PartSource];
      const a = partVariant(sa, [], overrides);
      const b = partVariant(sb, [], overrides);
      const g = gatherUnits(parts, [a, b]);
      const side = (v: typeof a, i: number) => ({
        raw: v.raw, scenario: v.scenario, inputs: v.inputs, outcomes: g.outcomes[i]!,
        result: mergeCase(v, g.outcomes[i]!, g.wallMs[i]!), side: sideOf(v),
      });
      return { command: 'compare', doc: compareSides(side(a, 0), side(b, 1)) };
    }
    case 'sensitivity': {
      refusePartial('sensitivity analysis');
      const figure = first.args.figure;
      if (typeof figure !== 'string') throw new PartError(parts[0]!.file, 'args.figure: expected the --figure path');
      if (!Array.isArray(first.plan)) throw new PartError(parts[0]!.file, 'plan: expected the variations\' sides');
      const plan = planSensitivity({ raw: src.raw, dirs: [], inputs: traceStandIns(src.traces) }, figure, {
        delta: typeof first.args.delta === 'number' ? first.args.delta : undefined,
        overrides,
      }, first.plan as RecordedSides);
      const g = gatherUnits(parts, plan.cases);
      return { command: 'sensitivity', doc: sensitivityResult(plan, plan.cases.map((c, i) => mergeCase(c, g.outcomes[i]!, g.wallMs[i]!))) };
    }
    case 'checkpoint-sweep': {
      refusePartial('checkpoint sweep');
      const { sweep, scenario } = mergeCheckpointParts(parts, src, overrides);
      return { command: 'checkpoint-sweep', doc: sweep, scenario };
    }
  }
}
