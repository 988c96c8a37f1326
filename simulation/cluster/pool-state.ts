// One pool: its nodes (free units, up or failed, persistently slow, blacklisted), the jobs on each
// node, the waiting line and the running jobs. Feasibility counts free units on nodes that are up
// (a job may span nodes); placement only decides which nodes, hence which stragglers and failures
// hit the job.
import type { PoolSpec } from '../scenario/schema';
import type { PipelineHold } from './hold';
import type { ClusterJob } from './jobs';

/** What a pool's line and nodes hold: a training job or a pipeline task's hold (`hold` tells). */
export type PoolEntry = ClusterJob | PipelineHold;

export type Placement = 'pack' | 'spread';

export class PoolState {
  readonly id: string;
  readonly units: number;
  readonly perNode: number;
  readonly nodeCount: number;
  readonly free: Int32Array;
  readonly up: Uint8Array;
  readonly slow: Uint8Array;
  readonly blacklisted: Uint8Array;
  readonly nodeJobs: PoolEntry[][];
  /** Free units on nodes that are up. */
  freeUp: number;
  readonly waiting: PoolEntry[] = [];
  readonly running: PoolEntry[] = [];
  /** Row of each node in the occupancy grid. */
  readonly gridRow: Int32Array;

  constructor(readonly index: number, spec: PoolSpec) {
    this.id = spec.id;
    this.units = spec.units;
    this.perNode = unitsPerNode(spec);
    this.nodeCount = this.units / this.perNode;
    this.free = new Int32Array(this.nodeCount).fill(this.perNode);
    this.up = new Uint8Array(this.nodeCount).fill(1);
    this.slow = new Uint8Array(this.nodeCount);
    this.blacklisted = new Uint8Array(this.nodeCount);
    this.nodeJobs = Array.from({ length: this.nodeCount }, () => []);
    this.gridRow = new Int32Array(this.nodeCount);
    this.freeUp = this.units;
  }

  /** Allocation invariants (tests): every unit is free or held by exactly one running claim. */
  audit(): void {
    const held = new Int32Array(this.nodeCount);
    for (const j of this.running) j.nodes.forEach((i, k) => { held[i] = (held[i] as number) + (j.counts[k] as number); });
    let freeUp = 0;
    for (let i = 0; i < this.nodeCount; i++) {
      const f = this.free[i] as number;
      if (f < 0 || f > this.perNode || f + (held[i] as number) !== this.perNode) {
        throw new Error(`audit: pool ${this.id} node ${i}: free ${f}, held ${held[i]}, per node ${this.perNode}`);
      }
      if (this.up[i] === 1) freeUp += f;
    }
    if (freeUp !== this.freeUp) throw new Error(`audit: pool ${this.id}: freeUp ${this.freeUp}, counted ${freeUp}`);
  }

  /**
   * Chooses nodes for `workers` units (the caller checked `workers ≤ freeUp`). `pack` fills nodes
   * in order; `spread` takes one unit per node per round. With `avoid`, blacklisted nodes are
   * used only when the others are full.
   */
  place(workers: number, placement: Placement, avoid: boolean): { nodes: number[]; counts: number[] } {
    const nodes: number[] = [];
    const counts: number[] = [];
    const take = new Int32Array(this.nodeCount);
    let left = workers;
    const passes = avoid ? [0, 1] : [-1];
    for (const pass of passes) {
      if (left === 0) break;
      const eligible = (i: number) => this.up[i] === 1 && (pass === -1 || this.blacklisted[i] === pass);
      if (placement === 'pack') {
        for (let i = 0; i < this.nodeCount && left > 0; i++) {
          if (!eligible(i)) continue;
          const t = Math.min(this.free[i] as number, left);
          take[i] = (take[i] as number) + t;
          left -= t;
        }
      } else {
        let progress = true;
        while (left > 0 && progress) {
          progress = false;
          for (let i = 0; i < this.nodeCount && left > 0; i++) {
            if (!eligible(i) || (take[i] as number) >= (this.free[i] as number)) continue;
            take[i] = (take[i] as number) + 1;
            left--;
            progress = true;
          }
        }
      }
    }
    if (left > 0) throw new Error(`pool ${this.id}: placement of ${workers} units found only ${workers - left}`);
    for (let i = 0; i < this.nodeCount; i++) {
      const t = take[i] as number;
      if (t > 0) { nodes.push(i); counts.push(t); }
    }
    return { nodes, counts };
  }
}

/** `units_per_node`, defaulting to 8 when units is a multiple of 8, else units (one node). */
export function unitsPerNode(p: PoolSpec): number {
  return p.units_per_node ?? (p.units % 8 === 0 ? 8 : p.units);
}
