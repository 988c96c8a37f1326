// What happens to a service's replicas: failures (exponential time to failure per serving
// replica), restarts, cold starts and the autoscaler's ticks. Events about a replica carry a
// generation tag, so a failure scheduled for a replica that was removed or has failed since is
// dropped when it fires. The requests a failed replica was serving go back to the model
// (`ReplicaHost.requeue`), which owns the waiting line.
import { tag, tagGeneration, tagIndex } from '../engine/generation-tag';
import type { Simulator } from '../engine/simulator';
import type { Rng } from '../random/rng';
import { compileDist, type Sampler } from '../random/samplers';
import type { Dist } from '../scenario/dist-schema';
import type { ServiceSpec } from '../scenario/schema';
import { Autoscaler } from './autoscale';
import { COLD, DOWN, DRAINING, UP, type ReplicaPool } from './replica-pool';
import type { StateClock } from './series';
import type { ServiceTally } from './service-tally';

const ZERO: Dist = { dist: 'fixed', value: 0 };

/** What the replica events need from the service model. */
export interface ReplicaHost {
  readonly sim: Simulator;
  readonly pool: ReplicaPool;
  readonly clock: StateClock;
  readonly tally: ServiceTally;
  /** Puts a failed replica's requests back at the head of the line. */
  requeue(arrivals: number[], joins: number[], now: number): void;
  /** Starts work on free slots. */
  dispatch(now: number): void;
}

export class ReplicaEvents {
  private readonly drawFailure: Sampler | null;
  private readonly drawRestart: Sampler;
  private readonly drawCold: Sampler;
  private readonly autoscaler: Autoscaler | null;
  /** Replica indices run below this (the tag's space). */
  private readonly space: number;
  private readonly scratchArrival: number[] = [];
  private readonly scratchJoin: number[] = [];

  constructor(private readonly host: ReplicaHost, spec: ServiceSpec, stream: (name: string) => Rng, private readonly horizon: number) {
    const f = spec.replica_failures;
    this.drawFailure = f ? compileDist({ dist: 'exponential', mean: f.mtbf_s * 1000 }, stream('failures')) : null;
    const restart = compileDist(f?.restart_s ?? ZERO, stream('restart'));
    this.drawRestart = () => restart() * 1000;
    const cold = compileDist(spec.autoscaling?.cold_start_s ?? ZERO, stream('cold_start'));
    this.drawCold = () => cold() * 1000;
    this.space = spec.autoscaling ? spec.autoscaling.max_replicas : spec.replicas;
    this.autoscaler = spec.autoscaling ? new Autoscaler(spec.autoscaling, spec.concurrency) : null;
  }

  /** Starts `replicas` replicas now and the autoscaler's first tick. */
  start(replicas: number, firstTick: number): void {
    const pool = this.host.pool;
    for (let i = 0; i < replicas; i++) {
      const r = pool.allocate();
      pool.activate(r);
      this.scheduleFailure(r);
    }
    if (this.autoscaler && firstTick < this.horizon) this.host.sim.scheduleAt(firstTick, this.onScale);
  }

  private scheduleFailure(r: number): void {
    if (!this.drawFailure) return;
    const t = this.host.sim.now + this.drawFailure();
    if (t < this.horizon) this.host.sim.scheduleAt(t, this.onFailure, this.replicaTag(r));
  }

  /** The payload of an event about replica r, stale once the replica's generation moves on. */
  private replicaTag(r: number): number {
    return tag(this.host.pool.repGen[r] as number, r, this.space);
  }

  /** The replica an event is about, or −1 when the event is stale. */
  private replicaEvent(payload: number): number {
    const r = tagIndex(payload, this.space);
    return tagGeneration(payload, r, this.space) === this.host.pool.repGen[r] ? r : -1;
  }

  private readonly onFailure = (payload: number): void => {
    const r = this.replicaEvent(payload);
    if (r >= 0) this.fail(r);
  };

  /** Replica r fails now (if it is serving): its requests go back to the line, a restart is drawn. */
  fail(r: number): void {
    const { pool, sim } = this.host;
    const st = pool.state[r];
    if (st !== UP && st !== DRAINING) return;
    const now = sim.now;
    this.host.clock.advance(now);
    this.host.tally.failures++;
    const arr = this.scratchArrival, join = this.scratchJoin;
    arr.length = 0;
    join.length = 0;
    pool.fail(r, arr, join);
    if (st === UP) sim.scheduleAt(now + this.drawRestart(), this.onRestart, this.replicaTag(r));
    this.host.requeue(arr, join, now);
    this.host.dispatch(now);
  }

  private readonly onRestart = (payload: number): void => {
    const r = this.replicaEvent(payload);
    if (r < 0 || this.host.pool.state[r] !== DOWN) return;
    this.bringUp(r);
  };

  private readonly onReady = (payload: number): void => {
    const r = this.replicaEvent(payload);
    if (r < 0 || this.host.pool.state[r] !== COLD) return;
    this.bringUp(r);
  };

  private bringUp(r: number): void {
    const now = this.host.sim.now;
    this.host.clock.advance(now);
    this.host.pool.activate(r);
    this.scheduleFailure(r);
    this.host.dispatch(now);
  }

  private readonly onScale = (): void => {
    const scaler = this.autoscaler as Autoscaler;
    const { sim, pool, clock } = this.host;
    const now = sim.now;
    clock.advance(now);
    const change = scaler.tick(now, clock.busyIntegral, pool.provisioned);
    for (let k = 0; k < change; k++) {
      const r = pool.allocate();
      sim.scheduleAt(now + this.drawCold(), this.onReady, this.replicaTag(r));
    }
    if (change < 0) pool.remove(-change);
    const t = scaler.nextTick();
    if (t < this.horizon) sim.scheduleAt(t, this.onScale);
  };
}
