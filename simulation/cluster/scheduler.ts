// The four policies of scenario-format.md, "Scheduling semantics". A pool's waiting line is kept
// sorted by the policy's key (ties: arrival time, then position); `decide` runs once per pool
// at the end of each simulated instant, after every event of that instant has been applied.
//   fifo / sjf / priority: start the head while it fits; the first job that does not fit blocks
//     every job behind it. priority + preemption: evict running lower-priority jobs (lowest
//     priority first, most recently started first) only if that lets the head start now.
//   backfill (EASY): fifo; the blocked head gets a reservation at the earliest expected end of
//     running jobs that frees enough units; later jobs start now if they fit and either end by
//     the reservation or use only units the head will not need then (which are then taken).
import type { PoolClaim } from './claim';
import type { ClusterJob } from './jobs';
import type { PoolEntry, PoolState } from './pool-state';

export type Policy = 'fifo' | 'sjf' | 'priority' | 'backfill';

/** True when `a` goes before `b` in the waiting line. */
export function before(policy: Policy, a: PoolClaim, b: PoolClaim): boolean {
  if (policy === 'sjf' && a.expected !== b.expected) return a.expected < b.expected;
  if (policy === 'priority' && a.priority !== b.priority) return a.priority > b.priority;
  if (a.arrival !== b.arrival) return a.arrival < b.arrival;
  return a.order < b.order;
}

/** Inserts `job` at its place in the sorted waiting line. */
export function enqueue(policy: Policy, line: PoolEntry[], job: PoolEntry): void {
  let lo = 0, hi = line.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(policy, line[mid] as PoolEntry, job)) lo = mid + 1;
    else hi = mid;
  }
  line.splice(lo, 0, job);
}

export interface SchedulerOps {
  now: number;
  policy: Policy;
  preemption: boolean;
  /** Starts a waiting job or hold already removed from the line (updates freeUp). */
  start(entry: PoolEntry): void;
  /** Evicts a running job back into the waiting line (updates freeUp); holds are never evicted. */
  evict(job: ClusterJob): void;
  /** Expected run time of a waiting job or hold if it started now. */
  expectedRun(entry: PoolEntry): number;
}

export function decide(pool: PoolState, ops: SchedulerOps): void {
  const line = pool.waiting;
  while (line.length > 0) {
    const head = line[0] as PoolEntry;
    if (head.workers <= pool.freeUp) {
      line.shift();
      ops.start(head);
      continue;
    }
    if (ops.policy === 'priority' && ops.preemption && preempt(pool, head, ops)) {
      line.splice(line.indexOf(head), 1);
      ops.start(head);
      continue;
    }
    break;
  }
  if (ops.policy === 'backfill' && line.length > 1) backfill(pool, ops);
}

/** Evicts the fewest lower-priority jobs, in eviction order, that let `head` start now. */
function preempt(pool: PoolState, head: PoolEntry, ops: SchedulerOps): boolean {
  const victims = pool.running
    .filter((j): j is ClusterJob => !j.hold && j.priority < head.priority)
    .sort((a, b) => a.priority - b.priority || b.runStart - a.runStart || b.order - a.order);
  let avail = pool.freeUp;
  let n = 0;
  while (avail < head.workers && n < victims.length) avail += (victims[n++] as ClusterJob).workers;
  if (avail < head.workers) return false;
  for (let i = 0; i < n; i++) ops.evict(victims[i] as ClusterJob);
  return true;
}

function backfill(pool: PoolState, ops: SchedulerOps): void {
  const line = pool.waiting;
  const head = line[0] as PoolEntry;
  const now = ops.now;
  // Reservation: the earliest expected end at which enough units are free (all jobs expected to
  // end at that time count). Jobs past their expected end are expected to end now.
  const ends = pool.running
    .map((j) => ({ t: Math.max(now, j.expectedEnd), units: j.workers }))
    .sort((a, b) => a.t - b.t);
  let avail = pool.freeUp;
  let shadow = Infinity, extra = 0;
  for (let i = 0; i < ends.length;) {
    const t = (ends[i] as { t: number }).t;
    while (i < ends.length && (ends[i] as { t: number }).t === t) avail += (ends[i++] as { units: number }).units;
    if (avail >= head.workers) { shadow = t; extra = avail - head.workers; break; }
  }
  for (let i = 1; i < line.length;) {
    const job = line[i] as PoolEntry;
    if (job.workers <= pool.freeUp) {
      const endsBy = now + ops.expectedRun(job) <= shadow;
      if (endsBy || job.workers <= extra) {
        if (!endsBy) extra -= job.workers;
        line.splice(i, 1);
        ops.start(job);
        continue;
      }
    }
    i++;
  }
}
