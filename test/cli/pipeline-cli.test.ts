// The `headroom` command on pipeline scenarios: the built bundle (`node scripts/build-node.mjs`)
// in a child process, real files. Bad pipeline input exits 2 with one `path: message` per line;
// a run prints the `pipeline` block, identical whatever the thread count.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'bin', 'headroom.cjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-pipeline-cli-'));

function headroom(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, HEADROOM_DATA_DIR: path.join(tmp, 'never-created') } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let files = 0;
function scenarioFile(pipeline: Record<string, unknown>, top: Record<string, unknown> = {}): string {
  const file = path.join(tmp, `s${files++}.json`);
  fs.writeFileSync(file, JSON.stringify({ format: 'headroom.scenario/v1', name: 'pipeline cli', replications: 2, ...top, pipeline }));
  return file;
}

const task = (id: string, more: Record<string, unknown> = {}) => ({ id, duration_s: 60, ...more });

describe('headroom validate / run on bad pipelines: exit 2, messages naming the JSON path', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>, string[]][] = [
    ['duplicate task ids', { tasks: [task('a'), task('a')] }, {}, ['pipeline.tasks[1].id: duplicate task id "a" (also pipeline.tasks[0])']],
    ['edges to unknown tasks', { tasks: [task('a')], edges: [['a', 'ghost']] }, {}, ['pipeline.edges[0][1]: unknown task "ghost"']],
    ['a self-loop', { tasks: [task('a')], edges: [['a', 'a']] }, {}, ['pipeline.edges[0]: self-loop on "a"']],
    ['a cycle', { tasks: [task('train_model'), task('evaluate_model')], edges: [['train_model', 'evaluate_model'], ['evaluate_model', 'train_model']] }, {},
      ['pipeline.edges: cycle train_model → evaluate_model → train_model']],
    ['probabilities outside [0, 1]', { tasks: [task('a', { failure_probability: 1.2 }), task('b', { gate: { rejection_probability: -1 } })] }, {},
      ['pipeline.tasks[0].failure_probability: must be a probability in [0, 1] (got 1.2)', 'pipeline.tasks[1].gate.rejection_probability: must be a probability in [0, 1] (got -1)']],
    ['an unknown pool', { tasks: [task('train', { pool: 'gpu_pool_z', units: 8 })] }, { cluster: { pools: [{ id: 'gpu_pool_a', units: 32 }] } },
      ['pipeline.tasks[0].pool: unknown pool "gpu_pool_z" (pools: gpu_pool_a)']],
  ];
  for (const [name, pipeline, top, messages] of cases) {
    it(name, () => {
      const file = scenarioFile(pipeline, top);
      for (const command of ['validate', 'run']) {
        const r = headroom(command, file);
        expect(r.code, `${command}: ${r.stderr}`).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr.trim().split('\n')).toEqual(messages);
      }
    });
  }
});

describe('headroom run on a pipeline', () => {
  const file = scenarioFile({
    runs: 2000,
    tasks: [
      task('ingest', { duration_s: { dist: 'lognormal', mean: 1080, cv: 0.2 }, failure_probability: 0.03, retries: 1, retry_delay_s: 60 }),
      task('validate', { duration_s: 420, failure_probability: 0.02, gate: { approval_delay_s: { dist: 'exponential', mean: 600 }, rejection_probability: 0.01 } }),
      task('train', { duration_s: { dist: 'lognormal', mean: 5700, cv: 0.2 }, failure_probability: 0.06, retries: 2, retry_delay_s: 300, retry_exponential_backoff: true, timeout_s: 9000 }),
      task('notify_failure', { duration_s: 5, trigger_rule: 'one_failed' }),
    ],
    edges: [['ingest', 'validate'], ['validate', 'train'], ['train', 'notify_failure']],
  }, { replications: 4, seed: 3 });

  it('prints the pipeline block, simulated and analytic, and warns about nothing', () => {
    const r = headroom('run', file, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('not simulated');
    const doc = JSON.parse(r.stdout);
    expect(doc.not_simulated).toBeUndefined();
    const p = doc.pipeline;
    expect(p.runs).toBe(2000);
    expect(Object.keys(p)).toEqual(['runs', 'success_rate', 'dag_run_success_rate', 'makespan_s', 'tasks', 'critical_path', 'analytic', 'sample_runs']);
    expect(Object.keys(p.tasks)).toEqual(['ingest', 'validate', 'train', 'notify_failure']);
    expect(p.tasks.train.attempts_mean.mean).toBeGreaterThan(1);
    expect(p.critical_path).toEqual(['ingest', 'validate', 'train']); // notify_failure is mostly skipped
    expect(p.analytic.reliability).toBeCloseTo(0.97 * 0.98 * 0.94, 12);
    expect(p.makespan_s.p99.mean).toBeGreaterThan(p.makespan_s.p50.mean);
    expect(doc.engine.events).toBeGreaterThan(2000);
  });

  it('gives the same document with 1 and 3 threads (wall_ms aside)', () => {
    const strip = (text: string) => { const d = JSON.parse(text); d.engine.wall_ms = 0; return JSON.stringify(d); };
    const one = headroom('run', file, '--json', '--threads', '1');
    const three = headroom('run', file, '--json', '--threads', '3');
    expect(one.code).toBe(0);
    expect(strip(one.stdout)).toBe(strip(three.stdout));
  });

  it('stops at the event cap with exit code 3 and a truncated result', () => {
    const r = headroom('run', file, '--json', '--max-events', '300');
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.truncated.reason).toBe('max_events');
    expect(doc.pipeline.runs).toBeLessThan(2000);
  });

  it('analyze --json gives the analytic block only', () => {
    const r = headroom('analyze', file, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc.pipeline)).toEqual(['analytic']);
    expect(doc.pipeline.analytic.critical_path).toEqual(['ingest', 'validate', 'train']);
    // notify_failure (one_failed) runs when an upstream fails, so it is in no blast radius; it never runs when all succeed.
    expect(doc.pipeline.analytic.blast_radius).toEqual({ ingest: 2, validate: 1, train: 0, notify_failure: null });
  });
});
