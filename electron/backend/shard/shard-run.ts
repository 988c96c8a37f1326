// A shard of a long command: its share of the units (shardUnits) over this machine's worker
// threads, written as a part document; and, on the merge side, the parts' outcomes gathered
// back per case in replication order, checked against the units they claim to be.
import { ENGINE_VERSION, type HostInputs, type ReplicationOutcome } from '../../../simulation';
import { runUnitsInWorkers, type PoolCase, type PoolOptions, type PoolUnit } from '../runs/run-pool';
import { encodeExact } from './exact-json';
import { PART_FORMAT, PartError, type LoadedPart, type PartDocument, type ShardCommand, type UnitOutcome } from './part-format';
import { summarizeTraces } from './part-inputs';
import { shardUnits, unitsOf, type Shard } from './units';

export interface ShardJob {
  command: ShardCommand;
  /** The options that shape the work (undefined: not given). */
  args: Record<string, unknown>;
  name: string;
  seed: number;
  /** The scenario files as read, with the inputs read for them. */
  sources: { sha256: string; raw: Record<string, unknown>; inputs: HostInputs }[];
  /** The scenarios whose replications are the units, in the single-machine order. */
  cases: (PoolCase & { sha256: string })[];
  /** What else the merge needs to rebuild the cases (PartDocument.plan). */
  plan?: unknown;
  /**
   * Runs units of the cases on this machine; default: their replications on the run pool
   * (runUnitsInWorkers). A checkpoint sweep's units are interval samples instead.
   */
  runUnits?: (units: PoolUnit[], options: PoolOptions) => Promise<UnitRun>;
}

/** The units a shard ran: per case, their outcomes in replication order, and the wall clock. */
export interface UnitRun {
  outcomes: UnitOutcome[][];
  caseWallMs: number[];
  wallMs: number;
}

async function runReplicationUnits(cases: readonly PoolCase[], units: PoolUnit[], options: PoolOptions): Promise<UnitRun> {
  const pool = await runUnitsInWorkers(cases, units, options);
  if (pool.cancelled || pool.capped) throw new Error('the shard was stopped before all its units ran');
  return pool;
}

/** Options as a part stores them: given ones only, keys sorted. */
export function normalizeArgs(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export async function runShard(job: ShardJob, shard: Shard, options: PoolOptions = {}): Promise<PartDocument> {
  const all = unitsOf(job.cases);
  const mine = shardUnits(all.length, shard);
  const units = mine.map((k) => all[k]!);
  const pool = await (job.runUnits ? job.runUnits(units, options) : runReplicationUnits(job.cases, units, options));
  const byUnit = new Map<string, UnitOutcome>();
  pool.outcomes.forEach((list, c) => { for (const o of list) byUnit.set(`${c}:${o.index}`, o); });
  const outcomes = mine.map((k) => {
    const u = all[k]!;
    const o = byUnit.get(`${u.case}:${u.index}`);
    if (!o) throw new Error(`unit ${k} has no outcome`);
    return o;
  });
  return {
    format: PART_FORMAT,
    command: job.command,
    args: normalizeArgs(job.args),
    scenario: { name: job.name, sha256: job.sources[0]!.sha256 },
    engine: { version: ENGINE_VERSION, events: outcomes.reduce((n, o) => n + o.events, 0), wall_ms: pool.wallMs },
    seed: job.seed,
    shard: { index: shard.index, count: shard.count },
    units: { total: all.length, indices: mine },
    sources: job.sources.map((s) => ({ sha256: s.sha256, raw: s.raw, traces: summarizeTraces(s.inputs) })),
    cases: job.cases.map((c, i) => ({ sha256: c.sha256, replications: c.scenario.replications, wall_ms: pool.caseWallMs[i] as number })),
    ...(job.plan === undefined ? {} : { plan: job.plan }),
    outcomes: outcomes.map((o, i) => encodeExact(o, `outcomes[${i}]`)),
  };
}

export interface GatheredUnits<O extends UnitOutcome = ReplicationOutcome> {
  /** Per case, its outcomes in replication order. */
  outcomes: O[][];
  /** Per case, the longest any shard spent on it (the shards ran side by side). */
  wallMs: number[];
  /** The longest shard's wall time. */
  partWallMs: number;
  /** Units present, of `total`. */
  units: number;
  total: number;
}

/**
 * The parts' outcomes per case; PartError when a part's units do not fit the rebuilt cases. `O`
 * is what the parts' command computes per unit (readPart checked the shape).
 */
export function gatherUnits<O extends UnitOutcome = ReplicationOutcome>(parts: readonly LoadedPart[], cases: readonly { sha256: string; scenario: { replications: number } }[]): GatheredUnits<O> {
  const all = unitsOf(cases);
  const outcomes: O[][] = cases.map(() => []);
  const wallMs = cases.map(() => 0);
  let units = 0;
  let partWallMs = 0;
  for (const { file, part, outcomes: got } of parts) {
    partWallMs = Math.max(partWallMs, part.engine.wall_ms);
    if (part.units.total !== all.length) throw new PartError(file, `holds units of ${part.units.total}, but its scenario and options make ${all.length}`);
    const rebuilt = cases.map((c) => `${c.sha256}×${c.scenario.replications}`).join(' ');
    if (part.cases.map((c) => `${c.sha256}×${c.replications}`).join(' ') !== rebuilt) {
      throw new PartError(file, `cases: its scenarios are not the ones the merge rebuilt from its sources and options (${part.cases.length} vs ${cases.length}); was it written by another version?`);
    }
    part.units.indices.forEach((k, j) => {
      const u = all[k]!;
      const o = got[j]! as O;
      if (o.index !== u.index) throw new PartError(file, `outcomes[${j}] is replication ${o.index}, but unit ${k} is replication ${u.index}`);
      outcomes[u.case]!.push(o);
      units++;
    });
    part.cases.forEach((c, i) => { wallMs[i] = Math.max(wallMs[i]!, c.wall_ms); });
  }
  for (const list of outcomes) list.sort((a, b) => a.index - b.index);
  return { outcomes, wallMs, partWallMs, units, total: all.length };
}

/** What a merge with --allow-partial adds to the document: which shards were not there. */
export interface PartialNote {
  shards: number;
  missing_shards: number[];
  units: number;
  of_units: number;
}

export function partialNote(missing: readonly number[], count: number, g: GatheredUnits<UnitOutcome>): PartialNote | null {
  return missing.length === 0 ? null : { shards: count, missing_shards: [...missing], units: g.units, of_units: g.total };
}
