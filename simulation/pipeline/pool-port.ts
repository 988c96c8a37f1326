// How a pipeline task gets units of a cluster pool: the "hold, then release" interface the
// pipeline needs from whoever owns the pools. The cluster model (../cluster/cluster-model.ts,
// `ClusterModel.hold` / `release`) implements it, so in a scenario with a `cluster` section the
// pipeline's tasks and the cluster's jobs queue in the same waiting lines under the cluster's
// policy (docs/pipeline.md, "Contention"). `FifoPools` below is a minimal stand-alone
// implementation — one first-come-first-served line per pool — used by the pipeline's own tests
// and usable wherever no cluster model runs.

export interface HoldRequest {
  units: number;
  /** Expected holding time: the key for `sjf` and for backfill reservations. */
  expected_s: number;
  priority?: number;
  /** Called (inside an event, at the grant time) when the units are granted. */
  onGranted: (t: number) => void;
}

export interface PoolPort {
  /** Queues a request for `req.units` of pool `pool`; returns a ticket for `release`. */
  hold(pool: string, req: HoldRequest): number;
  /** Gives a granted hold's units back (or withdraws a request still waiting). */
  release(ticket: number): void;
}

interface Ticket {
  pool: number;
  units: number;
  state: 0 | 1 | 2; // waiting, granted, released
  onGranted: (t: number) => void;
}

/**
 * Pools with `capacity` units each and a strict FIFO line: a request is granted at once when it
 * is first in line and fits, else it waits; a release grants the line's head(s) in order. The
 * first request that does not fit blocks every request behind it.
 */
export class FifoPools implements PoolPort {
  private readonly index = new Map<string, number>();
  private readonly free: number[];
  private readonly capacity: number[];
  private readonly lines: number[][];
  private readonly tickets: Ticket[] = [];
  /** Units in use per pool, for tests (never above capacity). */
  maxInUse: number[];

  constructor(pools: Record<string, number>, private readonly now: () => number) {
    const ids = Object.keys(pools);
    ids.forEach((id, i) => this.index.set(id, i));
    this.capacity = ids.map((id) => pools[id] as number);
    this.free = [...this.capacity];
    this.lines = ids.map(() => []);
    this.maxInUse = ids.map(() => 0);
  }

  hold(pool: string, req: HoldRequest): number {
    const p = this.index.get(pool);
    if (p === undefined) throw new Error(`unknown pool "${pool}"`);
    if (req.units > (this.capacity[p] as number)) throw new Error(`${req.units} units do not fit in pool "${pool}" (${this.capacity[p]})`);
    const ticket = this.tickets.length;
    this.tickets.push({ pool: p, units: req.units, state: 0, onGranted: req.onGranted });
    (this.lines[p] as number[]).push(ticket);
    this.grant(p);
    return ticket;
  }

  release(ticket: number): void {
    const tk = this.tickets[ticket];
    if (!tk || tk.state === 2) throw new Error(`no active hold ${ticket}`);
    const line = this.lines[tk.pool] as number[];
    if (tk.state === 0) line.splice(line.indexOf(ticket), 1);
    else this.free[tk.pool] = (this.free[tk.pool] as number) + tk.units;
    tk.state = 2;
    this.grant(tk.pool);
  }

  private grant(p: number): void {
    const line = this.lines[p] as number[];
    while (line.length > 0) {
      const tk = this.tickets[line[0] as number] as Ticket;
      if (tk.units > (this.free[p] as number)) return;
      line.shift();
      this.free[p] = (this.free[p] as number) - tk.units;
      this.maxInUse[p] = Math.max(this.maxInUse[p] as number, (this.capacity[p] as number) - (this.free[p] as number));
      tk.state = 1;
      tk.onGranted(this.now());
    }
  }
}
