// Shards and their merge as a batch system runs them: N real `headroom` processes, each told its
// index the way Kubernetes Indexed Jobs (JOB_COMPLETION_INDEX) or Slurm job arrays
// (SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN) tell it, then `headroom merge`; the merged document
// must be the single process's, byte for byte apart from wall-clock fields (`wall_ms`), whatever
// the thread counts. Parts that are missing, repeated or of another computation are refused.
// Covered: run (also of a trace-driven scenario, whose part carries only the trace's summary),
// sweep, compare, sensitivity and checkpoint-sweep (units: interval × replication).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from './run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-shard-'));
const INDEX_VARS = ['JOB_COMPLETION_INDEX', 'SLURM_ARRAY_TASK_ID', 'SLURM_ARRAY_TASK_MIN', 'AWS_BATCH_JOB_ARRAY_INDEX'];

/** This process's environment without any batch system's index, plus `extra`. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, HEADROOM_DATA_DIR: path.join(tmp, 'never-created') };
  for (const v of INDEX_VARS) delete e[v];
  return { ...e, ...extra };
}

const headroom = (args: string[], extra: Record<string, string> = {}) => runCli(args, { env: env(extra), cwd: tmp });

function write(name: string, doc: unknown): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return file;
}

/** The text with every wall-clock figure zeroed: the only bytes a merge may change. */
const noWallClock = (text: string) => text.replace(/"wall_ms": \d+/g, '"wall_ms": 0');

function ok(r: CliResult): CliResult {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return r;
}

// Serving and cluster sections, so both sections' replication figures go through the parts.
const scenario = (over: Record<string, unknown> = {}) => ({
  format: 'headroom.scenario/v1',
  name: 'shards',
  seed: 11,
  replications: 5,
  horizon_s: 20,
  warmup_s: 2,
  serving: { services: [{ id: 'api', arrivals: { process: 'poisson', rate_rps: 60 }, replicas: 2, service_time_ms: { dist: 'exponential', mean: 25 }, latency_budget_ms: 120 }] },
  cluster: { pools: [{ id: 'gpu', units: 8 }], jobs: [{ id: 'train', pool: 'gpu', units: 4, steps: 40, step_time_s: 0.2, arrival_s: 0 }] },
  ...over,
});

let file: string;
let other: string;
beforeAll(() => {
  file = write('s.json', scenario());
  other = write('other.json', scenario({ name: 'another' }));
});

/** Runs `args` as shards 0…n−1, each with `envFor(i)`; returns the part files. */
async function shards(name: string, args: string[], n: number, envFor: (i: number) => Record<string, string>, viaStdout = false): Promise<string[]> {
  return Promise.all(Array.from({ length: n }, async (_, i) => {
    const out = path.join(tmp, `${name}-${i}.json`);
    const r = ok(await headroom(viaStdout ? [...args, '--shard', `auto/${n}`, '--json'] : [...args, '--shard', `auto/${n}`, '--out', out], envFor(i)));
    if (viaStdout) fs.writeFileSync(out, r.stdout);
    else expect(r.stdout).toMatch(new RegExp(`^shard ${i} of ${n}: \\d+ of \\d+ units\\n$`));
    return out;
  }));
}

