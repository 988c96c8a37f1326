// Work units of a long command and their share per shard. A unit is one replication of one of
// the command's scenarios (its "cases": a run has one, a sweep one per point, a comparison two),
// numbered in the single-machine order: case by case, each case's replications by index. Unit k
// goes to shard k mod N (round-robin, so cheap and costly points spread evenly over the shards).
// A unit's outcome depends only on (scenario, seed, replication index), never on its shard.
import type { PoolUnit } from '../runs/run-pool';

export interface Shard {
  /** 0 … count − 1. */
  index: number;
  count: number;
}

/** The most shards a command may be split into. */
export const MAX_SHARDS = 10_000;

/** Every unit of the cases, in the single-machine order (unit k is the k-th). */
export function unitsOf(cases: readonly { scenario: { replications: number } }[]): PoolUnit[] {
  return cases.flatMap((c, i) => Array.from({ length: c.scenario.replications }, (_, index) => ({ case: i, index })));
}

/** The unit numbers shard `shard` computes, ascending. */
export function shardUnits(total: number, shard: Shard): number[] {
  const out: number[] = [];
  for (let k = shard.index; k < total; k += shard.count) out.push(k);
  return out;
}

/** The shard that computes unit k. */
export function shardOfUnit(k: number, count: number): number {
  return k % count;
}
