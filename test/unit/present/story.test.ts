// The story of a run (simulation/present/story.ts): key moments read from the time series and
// sampled runs, in time order, each with one sentence.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeReplications, runReplication, validateScenario, type ResultDocument, type Scenario } from '../../../simulation';
import { storyMoments } from '../../../simulation/present';

function example(name: string): { s: Scenario; doc: ResultDocument } {
  const parsed = validateScenario(JSON.parse(fs.readFileSync(path.resolve(__dirname, `../../../assets/examples/${name}.json`), 'utf8')));
  if (!parsed.ok) throw new Error(name);
  const s = parsed.scenario;
  const doc = mergeReplications(s, Array.from({ length: s.replications }, (_, i) => runReplication(s, i)), { sha256: 'x', wallMs: 0 });
  return { s, doc };
}

const stat = (mean: number) => ({ mean, ci95: [mean, mean] as [number, number] });

describe('storyMoments', () => {
  it('the article\'s example: the SLO is broken from the start and the queue never drains', () => {
    const { s, doc } = example('risk-model-api');
    const m = storyMoments(doc, s).filter((x) => x.layer === 'serving');
    expect(m[0]).toMatchObject({ t_s: 0, title: 'risk_model_api: SLO first broken' });
    expect(m[0]!.sentence).toMatch(/^From the start, risk_model_api's p99 \(\d+ ms .*\) is over its 200 ms budget\.$/);
    const peak = m.find((x) => x.title === 'risk_model_api: queue peak')!;
    expect(peak.sentence).toMatch(/never drains/);
    // The peak is where the merged series is highest.
    const q = (doc.serving!.risk_model_api as { series: { queue_length: ({ mean: number } | null)[]; bucket_s: number } }).series;
    const top = Math.max(...q.queue_length.map((v) => v?.mean ?? 0));
    expect(q.queue_length[peak.t_s / q.bucket_s]!.mean).toBe(top);
  });

  it('the cluster example: the first node failure, when the heatmap first shows a node down', () => {
    const { s, doc } = example('gpu-training-cluster');
    const f = storyMoments(doc, s).find((x) => x.layer === 'cluster')!;
    const grid = doc.cluster!.occupancy!;
    const first = Math.min(...grid.down.map((row) => { const i = row.findIndex((v) => v > 0); return i < 0 ? Infinity : i; }));
    expect(f.t_s).toBe((first + 1) * grid.bucket_s);
    expect(f.sentence).toMatch(/goes down; the jobs on it roll back to their last checkpoint — over the run, [\d.]+% of the jobs' GPU time is lost work/);
  });

  it('autoscaling steps, first rejections and timeouts, in time order', () => {
    const n = 6;
    const series = {
      bucket_s: 10,
      latency_p50_ms: Array(n).fill(stat(50)), latency_p95_ms: Array(n).fill(stat(90)),
      latency_p99_ms: [stat(100), stat(100), stat(300), stat(120), stat(100), stat(100)],
      throughput_rps: Array(n).fill(stat(10)), queue_length: [stat(1), stat(4), stat(9), stat(3), stat(1), stat(1)],
      busy_slots: Array(n).fill(stat(2)), replicas: [stat(2), stat(2), stat(2), stat(4), stat(4), stat(3)],
      rejected: [0, 0, 0, 5, 0, 0], timed_out: [0, 0, 2, 0, 0, 0],
    };
    const doc = { serving: { api: { series, rejected: 5, timed_out: 2 } } } as unknown as ResultDocument;
    const s = { serving: { services: [{ id: 'api', latency_budget_ms: 200, slo_percentile: 99 }] } } as unknown as Scenario;
    const m = storyMoments(doc, s);
    expect(m.map((x) => [x.t_s, x.title])).toEqual([
      [20, 'api: SLO first broken'], [20, 'api: queue peak'], [20, 'api: first timeouts'],
      [30, 'api: first rejections'], [30, 'api: scaled up'], [50, 'api: scaled down'],
    ]);
    expect(m[1]!.sentence).toMatch(/it drains afterwards\.$/);
    expect(m[4]!.sentence).toBe('Around 30 s api goes from 2 to 4 replicas serving (new replicas serve only after their cold start).');
  });

  it('a pipeline\'s first sampled run: the first failure and its cascade, then the run\'s end', () => {
    const run = {
      index: 0, start_s: 0, makespan_s: 500,
      tasks: [
        { id: 'extract', state: 'success', trigger_s: 0, finish_s: 100 },
        { id: 'train', state: 'failed', trigger_s: 100, finish_s: 400 },
        { id: 'deploy', state: 'upstream_failed', trigger_s: 400, finish_s: 400 },
        { id: 'alert', state: 'success', trigger_s: 400, finish_s: 500 },
      ],
    };
    const doc = { pipeline: { sample_runs: [run] } } as unknown as ResultDocument;
    const m = storyMoments(doc, {} as Scenario);
    expect(m.map((x) => [x.t_s, x.title])).toEqual([[400, 'train fails'], [500, 'first sampled run ends']]);
    expect(m[0]!.sentence).toBe('In the first sampled run train fails at 7 min (its last attempt); 1 task downstream will not run (deploy).');
  });
});
