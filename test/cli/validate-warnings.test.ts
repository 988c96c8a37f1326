// `headroom validate` (and `run`) on a scenario that sets a field its configuration ignores:
// still valid (ok, exit 0), with one warning per such field on stderr naming its path.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'bin', 'headroom.cjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-cli-warn-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function headroom(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, HEADROOM_DATA_DIR: path.join(tmp, 'never-created') } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function writeScenario(name: string, service: Record<string, unknown>): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify({
    format: 'headroom.scenario/v1',
    name,
    replications: 2,
    horizon_s: 20,
    serving: { services: [{ id: 'api', arrivals: { process: 'poisson', rate_rps: 20 }, replicas: 2, latency_budget_ms: 500, ...service }] },
  }));
  return file;
}

const batching = { max_batch: 4, max_wait_ms: 10, batch_time_ms: { base: 20, per_item: 5 } };

describe('warnings about ignored fields', () => {
  it('validate: ok on stdout, exit 0, a warning naming the path and the reason on stderr', () => {
    const r = headroom('validate', writeScenario('batched.json', { batching, service_time_ms: 40 }));
    expect(r).toMatchObject({ code: 0, stdout: 'ok\n' });
    expect(r.stderr).toBe('headroom: warning: serving.services[0].service_time_ms: ignored: with batching, a batch takes batching.batch_time_ms (base + per_item × batch size); remove batching to use service_time_ms\n');
  });

  it('validate: no warning when the field counts, or is not set', () => {
    expect(headroom('validate', writeScenario('plain.json', { service_time_ms: 40 }))).toEqual({ code: 0, stdout: 'ok\n', stderr: '' });
    expect(headroom('validate', writeScenario('batched-only.json', { batching }))).toEqual({ code: 0, stdout: 'ok\n', stderr: '' });
  });

  it('validate: an invalid scenario still fails with its errors, and no warnings', () => {
    const r = headroom('validate', writeScenario('invalid.json', { batching, service_time_ms: 40, replicas: 0 }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('serving.services[0].replicas: must be an integer');
    expect(r.stderr).not.toContain('warning');
  });

  it('run: the same warning on stderr, and the result on stdout', () => {
    const r = headroom('run', writeScenario('batched-run.json', { batching, service_time_ms: 40 }), '--json', '--threads', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('headroom: warning: serving.services[0].service_time_ms: ignored: with batching');
    expect((JSON.parse(r.stdout) as { format: string }).format).toBe('headroom.result/v1');
  });
});
