// The cluster through the `headroom` command: trace import next to the scenario file, bad input
// with exit code 2, and `calibrate-stragglers` on the Alibaba PAI per-worker step times.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureData } from '../fixture-data';
import { FAILING_4_NODE_JOB } from '../unit/cluster/helpers';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'bin', 'headroom.cjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-cluster-cli-'));
const pai = (j: number) => fixtureData('alibaba_pai_2020', `job_${j}_norm.csv`);

function headroom(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, HEADROOM_DATA_DIR: path.join(tmp, 'never-created') } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, content: string | object): string {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const scenario = (cluster: object, over: object = {}) => ({ format: 'headroom.scenario/v1', name: 'cluster cli', replications: 2, horizon_s: 20_000, cluster, ...over });
const tiresias = fs.readFileSync(fixtureData('tiresias', '60_job.csv'), 'utf8');

describe('headroom run with a cluster job trace', () => {
  it('reads a Tiresias trace next to the scenario and is byte-identical across thread counts', () => {
    write('traces/60_job.csv', tiresias);
    const file = write('traces/run.json', scenario({
      pools: [{ id: 'gpu', units: 16, units_per_node: 4, utilization_target: 0.5 }],
      scheduler: { policy: 'backfill' },
      job_trace: { path: '60_job.csv', format: 'tiresias', pool: 'gpu' },
    }));
    const one = headroom('run', file, '--json', '--threads', '1');
    const two = headroom('run', file, '--json', '--threads', '2');
    expect(one.code).toBe(0);
    const strip = (s: string) => s.replace(/"wall_ms": \d+/, '"wall_ms": 0');
    expect(strip(two.stdout)).toBe(strip(one.stdout));
    const doc = JSON.parse(one.stdout);
    expect(doc.not_simulated).toBeUndefined();
    expect(doc.cluster.jobs).toMatchObject({ submitted: 120, completed: 120, unfinished: 0 });
    expect(doc.cluster.pools.gpu.utilization.mean).toBeGreaterThan(0);
    expect(doc.cluster.series.pools.gpu.allocated).toHaveLength(96);
    expect(doc.cluster.occupancy.rows).toHaveLength(4);
    const text = headroom('run', file);
    expect(text.stdout).toMatch(/Cluster \(2 replications/);
    expect(text.stdout).toMatch(/^ {2}Jobs submitted \(total, all replications\) +120$/m);
    expect(text.stdout).toMatch(/^ {2}Jobs completed \(total\) +120$/m);
    expect(text.stdout).toMatch(/^ {2}Jobs unfinished at the horizon \(total\) +0$/m);
  });

  it('a trace with a missing column or a short row: exit 2, the file and line named', () => {
    write('bad/missing.csv', tiresias.replace('num_gpu,', '').replace(/^(\d+),\d+,/gm, '$1,'));
    const file = write('bad/missing.json', scenario({ pools: [{ id: 'gpu', units: 64 }], job_trace: { path: 'missing.csv', format: 'tiresias', pool: 'gpu' } }));
    for (const cmd of ['run', 'validate']) {
      const r = headroom(cmd, file);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('cluster.job_trace.path: missing.csv line 1: missing column num_gpu');
    }
    write('bad/short.csv', 'arrival_s,units,step_time_s\n0,1,2\n5,3\n');
    const short = write('bad/short.json', scenario({ pools: [{ id: 'gpu', units: 64 }], job_trace: { path: 'short.csv', format: 'csv', pool: 'gpu' } }));
    expect(headroom('run', short)).toMatchObject({ code: 2, stderr: expect.stringContaining('short.csv line 3: 2 fields, expected 3') });
    const absent = write('bad/absent.json', scenario({ pools: [{ id: 'gpu', units: 64 }], job_trace: { path: 'nope.csv', format: 'csv', pool: 'gpu' } }));
    expect(headroom('run', absent)).toMatchObject({ code: 2, stderr: expect.stringContaining('cluster.job_trace.path: cannot read nope.csv: no such file') });
  });

  it('a traced job larger than its pool names the line and both paths', () => {
    write('big/60_job.csv', tiresias);
    const file = write('big/run.json', scenario({ pools: [{ id: 'gpu', units: 4 }], job_trace: { path: '60_job.csv', format: 'tiresias', pool: 'gpu' } }));
    const r = headroom('run', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cluster.job_trace.path: 60_job.csv line 3: num_gpu 8 does not fit in pool "gpu" (cluster.pools[0].units = 4)');
  });

  it('bad cluster input in the scenario itself: exit 2 with the JSON path', () => {
    const job = { id: 'j', pool: 'gpu', arrival_s: 0, units: 32, steps: 1, step_time_s: 1 };
    const cases: [object, string][] = [
      [{ pools: [{ id: 'gpu', units: 16 }], jobs: [job] }, 'cluster.jobs[0].units: 32 units do not fit in pool "gpu" (cluster.pools[0].units = 16)'],
      [{ pools: [{ id: 'gpu', units: 64 }], jobs: [{ ...job, pool: 'tpu' }] }, 'cluster.jobs[0].pool: unknown pool "tpu" (pools: gpu)'],
      [{ pools: [{ id: 'gpu', units: 64, units_per_node: 6 }] }, 'cluster.pools[0].units_per_node: must divide units (64, got 6)'],
    ];
    cases.forEach(([cluster, message], i) => {
      const r = headroom('run', write(`bad-${i}.json`, scenario(cluster)));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    });
  });
});

describe('headroom calibrate-stragglers', () => {
  it('prints the fitted settings for a job (text and --json)', () => {
    const text = headroom('calibrate-stragglers', pai(4));
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('job_4_norm.csv: 10 workers, 2183 steps');
    expect(text.stdout).toMatch(/measured sync slowdown\s+2\.2046/);
    expect(text.stdout).toMatch(/"stragglers": \{"slow_node_probability":0\.5,"slowdown":[\d.]+\}/);
    const json = headroom('calibrate-stragglers', pai(1), '--json');
    expect(json.code).toBe(0);
    const fit = JSON.parse(json.stdout);
    expect(fit.measured.sync_slowdown).toBeCloseTo(1.111, 3);
    expect(fit.predicted_sync_slowdown).toBeCloseTo(fit.measured.sync_slowdown, 6);
    expect(fit.fitted.step_time_s.dist).toBe('lognormal');
    const scaled = JSON.parse(headroom('calibrate-stragglers', pai(1), '--json', '--time-scale', '0.001').stdout);
    expect(scaled.fitted.step_time_s.mean).toBeCloseTo(fit.fitted.step_time_s.mean / 1000, 9);
  });

  it('bad input exits 2', () => {
    expect(headroom('calibrate-stragglers', path.join(tmp, 'nope.csv'))).toMatchObject({ code: 2, stderr: expect.stringContaining('no such file') });
    const bad = write('bad-steps.csv', ',worker,gpu,time,batch_time_norm\n0,0,25,1,476\n1,1,25,1,oops\n');
    expect(headroom('calibrate-stragglers', bad)).toMatchObject({ code: 2, stderr: expect.stringContaining('bad-steps.csv line 3: batch_time_norm: must be a number ≥ 0') });
    expect(headroom('calibrate-stragglers', pai(1), '--slow-threshold', '0.5').code).toBe(2);
  });
});

describe('headroom checkpoint-sweep', () => {
  // Young/Daly 2,449 s, as in test/validation/cluster-checkpoint.test.ts.
  const failing = scenario(FAILING_4_NODE_JOB, { replications: 3, horizon_s: 1e7 });

  it('prints the table with Young/Daly and the simulated optimum on their own lines', () => {
    const file = write('ckpt/sweep.json', failing);
    const r = headroom('checkpoint-sweep', file, '--factors', '0.5,1,2');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Young\/Daly interval\s+2,449 s/m);
    expect(r.stdout).toMatch(/^simulated optimum\s+2,449 s\s+\(1 × Young\/Daly, goodput 9\d\.\d+%\)/m);
    expect(r.stdout).toMatch(/Interval\s+× Young\/Daly\s+Goodput \[95% CI\]\s+Lost work\s+Checkpoints\s+JCT mean/);
    const row = /^[\d.]+ min +([\d.]+) +9\d\.\d% \[[\d.]+, [\d.]+\] +[\d.]+% +[\d.]+% +[\d.,]+ (?:min|h|d)$/;
    expect(r.stdout.split('\n').filter((l) => row.test(l)).map((l) => row.exec(l)![1])).toEqual(['0.5', '1', '2']);
    expect(r.stdout).toMatch(/^20\.4 min +0\.5 /m); // the column's unit is the shortest interval's
  });

  it('--json prints the sweep, identical to the engine\'s and whatever the thread count', async () => {
    const file = write('ckpt/sweep-json.json', failing);
    const one = headroom('checkpoint-sweep', file, '--json', '--factors', '2,0.5,1', '--threads', '1', '--replications', '2', '--seed', '5');
    const two = headroom('checkpoint-sweep', file, '--json', '--factors', '0.5,1,2', '--threads', '2', '--replications', '2', '--seed', '5');
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const sweep = JSON.parse(one.stdout);
    const { checkpointSweep, parseScenarioText } = await import('../../simulation');
    const parsed = parseScenarioText(JSON.stringify({ ...failing, replications: 2, seed: 5 }));
    if (!parsed.ok) throw new Error('scenario invalid');
    expect(sweep).toEqual(JSON.parse(JSON.stringify(checkpointSweep(parsed.scenario, [0.5, 1, 2]))));
    expect(sweep.points.map((p: { factor: number }) => p.factor)).toEqual([0.5, 1, 2]);
    expect(sweep.young_daly_interval_s).toBeCloseTo(Math.sqrt(2 * 50_000 * 60), 9);
  });

  it('bad input exits 2 naming the field: no failures, no cluster, no cost, bad factors', () => {
    const jobs = [{ id: 'j', pool: 'gpu', arrival_s: 0, units: 8, steps: 10, step_time_s: 1 }];
    const noFailures = write('ckpt/no-failures.json', scenario({ pools: [{ id: 'gpu', units: 8 }], jobs }));
    expect(headroom('checkpoint-sweep', noFailures)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^cluster\.failures: absent/) });
    const noCluster = write('ckpt/no-cluster.json', { format: 'headroom.scenario/v1', name: 'x', pipeline: { tasks: [{ id: 'a', duration_s: 1 }] } });
    expect(headroom('checkpoint-sweep', noCluster)).toMatchObject({ code: 2, stderr: expect.stringContaining('cluster.failures: the scenario has no cluster section') });
    const free = write('ckpt/free.json', scenario({ pools: [{ id: 'gpu', units: 8 }], jobs, failures: { node_mtbf_s: 1000, repair_s: 10, checkpoint_cost_s: 0 } }));
    expect(headroom('checkpoint-sweep', free)).toMatchObject({ code: 2, stderr: expect.stringContaining('cluster.failures.checkpoint_cost_s: must have a mean > 0') });
    const ok = write('ckpt/ok.json', failing);
    expect(headroom('checkpoint-sweep', ok, '--factors', '1,x')).toMatchObject({ code: 2, stderr: expect.stringContaining('--factors: "x" is not a number') });
    expect(headroom('checkpoint-sweep', ok, '--factors', '0,1')).toMatchObject({ code: 2, stderr: expect.stringContaining('--factors: each factor must be a number from 0.05 to 20 (got 0)') });
    expect(headroom('checkpoint-sweep', ok, '--replications', '0')).toMatchObject({ code: 2 });
  });

  it('reads the scenario\'s job trace next to it (jobTracesFor) and names a missing one', () => {
    write('ckpt-trace/jobs.csv', 'arrival_s,units,steps,step_time_s\n0,16,20000,10\n');
    const cluster = {
      pools: [{ id: 'gpu', units: 32, units_per_node: 8 }],
      job_trace: { path: 'jobs.csv', format: 'csv', pool: 'gpu' },
      failures: { node_mtbf_s: 100_000, repair_s: 600, checkpoint_cost_s: 30 },
    };
    const file = write('ckpt-trace/s.json', scenario(cluster, { horizon_s: 1e6 }));
    const r = headroom('checkpoint-sweep', file, '--json', '--factors', '1');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ nodes: 2, mtbf_job_s: 50_000 });
    const missing = write('ckpt-trace/missing.json', scenario({ ...cluster, job_trace: { ...cluster.job_trace, path: 'nope.csv' } }));
    expect(headroom('checkpoint-sweep', missing)).toMatchObject({ code: 2, stderr: expect.stringContaining('cluster.job_trace.path: cannot read nope.csv') });
  });
});
