// What one replication of a service counts and measures, streamed: counters, latency and wait
// histograms (bounded memory whatever the number of requests), component sums, and the chart
// buckets; then the replication's figures. The model (service-model.ts) decides what happens;
// this file only keeps score, so the two read separately.
import type { Dist } from '../scenario/dist-schema';
import type { ServiceSpec } from '../scenario/schema';
import { Histogram } from '../stats/histogram';
import type { ServiceReplication } from './figures';
import type { BucketCounts, ReplicationSeries, StateClock } from './series';

export class ServiceTally {
  requests = 0;
  rejected = 0;
  completed = 0;
  timedOut = 0;
  /** Arrivals, rejections and timeouts of requests that arrived after the warm-up. */
  measuredArrivals = 0;
  measuredRejected = 0;
  measuredTimedOut = 0;
  withinBudget = 0;
  waitedCount = 0;
  /** Completions inside [warm-up, horizon], for the throughput. */
  windowCompletions = 0;
  waitingAtHorizon: number | null = null;
  failures = 0;
  requeued = 0;
  batches = 0;
  batchMembers = 0;
  private readonly latency = new Histogram();
  private readonly wait = new Histogram();
  private readonly sums = { feature: 0, service: 0, network: 0, postprocess: 0 };

  constructor(
    private readonly counts: BucketCounts,
    private readonly warmup: number,
    private readonly horizon: number,
    private readonly budget: number,
    private readonly bucketMs: number,
  ) {}

  arrival(a: number): void {
    this.requests++;
    if (a >= this.warmup) this.measuredArrivals++;
  }

  /** A request turned away at `now` by a full waiting line. */
  rejection(a: number, now: number): void {
    this.rejected++;
    if (a >= this.warmup) this.measuredRejected++;
    const k = this.counts.index(now);
    if (k >= 0) this.counts.rejected[k]!++;
  }

  /** A request dropped at `now` after waiting `timeout_ms`. */
  timeout(a: number, now: number): void {
    this.timedOut++;
    if (a >= this.warmup) this.measuredTimedOut++;
    const k = this.counts.index(now);
    if (k >= 0) this.counts.timedOut[k]!++;
  }

  /** One completed request that arrived at `a`, with its latency components (ms). */
  request(a: number, feature: number, waited: number, service: number, net: number, post: number): void {
    // Summed component by component, so fixed components give a bit-identical latency.
    const latency = feature + waited + service + net + post;
    this.counts.recordLatency(a, latency);
    if (a < this.warmup) return;
    this.latency.record(latency);
    this.wait.record(waited);
    if (latency <= this.budget) this.withinBudget++;
    if (waited > 0) this.waitedCount++;
    const sums = this.sums;
    sums.feature += feature; sums.service += service; sums.network += net; sums.postprocess += post;
  }

  /** A slot's batch of `size` completing at `now` (started at `start`). */
  completion(now: number, start: number, size: number): void {
    this.completed += size;
    if (now >= this.warmup && now <= this.horizon) this.windowCompletions += size;
    const k = this.counts.index(now);
    if (k >= 0) this.counts.completions[k]! += size;
    if (start >= this.warmup && start < this.horizon) { this.batches++; this.batchMembers += size; }
  }

  /** The figures of the replication, which ended at `end` (the clock advanced to it). */
  figures(spec: ServiceSpec, clock: StateClock, end: number, batching: boolean): ServiceReplication {
    const windowMs = end - this.warmup;
    const n = this.latency.count;
    const lat = this.latency;
    const mean = (sum: number) => (n === 0 ? null : sum / n);
    const fixedOr = (d: Dist | undefined, sum: number) => (n === 0 ? null : d === undefined ? 0 : d.dist === 'fixed' ? d.value : sum / n);
    const atSlo = lat.percentile(spec.slo_percentile);
    const ended = n + this.measuredRejected + this.measuredTimedOut;
    return {
      requests: this.requests,
      completed: this.completed,
      rejected: this.rejected,
      timed_out: this.timedOut,
      measured_arrivals: this.measuredArrivals,
      waiting_at_horizon: this.waitingAtHorizon,
      throughput_rps: windowMs > 0 ? this.windowCompletions / (windowMs / 1000) : null,
      latency_ms: {
        mean: lat.mean(), p50: lat.percentile(50), p95: lat.percentile(95), p99: lat.percentile(99),
        p999: lat.percentile(99.9), max: n > 0 ? lat.max : null,
      },
      latency_at_slo_ms: atSlo,
      wait_ms: { mean: this.wait.mean(), p99: this.wait.percentile(99) },
      wait_probability: n > 0 ? this.waitedCount / n : null,
      utilization: clock.winSlots > 0 ? clock.winBusy / clock.winSlots : null,
      mean_in_system: windowMs > 0 ? clock.winInSystem / windowMs : null,
      slo_attainment: ended > 0 ? this.withinBudget / ended : null,
      headroom_ms: atSlo === null ? null : this.budget - atSlo,
      components_ms: {
        feature: fixedOr(spec.latency_ms.feature, this.sums.feature),
        queue: this.wait.mean(),
        service: batching ? mean(this.sums.service) : fixedOr(spec.service_time_ms, this.sums.service),
        network: fixedOr(spec.latency_ms.network, this.sums.network),
        postprocess: fixedOr(spec.latency_ms.postprocess, this.sums.postprocess),
      },
      mean_replicas: windowMs > 0 ? clock.winReady / windowMs : null,
      replica_hours: windowMs > 0 ? clock.winBilled / 3_600_000 : null,
      replica_failures: this.failures,
      requeued: this.requeued,
      mean_batch_size: this.batches > 0 ? this.batchMembers / this.batches : null,
      series: this.series(clock, end),
    };
  }

  private series(clock: StateClock, end: number): ReplicationSeries {
    const c = this.counts, avg = clock.averages(end);
    const width = this.bucketMs;
    const out: ReplicationSeries = {
      latency_p50_ms: [], latency_p95_ms: [], latency_p99_ms: [], throughput_rps: [],
      queue_length: avg.queue, busy_slots: avg.busy, replicas: avg.ready,
      rejected: Array.from(c.rejected), timed_out: Array.from(c.timedOut),
    };
    for (let k = 0; k < c.n; k++) {
      out.latency_p50_ms.push(c.percentile(k, 50));
      out.latency_p95_ms.push(c.percentile(k, 95));
      out.latency_p99_ms.push(c.percentile(k, 99));
      const span = Math.min(end, this.horizon, (k + 1) * width) - k * width;
      out.throughput_rps.push(span > 0 ? (c.completions[k] as number) / (span / 1000) : 0);
    }
    return out;
  }
}
