// Node failures of one replication: every node of every pool has its own seeded stream, so
// adding a pool or a node does not shift the failures of the others. Nodes are numbered
// globally (pool by pool) so an event's payload is one number.
import { deriveStream } from '../random/rng';
import { compileDist, type Sampler } from '../random/samplers';
import type { ClusterSpec } from '../scenario/schema';
import type { PoolState } from './pool-state';

export class NodeFailures {
  /** Global node index → pool index and node within the pool. */
  readonly poolOf: Int32Array;
  readonly nodeOf: Int32Array;
  private readonly untilFailure: Sampler[] = [];
  private readonly repair: Sampler[] = [];

  constructor(pools: readonly PoolState[], failures: ClusterSpec['failures'], seed: number, replication: number) {
    const nodes = pools.reduce((s, p) => s + p.nodeCount, 0);
    this.poolOf = new Int32Array(nodes);
    this.nodeOf = new Int32Array(nodes);
    let g = 0;
    for (const p of pools) {
      for (let i = 0; i < p.nodeCount; i++, g++) {
        this.poolOf[g] = p.index;
        this.nodeOf[g] = i;
        if (failures) {
          const rng = deriveStream(seed, replication, `cluster/failures/${p.id}/${i}`);
          this.untilFailure.push(compileDist({ dist: 'exponential', mean: failures.node_mtbf_s }, rng));
          this.repair.push(compileDist(failures.repair_s, rng));
        }
      }
    }
  }

  /** Nodes that can fail (none without `cluster.failures`). */
  get count(): number {
    return this.untilFailure.length;
  }

  /** Time from now until node g fails next. */
  nextFailure(g: number): number {
    return (this.untilFailure[g] as Sampler)();
  }

  /** Time node g takes to be repaired. */
  repairTime(g: number): number {
    return (this.repair[g] as Sampler)();
  }
}