describe('run --shard, then merge', () => {
  const k8s = (i: number) => ({ JOB_COMPLETION_INDEX: String(i) });
  let parts: string[];
  let single: CliResult;

  beforeAll(async () => {
    [single, parts] = await Promise.all([
      headroom(['run', file, '--json', '--threads', '1']),
      shards('run', ['run', file, '--threads', '2'], 3, k8s),
    ]);
    ok(single);
  }, 120_000);

  it('gives the single process\'s document, byte for byte apart from wall_ms (Kubernetes Indexed Job form)', async () => {
    const merged = ok(await headroom(['merge', ...[...parts].reverse(), '--json']));
    expect(noWallClock(merged.stdout)).toBe(noWallClock(single.stdout));
    expect(single.stdout).toMatch(/"wall_ms": \d+/); // the only difference allowed is there to be zeroed
    const doc = JSON.parse(merged.stdout) as { replications: number; partial?: unknown };
    expect(doc.replications).toBe(5);
    expect(doc.partial).toBeUndefined();
  });

  it('each part holds only its own units: k mod N', () => {
    const units = parts.map((p) => (JSON.parse(fs.readFileSync(p, 'utf8')) as { units: { indices: number[] } }).units.indices);
    expect(units).toEqual([[0, 3], [1, 4], [2]]);
  });

  it('refuses a missing shard, naming it; --allow-partial merges the rest and says so', async () => {
    const missing = await headroom(['merge', parts[0]!, parts[2]!, '--json']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/missing shard 1 of 3/);
    const partial = ok(await headroom(['merge', parts[0]!, parts[2]!, '--json', '--allow-partial']));
    const doc = JSON.parse(partial.stdout) as { replications: number; partial: unknown };
    expect(doc.replications).toBe(3);
    expect(doc.partial).toEqual({ shards: 3, missing_shards: [1], units: 3, of_units: 5 });
    expect(partial.stderr).toMatch(/partial merge: shard 1 of 3 missing/);
  });

  it('refuses a repeated shard', async () => {
    const copy = path.join(tmp, 'run-1-copy.json');
    fs.copyFileSync(parts[1]!, copy);
    const r = await headroom(['merge', ...parts, copy]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/run-1-copy\.json: repeats shard 1 of 3/);
  });

  it('refuses parts of another scenario, another seed, another shard count', async () => {
    const [scn, seed, count] = (await Promise.all([
      headroom(['run', other, '--shard', '2/3', '--json']),
      headroom(['run', file, '--seed', '12', '--shard', '2/3', '--json']),
      headroom(['run', file, '--shard', '2/4', '--json']),
    ])).map(ok) as [CliResult, CliResult, CliResult];
    const cases: [string, RegExp][] = [
      [write('foreign-scenario.json', scn.stdout), /foreign-scenario\.json: belongs to another computation: its scenario sha256/],
      [write('foreign-seed.json', seed.stdout), /foreign-seed\.json: belongs to another computation: its seed is 12, but .*'s is 11/],
      [write('foreign-count.json', count.stdout), /foreign-count\.json: belongs to another computation: its shard count is 4, but .*'s is 3/],
    ];
    for (const [part, message] of cases) {
      const r = await headroom(['merge', parts[0]!, parts[1]!, part, '--allow-partial']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('prints the run\'s own text when merged without --json', async () => {
    const [text, merged] = await Promise.all([headroom(['run', file, '--threads', '2']), headroom(['merge', ...parts])]);
    const noMs = (s: string) => s.replace(/events, \d+ ms/, 'events, ? ms');
    expect(noMs(ok(merged).stdout)).toBe(noMs(ok(text).stdout));
  });
});

describe('sweep --shard, then merge', () => {
  // Slurm numbers the tasks of `--array=1-4` from 1: the shard is ID − MIN.
  const slurm = (i: number) => ({ SLURM_ARRAY_TASK_ID: String(i + 1), SLURM_ARRAY_TASK_MIN: '1' });
  const args = ['sweep', 'PLACEHOLDER', '--set', 'serving.services[0].replicas=2:4', '--replications', '3'];

  it('gives the single process\'s document, byte for byte apart from wall_ms (Slurm job array form)', async () => {
    const a = args.map((x) => (x === 'PLACEHOLDER' ? file : x));
    const [single, parts] = await Promise.all([headroom([...a, '--json', '--threads', '2']), shards('sweep', [...a, '--threads', '1'], 4, slurm, true)]);
    ok(single);
    const units = parts.map((p) => (JSON.parse(fs.readFileSync(p, 'utf8')) as { units: { total: number; indices: number[] } }).units);
    expect(units.map((u) => u.total)).toEqual([9, 9, 9, 9]); // 3 points × 3 replications
    expect(units.map((u) => u.indices)).toEqual([[0, 4, 8], [1, 5], [2, 6], [3, 7]]);
    const merged = ok(await headroom(['merge', ...parts, '--json']));
    expect(noWallClock(merged.stdout)).toBe(noWallClock(single.stdout));
    const doc = JSON.parse(merged.stdout) as { points: { values: number[]; result: { replications: number } }[] };
    expect(doc.points.map((p) => [p.values, p.result.replications])).toEqual([[[2], 3], [[3], 3], [[4], 3]]);
    const missing = await headroom(['merge', parts[0]!, parts[1]!, parts[3]!]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing shard 2 of 4/);
  });
});

describe('compare and sensitivity --shard, then merge', () => {
  it('give the single process\'s documents (explicit I/N, and the AWS Batch form)', async () => {
    const aws = (i: number) => ({ AWS_BATCH_JOB_ARRAY_INDEX: String(i) });
    const cmp = ['compare', file, other, '--replications', '3'];
    const sens = ['sensitivity', file, '--figure', 'serving.api.latency_ms.p99', '--replications', '2'];
    const [c1, cParts, s1, sParts] = await Promise.all([
      headroom([...cmp, '--json']),
      shards('compare', cmp, 2, aws, true),
      headroom([...sens, '--json']),
      shards('sens', sens, 3, aws),
    ]);
    const [cm, sm] = await Promise.all([headroom(['merge', ...cParts, '--json']), headroom(['merge', ...sParts, '--json'])]);
    expect(noWallClock(ok(cm).stdout)).toBe(noWallClock(ok(c1).stdout));
    expect(ok(sm).stdout).toBe(ok(s1).stdout);
  });
});

describe('solve --service --shard, then merge', () => {
  // A budget between the counts' p99s, so the search bisects rather than stopping at the estimate.
  const budget = (ms: number) => write(`solve-${ms}.json`, scenario({ cluster: undefined, serving: { services: [{
    id: 'api', arrivals: { process: 'poisson', rate_rps: 60 }, replicas: 2, service_time_ms: { dist: 'exponential', mean: 25 }, latency_budget_ms: ms,
  }] } }));

  it('every count the search may try, split k mod N; the merge searches the merged figures: the single process\'s document, byte for byte', async () => {
    const f = budget(140);
    const args = ['solve', f, '--service', 'api', '--replications', '3'];
    const k8s = (i: number) => ({ JOB_COMPLETION_INDEX: String(i) });
    const [single, parts] = await Promise.all([headroom([...args, '--json', '--threads', '2']), shards('solve', [...args, '--threads', '1'], 3, k8s)]);
    const doc = JSON.parse(ok(single).stdout) as { replicas: number | null; estimate: number; search_max: number; evidence: { replicas: number }[] };
    // The search visited fewer counts than the range it may try, which the shards simulated whole.
    expect(doc.evidence.length).toBeLessThan(doc.search_max - doc.estimate + 1);
    const units = parts.map((p) => (JSON.parse(fs.readFileSync(p, 'utf8')) as { command: string; units: { total: number } }));
    expect(units.map((u) => [u.command, u.units.total])).toEqual(Array(3).fill(['solve', (doc.search_max - doc.estimate + 1) * 3]));
    const merged = ok(await headroom(['merge', ...parts, '--json']));
    expect(merged.stdout).toBe(single.stdout);
    const text = ok(await headroom(['merge', ...parts]));
    expect(text.stdout).toBe(ok(await headroom(args)).stdout);
    const missing = await headroom(['merge', parts[0]!, parts[2]!, '--allow-partial']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/a solve may need any count's every replication, so it cannot be merged with shards missing \(1\)/);
  });
});

describe('solve --pool --shard, then merge', () => {
  it('every unit count from the largest job to all at once, split k mod N: the single process\'s document, byte for byte', async () => {
    const jobs = [4, 4, 2, 3].map((units, i) => ({ id: `j${i}`, pool: 'gpu', units, steps: 30, step_time_s: 0.5, arrival_s: i }));
    const f = write('solve-pool.json', scenario({ serving: undefined, cluster: { pools: [{ id: 'gpu', units: 8 }], jobs } }));
    const args = ['solve', f, '--pool', 'gpu', '--max-queue-delay-s', '5', '--replications', '3'];
    const aws = (i: number) => ({ AWS_BATCH_JOB_ARRAY_INDEX: String(i) });
    const [single, parts] = await Promise.all([headroom([...args, '--json', '--threads', '2']), shards('solve-pool', [...args, '--threads', '1'], 2, aws)]);
    const doc = JSON.parse(ok(single).stdout) as { search_min: number; search_max: number; evidence: unknown[] };
    expect([doc.search_min, doc.search_max]).toEqual([4, 13]);
    const part = JSON.parse(fs.readFileSync(parts[0]!, 'utf8')) as { units: { total: number }; plan: unknown };
    expect(part.units.total).toBe(10 * 3);
    expect(part.plan).toEqual({ largest: 4, total: 13 });
    const merged = ok(await headroom(['merge', ...parts, '--json']));
    expect(merged.stdout).toBe(single.stdout);
    expect(ok(await headroom(['merge', ...parts])).stdout).toBe(ok(await headroom(args)).stdout);
  });
});

describe('run --shard of a trace-driven scenario, then merge', () => {
  // A part carries only the trace's length, first and last times (its offered rate): the merge
  // must give the same document without the file, which is gone by then.
  it('gives the single process\'s document, byte for byte apart from wall_ms, without the trace file', async () => {
    const dir = path.join(tmp, 'trace');
    fs.mkdirSync(dir, { recursive: true });
    // 240 irregular request times (a burst in the middle) starting at an epoch-like offset.
    const times = Array.from({ length: 240 }, (_, i) => 1_700_000_000 + i * 0.05 + (i >= 80 && i < 160 ? 0 : (i % 7) * 0.013) + (i >= 160 ? 4 : 0));
    fs.writeFileSync(path.join(dir, 'arrivals.csv'), `timestamp,other\n${times.map((t, i) => `${t.toFixed(3)},${i}`).join('\n')}\n`);
    const traced = path.join(dir, 'traced.json');
    fs.writeFileSync(traced, JSON.stringify(scenario({
      name: 'traced shards',
      replications: 4,
      horizon_s: 15,
      warmup_s: 1,
      serving: { services: [{ id: 'api', arrivals: { process: 'trace', path: 'arrivals.csv', time_column: 'timestamp', scale: 1.5 }, replicas: 2, service_time_ms: { dist: 'exponential', mean: 40 }, latency_budget_ms: 150 }] },
      cluster: undefined,
    })));
    const k8s = (i: number) => ({ JOB_COMPLETION_INDEX: String(i) });
    const [single, parts] = await Promise.all([headroom(['run', traced, '--json', '--threads', '2']), shards('traced', ['run', traced, '--threads', '1'], 3, k8s)]);
    ok(single);
    // Times as read: shifted so the first request is at 0.
    const part = JSON.parse(fs.readFileSync(parts[0]!, 'utf8')) as { sources: { traces: Record<string, { length: number; first: number; last: number }> }[] };
    const summary = part.sources[0]!.traces.api!;
    expect(Object.keys(part.sources[0]!.traces)).toEqual(['api']);
    expect(summary).toMatchObject({ length: 240, first: 0 });
    expect(summary.last).toBeCloseTo(Number(times[239]!.toFixed(3)) - 1_700_000_000, 6);
    fs.rmSync(path.join(dir, 'arrivals.csv'));
    const merged = ok(await headroom(['merge', ...parts, '--json']));
    expect(noWallClock(merged.stdout)).toBe(noWallClock(single.stdout));
    const doc = JSON.parse(merged.stdout) as { replications: number; serving: Record<string, { offered_rps: number }> };
    expect(doc.replications).toBe(4);
    // The rate the merge took from the part's summary: requests ÷ span × scale.
    expect(doc.serving.api!.offered_rps).toBeCloseTo((240 / (summary.last - summary.first)) * 1.5, 9);
  });
});

describe('run --shard of an llm service whose token lengths come from trace columns, then merge', () => {
  // Its analytic figures read every row of the token columns, so a part carries them whole.
  it('gives the single process\'s document, byte for byte apart from wall_ms, without the trace file', async () => {
    const dir = path.join(tmp, 'llm-trace');
    fs.mkdirSync(dir, { recursive: true });
    const rows = Array.from({ length: 120 }, (_, i) => `${(i * 0.25 + (i % 3) * 0.05).toFixed(2)},${200 + ((i * 37) % 900)},${20 + ((i * 13) % 150)}`);
    fs.writeFileSync(path.join(dir, 'requests.csv'), `t,ContextTokens,GeneratedTokens\n${rows.join('\n')}\n`);
    const example = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'assets', 'examples', 'llm-token-level.json'), 'utf8')) as { serving: { services: { llm: Record<string, unknown> }[] } };
    const llm = { ...example.serving.services[0]!.llm, prompt_tokens: { column: 'ContextTokens' }, output_tokens: { column: 'GeneratedTokens' } };
    const file = path.join(dir, 'llm.json');
    fs.writeFileSync(file, JSON.stringify({
      format: 'headroom.scenario/v1', name: 'llm shards', seed: 5, replications: 3, horizon_s: 30,
      serving: { services: [{ id: 'llm', arrivals: { process: 'trace', path: 'requests.csv', time_column: 't' }, replicas: 1, latency_budget_ms: 30000, llm }] },
    }));
    const k8s = (i: number) => ({ JOB_COMPLETION_INDEX: String(i) });
    const [single, parts] = await Promise.all([headroom(['run', file, '--json', '--threads', '2']), shards('llm-trace', ['run', file, '--threads', '1'], 2, k8s)]);
    ok(single);
    fs.rmSync(path.join(dir, 'requests.csv'));
    const merged = ok(await headroom(['merge', ...parts, '--json']));
    expect(noWallClock(merged.stdout)).toBe(noWallClock(single.stdout));
    expect((JSON.parse(merged.stdout) as { serving: Record<string, { analytic: { llm?: unknown } }> }).serving.llm!.analytic.llm).toBeDefined();
  });
});

describe('checkpoint-sweep --shard, then merge', () => {
  // A tiny failing cluster: a 2-node job, MTBF_job 10,000 s, so an interval × replication takes milliseconds.
  const failing = {
    format: 'headroom.scenario/v1',
    name: 'checkpoint shards',
    seed: 3,
    replications: 3,
    horizon_s: 100_000,
    cluster: {
      pools: [{ id: 'gpu', units: 16, units_per_node: 4 }],
      jobs: [{ id: 'train', pool: 'gpu', arrival_s: 0, units: 8, steps: 2000, step_time_s: 10 }],
      failures: { node_mtbf_s: 20_000, repair_s: 600, checkpoint_interval_s: 500, checkpoint_cost_s: 30, restart_overhead_s: 60 },
    },
  };
  const k8s = (i: number) => ({ JOB_COMPLETION_INDEX: String(i) });
  let ckpt: string;
  let parts: string[];
  let single: CliResult;
  let text: CliResult;

  beforeAll(async () => {
    ckpt = write('ckpt.json', failing);
    [single, text, parts] = await Promise.all([
      headroom(['checkpoint-sweep', ckpt, '--factors', '2,0.5,1', '--json', '--threads', '1']),
      headroom(['checkpoint-sweep', ckpt, '--factors', '0.5,1,2', '--threads', '2']),
      shards('ckpt', ['checkpoint-sweep', ckpt, '--factors', '0.5,1,2', '--threads', '2'], 4, k8s),
    ]);
    ok(single);
    ok(text);
  }, 120_000);

  it('gives the single process\'s sweep byte for byte (it has no wall-clock field), as JSON and as text (Kubernetes Indexed Job form)', async () => {
    const [merged, mergedText] = await Promise.all([headroom(['merge', ...[...parts].reverse(), '--json']), headroom(['merge', ...parts])]);
    expect(ok(merged).stdout).toBe(single.stdout);
    expect(ok(mergedText).stdout).toBe(text.stdout);
    const sweep = JSON.parse(merged.stdout) as { points: { factor: number }[]; best: { factor: number } };
    expect(sweep.points.map((p) => p.factor)).toEqual([0.5, 1, 2]);
  });

  it('splits interval × replication units, k mod N, and keeps each unit\'s sample', () => {
    const docs = parts.map((p) => JSON.parse(fs.readFileSync(p, 'utf8')) as {
      command: string; units: { total: number; indices: number[] }; cases: unknown[]; plan: Record<string, number>; outcomes: Record<string, unknown>[];
    });
    expect(docs.map((d) => d.command)).toEqual(Array(4).fill('checkpoint-sweep'));
    expect(docs.map((d) => d.units)).toEqual([
      { total: 9, indices: [0, 4, 8] }, { total: 9, indices: [1, 5] }, { total: 9, indices: [2, 6] }, { total: 9, indices: [3, 7] },
    ]);
    expect(docs[0]!.cases).toHaveLength(3); // one per interval
    expect(docs[0]!.plan).toMatchObject({ nodes: 2, mtbf_job_s: 10_000, checkpoint_cost_s: 30 });
    // Unit 4 is the second interval's replication 1.
    expect(Object.keys(docs[0]!.outcomes[1]!).sort()).toEqual(['checkpoint', 'events', 'goodput', 'index', 'jct_s', 'lost']);
    expect(docs[0]!.outcomes.map((o) => o.index)).toEqual([0, 1, 2]);
  });

  it('refuses a missing shard even with --allow-partial, a repeated one, and parts of other options, seed or shard count', async () => {
    const copy = path.join(tmp, 'ckpt-1-copy.json');
    fs.copyFileSync(parts[1]!, copy);
    const [missing, partial, repeated, factors, seed, count] = await Promise.all([
      headroom(['merge', parts[0]!, parts[1]!, parts[3]!]),
      headroom(['merge', parts[0]!, parts[1]!, parts[3]!, '--allow-partial']),
      headroom(['merge', ...parts, copy]),
      headroom(['checkpoint-sweep', ckpt, '--factors', '0.5,1', '--shard', '2/4', '--json']),
      headroom(['checkpoint-sweep', ckpt, '--factors', '0.5,1,2', '--seed', '4', '--shard', '2/4', '--json']),
      headroom(['checkpoint-sweep', ckpt, '--factors', '0.5,1,2', '--shard', '2/3', '--json']),
    ]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(/missing shard 2 of 4/);
    expect(partial).toMatchObject({ code: 2, stdout: '' });
    expect(partial.stderr).toMatch(/--allow-partial: a checkpoint sweep pairs its replications/);
    expect(repeated.code).toBe(2);
    expect(repeated.stderr).toMatch(/ckpt-1-copy\.json: repeats shard 1 of 4/);
    const cases: [string, RegExp][] = [
      [write('ckpt-foreign-factors.json', ok(factors).stdout), /ckpt-foreign-factors\.json: belongs to another computation: its options is \{"factors":\[0\.5,1\]\}/],
      [write('ckpt-foreign-seed.json', ok(seed).stdout), /ckpt-foreign-seed\.json: belongs to another computation: its seed is 4, but .*'s is 3/],
      [write('ckpt-foreign-count.json', ok(count).stdout), /ckpt-foreign-count\.json: belongs to another computation: its shard count is 3, but .*'s is 4/],
    ];
    for (const [part, message] of cases) {
      const r = await headroom(['merge', parts[0]!, parts[1]!, parts[3]!, part]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('takes --out only with --shard', async () => {
    const r = await headroom(['checkpoint-sweep', ckpt, '--out', path.join(tmp, 'x.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out goes with --shard for "checkpoint-sweep"/);
  });
});

describe('--shard refusals', () => {
  it('exits 2 when auto finds no index, or an index outside 0…N−1, before simulating', async () => {
    const [none, outside, slurmOutside] = await Promise.all([
      headroom(['run', file, '--shard', 'auto/3', '--json']),
      headroom(['run', file, '--shard', 'auto/3', '--json'], { JOB_COMPLETION_INDEX: '3' }),
      headroom(['run', file, '--shard', 'auto/3', '--json'], { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '1' }),
    ]);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toMatch(/--shard: auto\/3: no shard index in the environment; looked for JOB_COMPLETION_INDEX/);
    expect(outside).toMatchObject({ code: 2, stdout: '' });
    expect(outside.stderr).toMatch(/shard 3 \(JOB_COMPLETION_INDEX=3\), outside 0…2/);
    expect(slurmOutside.stderr).toMatch(/SLURM_ARRAY_TASK_ID=4 − SLURM_ARRAY_TASK_MIN=1/);
  });

  it('refuses a sharded solve with more than 1,000 counts to try, saying to shard a sweep instead', async () => {
    const big = write('solve-big.json', scenario({ serving: undefined, cluster: { pools: [{ id: 'gpu', units: 8 }], jobs: Array.from({ length: 1100 }, (_, i) => ({ id: `j${i}`, pool: 'gpu', units: 1, steps: 1, step_time_s: 1, arrival_s: i })) } }));
    const r = await headroom(['solve', big, '--pool', 'gpu', '--max-queue-delay-s', '60', '--shard', '0/2', '--json']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/--shard: a sharded solve simulates every count the search may try, here 1 to 1100 units in steps of 1 \(1100 counts\), more than 1000: shard a sweep over the counts you expect instead \(--set cluster\.pools\[…\]\.units=FROM:TO\)/);
  });
});
