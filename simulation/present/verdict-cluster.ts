// The cluster verdict: pools over their utilization target (on the simulated allocation's 95% CI,
// or on the allocation snapshot when no job was simulated), how long jobs wait for units, and
// how much allocated time failures and stragglers lose; with the units, scheduler, straggler
// mitigation or checkpoint interval that would help, and the cluster's cost per hour.
import type { ClusterResult } from '../result/cluster';
import type { ResultDocument } from '../result/types';
import type { ClusterSpec, PoolSpec } from '../scenario/schema';
import type { VerdictText } from './verdict-text';
import type { Verdict, VerdictTone } from './verdicts';

/** At most this many pools are named in a line; the rest are counted. */
const MAX_NAMED = 4;
/** Jobs "wait" when the lower end of the mean queue delay's CI exceeds this share of the mean completion time. */
const WAIT_SHARE = 0.1;
/** Work "is lost" when failures (lost + restart) take at least this share of allocated time, at the CI's lower end. */
const LOST_SHARE = 0.05;
/** Stragglers are worth a fix when barrier waits take at least this share of allocated time, at the CI's lower end. */
const BARRIER_SHARE = 0.1;

type PoolState = 'over' | 'within' | 'undecided';

function named(ids: string[]): string {
  return ids.length <= MAX_NAMED ? ids.join(', ') : `${ids.slice(0, MAX_NAMED).join(', ')} and ${ids.length - MAX_NAMED} more`;
}

/** Cost per hour of every priced pool (units × cost per unit-hour); null when none is priced. */
export function clusterCostPerHour(spec: ClusterSpec): number | null {
  const priced = spec.pools.filter((p) => p.cost_per_unit_hour !== undefined);
  return priced.length === 0 ? null : priced.reduce((sum, p) => sum + p.units * (p.cost_per_unit_hour as number), 0);
}

/** Units that bring an allocation of `share` × units down to the target. */
function unitsFor(pool: PoolSpec, share: number, target: number): number {
  return Math.ceil((share * pool.units) / target - 1e-9);
}

function unitsFix(x: VerdictText, pool: PoolSpec, share: number, target: number): string {
  const need = unitsFor(pool, share, target);
  const extra = pool.cost_per_unit_hour === undefined ? '' : ` (cost +${x.cost((need - pool.units) * pool.cost_per_unit_hour)} per hour)`;
  return `About ${x.n(need)} units in ${x.id(pool.id)} (now ${x.n(pool.units)}) bring it to its ${x.pct(target)} target${extra}`;
}

