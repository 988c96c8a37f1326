// `headroom checkpoint-sweep <scenario.json> [--factors F1,F2,…] [--replications R] [--seed N]
// [--threads T] [--json] [--shard I/N|auto/N [--out FILE.json]]`: the cluster simulated with
// checkpoint_interval_s at each factor × the Young/Daly interval √(2 · MTBF_job · C), on the
// same seeds; prints the table and the simulated optimum beside Young/Daly (docs/cluster.md).
// With --shard, its share of the units (interval × replication) as a part document, which
// `headroom merge` turns back into the sweep (docs/cli.md#shards-and-merge). Everything is
// checked before anything runs.
import { checkpointBasis, type CheckpointSweep, type Scenario } from '../../simulation';
import { checkpointSweepTable, EN_US, valueText } from '../../simulation/present';
import { checkpointShardJob } from '../backend/shard/checkpoint-part';
import { checkpointSweepIssues, normalizeFactors, runCheckpointSweep } from '../backend/tools/checkpoint-sweep';
import { applyOverrides, type Loaded } from '../backend/traces/scenario-source';
import { UsageError, type FlagSpec, type ParsedArgs } from './args';
import { jobTracesFor } from './calibrate';
import { table } from './text-table';
import { InputError } from './inputs';
import { emitShard, shardFlag } from './shard-commands';

const { plain: fmt } = EN_US;

export const CHECKPOINT_USAGE = `  headroom checkpoint-sweep <scenario.json> [--factors F1,F2,…] [--replications R] [--seed N]
                                            [--threads T] [--json]
                                            [--shard I/N|auto/N [--out FILE.json]]`;

export const CHECKPOINT_SPECS: Record<string, Record<string, FlagSpec>> = {
  'checkpoint-sweep': {
    json: { kind: 'boolean' },
    factors: { kind: 'string' },
    replications: { kind: 'integer', min: 1 },
    seed: { kind: 'integer', min: 0 },
    threads: { kind: 'integer', min: 1 },
    shard: { kind: 'string' },
    out: { kind: 'string' },
  },
};

/** "0.25,0.5,1" → sorted distinct numbers, or a usage error naming the bad one. */
export function parseFactors(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  const values = parts.map((p) => {
    const n = p === '' ? Number.NaN : Number(p);
    if (!Number.isFinite(n)) throw new UsageError(`--factors: ${JSON.stringify(p)} is not a number (use e.g. --factors 0.25,0.5,1,2,4)`);
    return n;
  });
  try {
    return normalizeFactors(values);
  } catch (e) {
    throw new UsageError(`--factors: ${(e as Error).message}`);
  }
}

export async function runCheckpointCommand(args: ParsedArgs, loaded: Extract<Loaded, { ok: true }>): Promise<number> {
  const shard = shardFlag(args, false);
  const factors = typeof args.flags.factors === 'string' ? parseFactors(args.flags.factors) : undefined;
  const overrides = { seed: args.flags.seed as number | undefined, replications: args.flags.replications as number | undefined };
  const patched = applyOverrides(loaded.raw, overrides);
  if (!patched.ok) throw new InputError(patched.errors);
  const scenario = patched.scenario;
  const issues = checkpointSweepIssues(scenario);
  if (issues.length > 0) throw new InputError(issues);
  const inputs = jobTracesFor(scenario, args.file);
  if (shard) {
    return emitShard(args, shard, checkpointShardJob({
      raw: loaded.raw, sha256: loaded.sha256, scenario, inputs, basis: checkpointBasis(scenario, inputs), args: { ...overrides, factors },
    }));
  }
  const tty = process.stderr.isTTY;
  const sweep = await runCheckpointSweep(scenario, inputs, {
    factors,
    threads: args.flags.threads as number | undefined,
    onProgress: tty ? (done, total) => process.stderr.write(`\rsimulating checkpoint intervals: ${done}/${total} replications\x1b[K`) : undefined,
  });
  if (tty) process.stderr.write('\r\x1b[K');
  return emitCheckpointSweep(args, sweep, scenario);
}

/** The sweep's output (also of a merge of its shards). */
export function emitCheckpointSweep(args: ParsedArgs, sweep: CheckpointSweep, scenario: Scenario): number {
  process.stdout.write(args.flags.json ? `${JSON.stringify(sweep, null, 2)}\n` : `${formatCheckpointSweep(sweep, scenario.replications)}\n`);
  return 0;
}

function seconds(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

/** The sweep's table with the app's headings and cells (simulation/present/figures-checkpoint.ts). */
export function formatCheckpointSweep(sweep: CheckpointSweep, replications: number): string {
  const best = sweep.points.find((p) => p.factor === sweep.best.factor);
  const { heads, rows } = checkpointSweepTable(EN_US, sweep);
  return [
    `Checkpoint interval sweep: jobs spanning ${sweep.nodes} node${sweep.nodes === 1 ? '' : 's'}, MTBF_job ${seconds(sweep.mtbf_job_s)} s, checkpoint cost ${fmt(sweep.checkpoint_cost_s, 2)} s, ${replications} replication${replications === 1 ? '' : 's'} per interval`,
    `Young/Daly interval      ${seconds(sweep.young_daly_interval_s)} s  (√(2 · MTBF_job · C))`,
    `simulated optimum        ${seconds(sweep.best.interval_s)} s  (${fmt(sweep.best.factor, 3)} × Young/Daly, goodput ${best?.goodput ? valueText(EN_US, best.goodput.mean, 'fraction') : '—'})`,
    '',
    ...table([heads, ...rows], heads.map((_, i) => i !== 2)),
    '',
    'goodput: share of the jobs\' allocated GPU time spent in steps that were kept; lost work and checkpoints: shares of that time.',
  ].join('\n');
}
