// The Tiresias 60-job sample (one step per job, step time = its duration): completion times
// under fifo, sjf and backfill equal, exactly, an independent reference scheduler written here
// from the spec's "Scheduling semantics". On 64 GPUs the workload never queues (CLARIFICATIONS.md),
// so it also runs where jobs do queue: a 16-GPU pool, and 64 GPUs with arrivals 20× compressed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clusterScenario, runModel } from '../unit/cluster/helpers';
import { fixtureData } from '../fixture-data';
import { recordCases, recordFidelity } from './fidelity-record';

const TIRESIAS = 'Tiresias 60-job sample (Gu et al., NSDI 2019) through a reference scheduler written in the test from the spec';

/** One record per policy and pool: the jobs whose completion time equals the reference's. */
function recordAgreement(policy: string, setup: string, run: Map<string, number | null>, ref: Map<string, number>): void {
  recordCases({
    model: 'cluster', truth: `${policy}: job completion times equal the reference scheduler's`, source: TIRESIAS, case: setup,
    agree: [...ref].filter(([id, t]) => run.get(id) === t).length, total: Math.max(ref.size, run.size), replications: 1,
  });
}

interface RefJob { id: string; units: number; arrival: number; duration: number; order: number }

const rows = readFileSync(fixtureData('tiresias', '60_job.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
const workload = (compress = 1): RefJob[] => rows.map((r, i) => ({
  id: `t${r[0]}`, units: Number(r[1]), arrival: Number(r[2]) / compress, duration: Number(r[5]), order: i,
}));

/**
 * Reference: an event loop over arrivals and completions. At each time, every completion and
 * arrival is applied, then the policy decides (spec: "Scheduling semantics").
 */
function reference(jobs: RefJob[], capacity: number, policy: 'fifo' | 'sjf' | 'backfill'): Map<string, number> {
  const pending = [...jobs].sort((a, b) => a.arrival - b.arrival || a.order - b.order);
  let running: { job: RefJob; end: number }[] = [];
  const waiting: RefJob[] = [];
  const done = new Map<string, number>();
  let free = capacity, next = 0;
  const order = policy === 'sjf'
    ? (a: RefJob, b: RefJob) => a.duration - b.duration || a.arrival - b.arrival || a.order - b.order
    : (a: RefJob, b: RefJob) => a.arrival - b.arrival || a.order - b.order;
  while (done.size < jobs.length) {
    const t = Math.min(next < pending.length ? pending[next]!.arrival : Infinity, ...running.map((r) => r.end));
    for (const r of running) if (r.end === t) { free += r.job.units; done.set(r.job.id, t); }
    running = running.filter((r) => r.end !== t);
    while (next < pending.length && pending[next]!.arrival === t) waiting.push(pending[next++]!);
    waiting.sort(order);
    const start = (j: RefJob) => {
      waiting.splice(waiting.indexOf(j), 1);
      free -= j.units;
      running.push({ job: j, end: t + j.duration });
    };
    // The head starts while it fits; the first that does not fit blocks the rest (fifo, sjf).
    while (waiting.length > 0 && waiting[0]!.units <= free) start(waiting[0]!);
    if (policy !== 'backfill' || waiting.length < 2) continue;
    // EASY: reservation for the head at the earliest running end freeing enough units.
    const head = waiting[0]!;
    const ends = running.map((r) => ({ t: r.end, units: r.job.units })).sort((a, b) => a.t - b.t);
    let avail = free, shadow = Infinity, spare = 0;
    for (let i = 0; i < ends.length;) {
      const te = ends[i]!.t;
      while (i < ends.length && ends[i]!.t === te) avail += ends[i++]!.units;
      if (avail >= head.units) { shadow = te; spare = avail - head.units; break; }
    }
    for (const j of waiting.slice(1)) {
      if (j.units > free) continue;
      if (t + j.duration <= shadow) start(j);
      else if (j.units <= spare) { spare -= j.units; start(j); }
    }
  }
  return done;
}

function simulated(jobs: RefJob[], units: number, policy: 'fifo' | 'sjf' | 'backfill') {
  const s = clusterScenario({
    pools: [{ id: 'gpu', units, units_per_node: 4 }],
    scheduler: { policy },
    jobs: jobs.map((j) => ({ id: j.id, pool: 'gpu', arrival_s: j.arrival, units: j.units, steps: 1, step_time_s: j.duration })),
  }, { horizon_s: 1e6 });
  return runModel(s, 0, { audit: true });
}

const POLICIES = ['fifo', 'sjf', 'backfill'] as const;

describe('Tiresias 60-job workload vs an independent reference scheduler', () => {
  it('on 64 GPUs (16 nodes × 4, cluster_spec.csv): every policy equals the reference exactly, and nothing queues', () => {
    const jobs = workload();
    for (const policy of POLICIES) {
      const run = simulated(jobs, 64, policy);
      const ref = reference(jobs, 64, policy);
      expect(Object.fromEntries(run.completion)).toEqual(Object.fromEntries(ref));
      recordAgreement(policy, '64 GPUs (16 nodes × 4), nothing queues', run.completion, ref);
      for (const j of jobs) expect(run.firstStart.get(j.id)).toBe(j.arrival);
      expect(run.figures.completed).toBe(60);
    }
    // Sum of durations 10,705 s (data README): mean JCT = 10705 / 60 without queueing.
    recordFidelity({
      model: 'cluster', truth: 'mean JCT without queueing = Σ durations ÷ 60', source: 'Tiresias 60-job sample (Gu et al., NSDI 2019): durations sum to 10,705 s',
      case: '64 GPUs, fifo', measured: simulated(jobs, 64, 'fifo').figures.jct_s.mean!, expected: 10705 / 60, tolerance: { abs: 5e-10 }, replications: 1,
    });
    expect(simulated(jobs, 64, 'fifo').figures.jct_s.mean).toBeCloseTo(10705 / 60, 9);
  });

  for (const [label, units, compress] of [['a 16-GPU pool', 16, 1], ['64 GPUs with arrivals 20× compressed', 64, 20]] as const) {
    it(`on ${label}: jobs queue, the policies differ, and each equals the reference exactly`, () => {
      const jobs = workload(compress);
      const outcomes = POLICIES.map((policy) => {
        const run = simulated(jobs, units, policy);
        const ref = reference(jobs, units, policy);
        expect(Object.fromEntries(run.completion)).toEqual(Object.fromEntries(ref));
        recordAgreement(policy, label, run.completion, ref);
        return JSON.stringify([...ref.entries()].sort());
      });
      expect(new Set(outcomes).size).toBe(3);
      const queued = simulated(jobs, units, 'fifo');
      expect(queued.figures.queue_delay_s.mean).toBeGreaterThan(0);
    });
  }
});