/** `pipelineHolds`: pipeline tasks hold pool units, so the simulated pools are busy without jobs too. */
export function clusterVerdict(doc: ResultDocument, spec: ClusterSpec, x: VerdictText, pipelineHolds = false): Verdict | null {
  const c = doc.cluster;
  if (!c?.pools || !c.jobs) return null;
  const why: string[] = [];
  const fix: string[] = [];
  const cost = clusterCostPerHour(spec);
  const poolSpec = (id: string) => spec.pools.find((p) => p.id === id);

  if (c.jobs.submitted === 0 && !pipelineHolds) return snapshotVerdict(doc, spec, x, cost);

  const states: { id: string; state: PoolState; stat: NonNullable<ClusterResult['pools'][string]['utilization']>; target: number }[] = [];
  for (const [id, p] of Object.entries(c.pools)) {
    if (p.utilization === null || p.utilization_target === null) continue;
    const [lo, hi] = p.utilization.ci95;
    const state: PoolState = lo > p.utilization_target ? 'over' : hi <= p.utilization_target ? 'within' : 'undecided';
    states.push({ id, state, stat: p.utilization, target: p.utilization_target });
  }
  const over = states.filter((s) => s.state === 'over');
  const undecided = states.filter((s) => s.state === 'undecided');
  for (const s of states.slice(0, MAX_NAMED)) {
    why.push(`${x.id(s.id)}: ${x.stat(s.stat, 'fraction')} of its units allocated (target ${x.pct(s.target)}): ${s.state === 'over' ? 'over' : s.state === 'within' ? 'within' : 'undecided, the CI straddles the target'}${s.state === 'undecided' ? '' : ' with 95% confidence'}`);
  }
  if (states.length > MAX_NAMED) why.push(`and ${states.length - MAX_NAMED} more pools (see the table)`);

  const j = c.jobs;
  const waits = j.queue_delay_s.mean !== null && j.jct_s.mean !== null && j.queue_delay_s.mean.ci95[0] > WAIT_SHARE * j.jct_s.mean.mean;
  if (j.queue_delay_s.mean) why.push(`Jobs wait ${x.stat(j.queue_delay_s.mean, 's')} for units on average (p95 ${x.stat(j.queue_delay_s.p95, 's')}), against a completion time of ${x.stat(j.jct_s.mean, 's')}`);
  if (j.unfinished > 0) why.push(`${x.n(j.unfinished)} of ${x.plural(j.submitted, 'job')} had not finished when the run ended (totals over ${x.plural(doc.replications, 'replication')})`);
  const a = c.allocation;
  const lostLo = a ? (a.lost?.ci95[0] ?? 0) + (a.restart?.ci95[0] ?? 0) : 0;
  const lostMean = a ? (a.lost?.mean ?? 0) + (a.restart?.mean ?? 0) : 0;
  const lost = lostLo >= LOST_SHARE;
  if (a && (a.lost || a.restart) && c.events) {
    why.push(`Failures lose ${x.pct(lostMean)} of allocated time to restarts and recomputed work (${x.plural(c.events.node_failures, 'node failure')}, ${x.plural(c.events.restarts, 'restart')})`);
  }
  const barrier = a?.barrier_wait;
  if (barrier && barrier.mean > 0) why.push(`Stragglers: ${x.stat(barrier, 'fraction')} of allocated time waits at barriers for the slowest worker`);

  for (const s of over) {
    const pool = poolSpec(s.id);
    if (pool) fix.push(unitsFix(x, pool, s.stat.mean, s.target));
  }
  if (undecided.length > 0) fix.push(`More replications (now ${x.n(doc.replications)}) decide ${named(undecided.map((s) => x.id(s.id)))}`);
  if (waits) {
    const busiest = mostQueued(c);
    const where = busiest ? `in ${x.id(busiest)}` : 'in the busiest pool';
    fix.push(spec.scheduler.policy === 'backfill' ? `More units ${where} shorten the waits` : `A backfill scheduler, or more units ${where}, shorten the waits`);
  }
  if (lost && spec.failures) {
    const yd = c.analytic.checkpoint?.young_daly.find((y) => y.interval_s !== null);
    fix.push(yd ? `Checkpoint about every ${x.s(yd.interval_s!)} (Young/Daly for ${x.plural(yd.nodes, 'node')}) to lose less work` : 'Checkpoint more often to lose less work');
  }
  if (barrier && barrier.ci95[0] >= BARRIER_SHARE && spec.stragglers.mitigation === 'none') {
    fix.push(`Mitigate stragglers: ${x.id('backup_workers')} or ${x.id('blacklist')} (Cluster tools › Calibrate fits them from step times)`);
  }

  let tone: VerdictTone, status: string, headline: string;
  if (over.length > 0) {
    tone = 'bad';
    status = 'Over target';
    headline = `${named(over.map((s) => x.id(s.id)))} ${over.length === 1 ? 'is' : 'are'} over ${over.length === 1 ? 'its' : 'their'} utilization target with 95% confidence`;
  } else if (undecided.length > 0) {
    tone = 'warn';
    status = 'Undecided';
    headline = undecided.length === 1
      ? `The 95% CI of ${x.id(undecided[0]!.id)}'s allocation straddles its utilization target`
      : `The 95% CIs of ${named(undecided.map((s) => x.id(s.id)))} straddle their utilization targets`;
  } else if (waits || lost) {
    tone = 'warn';
    status = waits ? 'Jobs wait' : 'Work lost';
    headline = waits
      ? `Pools are within target, but jobs wait ${x.stat(j.queue_delay_s.mean, 's')} for units on average`
      : `Pools are within target, but failures lose ${x.pct(lostMean)} of allocated time`;
  } else {
    tone = 'good';
    status = 'Within target';
    headline = states.length > 0 ? `${states.length === 1 ? 'The pool is' : `All ${x.n(states.length)} pools are`} within target with 95% confidence` : 'No pool has a utilization target';
  }
  if (doc.truncated) why.push(`Partial result: the run stopped early (${doc.truncated.reason})`);
  return { layer: 'cluster', subject: 'cluster', tone, status, headline, why, fix, costPerHour: cost };
}

/** The pool with the most jobs waiting on average over the run, or null when none waited. */
function mostQueued(c: NonNullable<ResultDocument['cluster']>): string | null {
  let best: string | null = null, most = 0;
  for (const [id, s] of Object.entries(c.series?.pools ?? {})) {
    const mean = s.queued.reduce((a, b) => a + b, 0) / Math.max(1, s.queued.length);
    if (mean > most) { best = id; most = mean; }
  }
  return best;
}

/** No job was simulated: judge the allocation snapshot (exact, no CI). */
function snapshotVerdict(doc: ResultDocument, spec: ClusterSpec, x: VerdictText, cost: number | null): Verdict {
  const why: string[] = [`No training job was simulated, so this is the allocation snapshot (${x.id('allocated_units')}), not a simulation`];
  const fix: string[] = [];
  const judged = Object.entries(doc.cluster!.analytic.pools).filter(([, a]) => a.allocated_utilization !== null && a.utilization_target !== null);
  const over = judged.filter(([, a]) => a.over_target === true);
  for (const [id, a] of judged.slice(0, MAX_NAMED)) {
    why.push(`${x.id(id)}: ${x.pct(a.allocated_utilization!)} allocated (target ${x.pct(a.utilization_target!)})${a.over_target ? ': over' : ''}`);
  }
  if (judged.length > MAX_NAMED) why.push(`and ${judged.length - MAX_NAMED} more pools (see the table)`);
  for (const [id, a] of over) {
    const pool = spec.pools.find((p) => p.id === id);
    if (pool) fix.push(unitsFix(x, pool, a.allocated_utilization!, a.utilization_target!));
  }
  const tone: VerdictTone = over.length > 0 ? 'bad' : judged.length > 0 ? 'good' : 'warn';
  const headline = over.length > 0
    ? `${x.n(over.length)} of ${x.plural(judged.length, 'pool')} over target in the allocation snapshot: ${named(over.map(([id]) => x.id(id)))}`
    : judged.length > 0 ? `All ${x.plural(judged.length, 'pool')} within target in the allocation snapshot` : 'No pool has both a snapshot and a target to judge';
  return { layer: 'cluster', subject: 'cluster', tone, status: over.length > 0 ? 'Over target' : judged.length > 0 ? 'Within target' : 'No data', headline, why, fix, costPerHour: cost };
}
