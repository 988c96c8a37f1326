// The `headroom` command as users run it: the built bundle in a child process, real files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'bin', 'headroom.cjs');
const example = path.join(root, 'assets', 'examples', 'risk-model-api.json');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-cli-'));

function headroom(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, HEADROOM_DATA_DIR: path.join(tmp, 'never-created') } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function writeScenario(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

const small = (over: Record<string, unknown> = {}) => JSON.stringify({
  format: 'headroom.scenario/v1',
  name: 'small',
  replications: 3,
  horizon_s: 30,
  serving: { services: [{ id: 'api', arrivals: { process: 'poisson', rate_rps: 200 }, replicas: 3, concurrency: 4, service_time_ms: { dist: 'exponential', mean: 40 }, latency_budget_ms: 150 }] },
  ...over,
});

describe('headroom validate', () => {
  it('prints ok and exits 0 for the bundled example', () => {
    const r = headroom('validate', example);
    expect(r).toMatchObject({ code: 0, stdout: 'ok\n' });
  });

  it('names the JSON path of each problem on stderr and exits 2', () => {
    const bad = JSON.parse(small()) as { serving: { services: Record<string, unknown>[] } };
    bad.serving.services[0]!.replicas = -2;
    bad.serving.services[0]!.colour = 'blue';
    const r = headroom('validate', writeScenario('bad.json', JSON.stringify(bad)));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('serving.services[0].replicas: must be an integer from 1 to 100000 (got -2)');
    expect(r.stderr).toContain('serving.services[0].colour: unknown field');
  });

  it('gives line and column for a JSON syntax error', () => {
    const r = headroom('validate', writeScenario('syntax.json', '{\n  "format": "headroom.scenario/v1",\n  "name": x\n}'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 3, column 11/);
  });

  it('rejects an unknown format and a zero rate', () => {
    expect(headroom('validate', writeScenario('fmt.json', small({ format: 'other/v1' }))).stderr).toContain('format: must be "headroom.scenario/v1"');
    const zero = small().replace('"rate_rps":200', '"rate_rps":0');
    expect(headroom('validate', writeScenario('zero.json', zero)).stderr).toContain('serving.services[0].arrivals.rate_rps: must be a number > 0 and ≤ 1e9 (got 0)');
  });

  it('exits 2 for a missing file and for usage errors', () => {
    expect(headroom('validate', path.join(tmp, 'nope.json')).code).toBe(2);
    expect(headroom('frobnicate', example).code).toBe(2);
    expect(headroom('run', example, '--threads', '0').stderr).toContain('--threads: must be an integer ≥ 1');
  });
});

describe('headroom analyze', () => {
  it('prints the seed article table: each key with the catalogue label and value', () => {
    const r = headroom('analyze', example);
    expect(r.code).toBe(0);
    const [head, ...lines] = r.stdout.trimEnd().split('\n');
    expect(head!.split(/ {2,}/)).toEqual(['Field', 'Figure', 'Analytic value']);
    const rows = Object.fromEntries(lines.map((l) => { const [k, label, v] = l.split(/ {2,}/); return [k, [label, v]]; }));
    expect(rows).toEqual({
      pipeline_total_duration_minutes: ['Pipeline total duration (Σ mean task durations)', '3.38 h'],
      pipeline_reliability: ['Pipeline reliability ∏(1 − p)', '75.2%'],
      mean_compute_utilization: ['Mean compute utilization (allocated ÷ units)', '77.2%'],
      share_compute_pools_over_target: ['Share of compute pools over target', '25%'],
      serving_required_replicas: ['Serving: required replicas ⌈rate ÷ per-replica throughput⌉', '8'],
      serving_total_latency_ms: ['Serving: total latency (service + components)', '180 ms'],
      serving_latency_margin_ms: ['Serving: latency margin (budget − total)', '20 ms'],
      infrastructure_readiness_score: ['Infrastructure readiness score (mean)', '0.78'],
    });
  });

  it('--json prints an unrounded result document with no simulated statistics', () => {
    const r = headroom('analyze', example, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.format).toBe('headroom.result/v1');
    expect(doc.summary.pipeline_reliability).toBeCloseTo(0.97 * 0.98 * 0.95 * 0.96 * 0.94 * 0.97 * 0.99 * 0.98 * 0.98, 12);
    expect(doc.summary.pipeline_reliability).not.toBe(0.7516);
    expect(doc.serving.risk_model_api.analytic.required_replicas).toBe(8);
    expect(doc.serving.risk_model_api.latency_ms).toBeUndefined();
    expect(doc.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('headroom run', () => {
  it('simulates, prints a result document, and is byte-identical across thread counts', () => {
    const file = writeScenario('run.json', small());
    const one = headroom('run', file, '--json', '--threads', '1');
    const two = headroom('run', file, '--json', '--threads', '2');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    const strip = (s: string) => s.replace(/"wall_ms": \d+/, '"wall_ms": 0');
    expect(strip(one.stdout)).toBe(strip(two.stdout));
    const doc = JSON.parse(one.stdout);
    const api = doc.serving.api;
    expect(api.requests).toBe(api.completed + api.rejected + api.timed_out);
    expect(api.latency_ms.p99.ci95[0]).toBeLessThanOrEqual(api.latency_ms.p99.mean);
    expect(doc.replications).toBe(3);
  });

  it('text output: a cluster with pools but no jobs shows its allocation snapshot, not 0 % utilization', () => {
    const r = headroom('run', example, '--horizon-s', '90', '--replications', '2');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cluster: no jobs to simulate');
    expect(r.stdout).toMatch(/^ {2}Pool +Target +Snapshot +vs target$/m);
    expect(r.stdout).toMatch(/^ {2}gpu_pool_b +85% +87\.5% +OVER$/m);
    expect(r.stdout).toMatch(/^ {2}gpu_pool_a +85% +81\.3% +within$/m);
  });

  it('flags override the scenario; a different seed gives a different result', () => {
    const file = writeScenario('seed.json', small());
    const a = JSON.parse(headroom('run', file, '--json', '--seed', '7', '--replications', '2', '--horizon-s', '10').stdout);
    const b = JSON.parse(headroom('run', file, '--json', '--seed', '8', '--replications', '2', '--horizon-s', '10').stdout);
    expect(a.seed).toBe(7);
    expect(a.replications).toBe(2);
    expect(a.horizon_s).toBe(10);
    expect(a.serving.api.requests).not.toBe(b.serving.api.requests);
  });

  it('runs the example: any not-simulated section is listed and warned about, and the exit code is 0', () => {
    const r = headroom('run', example, '--json', '--horizon-s', '90', '--replications', '2');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    // Sections whose model is not built yet are listed (and warned about); serving never is.
    const missing: string[] = doc.not_simulated ?? [];
    expect(missing).not.toContain('serving');
    if (missing.length > 0) expect(r.stderr).toContain(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not simulated yet`);
    else expect(r.stderr).not.toContain('not simulated yet');
    expect(doc.serving.risk_model_api.stable).toBe(false);
  });

  it('stops at the event cap with exit code 3 and a truncated result', () => {
    const r = headroom('run', writeScenario('cap.json', small()), '--json', '--max-events', '5000');
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).truncated.reason).toMatch(/event/);
  });
});
