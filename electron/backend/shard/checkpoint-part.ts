// `checkpoint-sweep --shard` and its merge. The sweep's units are interval × replication: one
// case per factor (the scenario with checkpoint_interval_s = factor × Young/Daly), its units its
// replications, numbered as every command's are (units.ts). A unit's outcome is its
// CheckpointSample, and the merge rebuilds the sweep from the samples with the engine's own
// `checkpointSweepOf`, as the command does. The Young/Daly basis depends on the job sizes, and
// so on the job trace, which a part does not carry: the part keeps it as its `plan`, and the
// merge recomputes everything but the typical job's node count from the scenario and checks it.
import {
  canonicalJson, checkpointBasisForNodes, checkpointSweepOf, DEFAULT_FACTORS,
  type CheckpointBasis, type CheckpointSample, type CheckpointSweep, type HostInputs, type Scenario,
} from '../../../simulation';
import type { PoolCase } from '../runs/run-pool';
import { intervalCases, intervalSha256, normalizeFactors, runCheckpointUnits } from '../tools/checkpoint-sweep';
import type { Overrides } from '../traces/scenario-source';
import { PartError, type LoadedPart, type PartSource } from './part-format';
import { partVariant } from './part-inputs';
import { gatherUnits, type ShardJob } from './shard-run';

/** Each interval's scenario with its sha256 (the file's JSON with the interval set), in factor order. */
function sweepCases(raw: Record<string, unknown>, scenario: Scenario, inputs: HostInputs, basis: CheckpointBasis, factors: readonly number[]): (PoolCase & { sha256: string })[] {
  return intervalCases(scenario, inputs, basis, factors).map((c, i) => ({ ...c, sha256: intervalSha256(raw, basis, factors[i] as number) }));
}

export interface CheckpointShardInput {
  /** The scenario file as read, and its sha256. */
  raw: Record<string, unknown>;
  sha256: string;
  /** The scenario with --seed and --replications applied, and the job trace read for it. */
  scenario: Scenario;
  inputs: HostInputs;
  basis: CheckpointBasis;
  /** --seed, --replications as given; --factors normalized (sorted, distinct) when given. */
  args: { seed?: number; replications?: number; factors?: number[] };
}

export function checkpointShardJob(input: CheckpointShardInput): ShardJob {
  const { scenario, inputs, basis } = input;
  const factors = input.args.factors ?? normalizeFactors(DEFAULT_FACTORS);
  const cases = sweepCases(input.raw, scenario, inputs, basis, factors);
  return {
    command: 'checkpoint-sweep',
    args: input.args,
    name: scenario.name,
    seed: scenario.seed,
    sources: [{ sha256: input.sha256, raw: input.raw, inputs }],
    cases,
    plan: basis,
    runUnits: async (units, options) => {
      const started = Date.now();
      const run = await runCheckpointUnits(cases, units, {
        threads: options.threads,
        onUnit: options.onProgress
          ? (done, total, events) => {
            const elapsed = Math.max(1, Date.now() - started);
            options.onProgress?.({
              fraction: done / total, replicationsDone: done, replications: total, events,
              eventsPerSec: (events / elapsed) * 1000, etaMs: done > 0 ? (elapsed * (total - done)) / done : null,
            });
          }
          : undefined,
      });
      return { outcomes: run.samples, caseWallMs: run.caseWallMs, wallMs: run.wallMs };
    },
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The sweep one process would have printed, from a whole set of checkpoint-sweep parts (checked by checkPartSet). */
export function mergeCheckpointParts(parts: readonly LoadedPart[], src: PartSource, overrides: Overrides): { sweep: CheckpointSweep; scenario: Scenario } {
  const first = parts[0]!;
  const bad = (message: string): never => { throw new PartError(first.file, message); };
  let factors: number[];
  try {
    const given = first.part.args.factors;
    if (given !== undefined && (!Array.isArray(given) || !given.every((f) => typeof f === 'number'))) bad('args.factors: expected the --factors values');
    factors = normalizeFactors((given as number[] | undefined) ?? DEFAULT_FACTORS);
  } catch (e) {
    if (e instanceof RangeError) return bad(`args.factors: ${e.message}`);
    throw e;
  }
  const plan = first.part.plan;
  if (!isObj(plan) || typeof plan.nodes !== 'number' || !Number.isSafeInteger(plan.nodes) || plan.nodes < 1) return bad('plan: expected the sweep\'s Young/Daly basis { nodes, mtbf_job_s, checkpoint_cost_s, young_daly_interval_s }');
  const v = partVariant(src, [], overrides);
  const basis = checkpointBasisForNodes(v.scenario, plan.nodes);
  if (canonicalJson(basis) !== canonicalJson(plan)) {
    bad(`plan: the Young/Daly basis ${canonicalJson(plan)} is not the scenario's for jobs spanning ${plan.nodes} node(s) (${canonicalJson(basis)}); was it written by another version?`);
  }
  const cases = sweepCases(v.raw, v.scenario, v.inputs, basis, factors);
  const g = gatherUnits<CheckpointSample>(parts, cases);
  return { sweep: checkpointSweepOf(basis, factors, g.outcomes), scenario: v.scenario };
}
