// The autoscaler's rule (scenario-format.md, `autoscaling`): every interval_s the desired count
// is ⌈time-average busy slots over the last interval ÷ (concurrency × target_utilization)⌉,
// clamped to [min_replicas, max_replicas]. New replicas serve after their cold start; a
// scale-down waits cooldown_s after the last change (the last decision to scale either way);
// it removes cold-starting replicas first, then restarting ones, then idle ones, then busy ones,
// which finish their in-flight work before they go (see ReplicaPool.remove).
import type { ServiceSpec } from '../scenario/schema';

export type AutoscalingSpec = NonNullable<ServiceSpec['autoscaling']>;

export function desiredReplicas(busySlots: number, concurrency: number, as: AutoscalingSpec): number {
  const raw = busySlots / (concurrency * as.target_utilization);
  // A busy average of exactly 2.0000000001 slots must not ask for a whole extra replica.
  const near = Math.round(raw);
  const n = Math.abs(raw - near) <= 1e-9 * Math.max(1, raw) ? near : Math.ceil(raw);
  return Math.min(as.max_replicas, Math.max(as.min_replicas, n));
}

/**
 * The autoscaler's memory between ticks: the busy-slot integral at the last tick, when that was,
 * and the last change (for the cooldown). `tick` says how many replicas to add (> 0) or remove
 * (< 0) now.
 */
export class Autoscaler {
  private lastAt = 0;
  private lastIntegral = 0;
  private lastChange = -Infinity;
  private ticks = 0;

  constructor(private readonly spec: AutoscalingSpec, private readonly concurrency: number) {}

  /** The change to make at `now`, given the busy-slot integral so far and the replicas provisioned. */
  tick(now: number, busyIntegral: number, provisioned: number): number {
    const busy = (busyIntegral - this.lastIntegral) / (now - this.lastAt);
    this.lastIntegral = busyIntegral;
    this.lastAt = now;
    const desired = desiredReplicas(busy, this.concurrency, this.spec);
    if (desired > provisioned || (desired < provisioned && now - this.lastChange >= this.spec.cooldown_s * 1000)) {
      this.lastChange = now;
      return desired - provisioned;
    }
    return 0;
  }

  /** Time of the next tick (ms), counting from the first at interval_s. */
  nextTick(): number {
    return (++this.ticks + 1) * this.spec.interval_s * 1000;
  }
}
