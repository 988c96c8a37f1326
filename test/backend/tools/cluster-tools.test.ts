// The cluster tools behind both shells: straggler calibration and the checkpoint-interval sweep,
// through the Backend (real SQLite library in a temp dir, real worker threads from the built
// out/node/worker.cjs) and through the browser preview's HTTP server, where a sweep must not
// hold up other requests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../../db';
import { Backend } from '../../../electron/backend/backend';
import { BadRequestError } from '../../../electron/common/api-validate';
import type { CheckpointSweepResult } from '../../../electron/common/contract';
import { fixtureData } from '../../fixture-data';
import { FAILING_4_NODE_JOB } from '../../unit/cluster/helpers';
import { checked, tempBackendForEach } from '../temp-backend';
import { tempPreviewForAll } from '../web/temp-preview';

const root = path.resolve(__dirname, '..', '..', '..');
const pai = (j: number) => fixtureData('alibaba_pai_2020', `job_${j}_norm.csv`);

/** The job that fails and checkpoints (Young/Daly 2,449 s), as scenario text. */
function failingScenario(replications = 3): string {
  return JSON.stringify({
    format: 'headroom.scenario/v1', name: 'checkpoint sweep', replications, horizon_s: 1e7, cluster: FAILING_4_NODE_JOB,
  }, null, 2);
}

let dir: string;
let lib: Library;
let backend: Backend;

tempBackendForEach('headroom-cluster-tools-', (t) => ({ dir, lib, backend } = t));

async function created(json: string): Promise<string> {
  const r = await backend.createScenario(json);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario.id;
}

describe('calibrateStragglers', () => {
  it('fits the Alibaba PAI jobs exactly as `headroom calibrate-stragglers --json` does', async () => {
    for (const j of [1, 2, 3, 4]) {
      const cli = spawnSync(process.execPath, [path.join(root, 'bin', 'headroom.cjs'), 'calibrate-stragglers', pai(j), '--json', '--time-scale', '0.001'], { encoding: 'utf8' });
      expect(cli.status).toBe(0);
      const r = await backend.calibrateStragglers({ name: `job_${j}_norm.csv`, text: fs.readFileSync(pai(j), 'utf8') }, { timeScale: 0.001 });
      if (!r.ok) throw new Error(r.message);
      expect(r.file).toBe(`job_${j}_norm.csv`);
      expect(r.fit).toEqual(JSON.parse(cli.stdout));
    }
  });

  it('a bad file comes back as a result naming the file and line, never a bare throw', async () => {
    const bad = await backend.calibrateStragglers({ name: 'steps.csv', text: ',worker,gpu,time,batch_time_norm\n0,0,25,1,476\n1,1,25,1,oops\n' });
    expect(bad).toEqual({ ok: false, file: 'steps.csv', line: 3, message: 'steps.csv line 3: batch_time_norm: must be a number ≥ 0 (got "oops")' });
    const header = await backend.calibrateStragglers({ name: 'x.csv', text: 'a,b\n1,2\n' });
    expect(header).toMatchObject({ ok: false, line: 1, message: expect.stringMatching(/^x\.csv line 1: missing column worker/) });
    expect(await backend.calibrateStragglers({ name: 'empty.csv', text: '' })).toMatchObject({ ok: false, line: 1, message: 'empty.csv line 1: the file is empty' });
  });

  it('validates the payload: shape, size cap, option ranges', async () => {
    const text = 'worker,step,step_time\n0,1,1\n';
    await expect(checked(backend).calibrateStragglers('steps.csv')).rejects.toThrow(/^file: must be \{name, text\}/);
    await expect(checked(backend).calibrateStragglers({ name: 'a.csv', text, path: '/etc/passwd' })).rejects.toThrow('file.path: unknown field');
    await expect(checked(backend).calibrateStragglers({ name: '', text })).rejects.toThrow(/^file\.name:/);
    await expect(checked(backend).calibrateStragglers({ name: 'a.csv', text: 'x'.repeat(10 * 1024 * 1024 + 1) })).rejects.toThrow(/larger than 10 MiB/);
    await expect(checked(backend).calibrateStragglers({ name: 'a.csv', text }, { timeScale: 0 })).rejects.toThrow(/^options\.timeScale:/);
    await expect(checked(backend).calibrateStragglers({ name: 'a.csv', text }, { slowThreshold: 0.5 })).rejects.toThrow(/^options\.slowThreshold: must be a number from 1/);
    await expect(checked(backend).calibrateStragglers({ name: 'a.csv', text }, { nope: 1 })).rejects.toBeInstanceOf(BadRequestError);
  });
});

describe('checkpointSweep', () => {
  it('sweeps the saved scenario on worker threads: Young/Daly and the simulated optimum', async () => {
    const id = await created(failingScenario());
    const r = await backend.checkpointSweep(id, { factors: [2, 0.5, 1] });
    if (!r.ok) throw new Error(r.message);
    expect(r).toMatchObject({ scenarioId: id, scenarioVersion: 1, replications: 3, seed: 1 });
    expect(r.sweep.young_daly_interval_s).toBeCloseTo(Math.sqrt(2 * 50_000 * 60), 9);
    expect(r.sweep.points.map((p) => p.factor)).toEqual([0.5, 1, 2]);
    expect(r.sweep.best.factor).toBe(1);
    // The same figures as the engine in one thread (parts merged in factor order).
    const { checkpointSweep, parseScenarioText } = await import('../../../simulation');
    const parsed = parseScenarioText(failingScenario());
    if (!parsed.ok) throw new Error('invalid');
    expect(r.sweep).toEqual(JSON.parse(JSON.stringify(checkpointSweep(parsed.scenario, [0.5, 1, 2]))));
    const two = await backend.checkpointSweep(id, { factors: [1], replications: 2, seed: 9 });
    expect(two).toMatchObject({ ok: true, replications: 2, seed: 9 });
  });

  it('a scenario that cannot be swept answers with the field: cluster.failures, the checkpoint cost', async () => {
    const plain = JSON.parse(failingScenario()) as { cluster: Record<string, unknown> };
    delete plain.cluster.failures;
    const noFailures = await backend.checkpointSweep(await created(JSON.stringify(plain)));
    expect(noFailures).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'cluster.failures' }], message: expect.stringMatching(/^cluster\.failures: absent/) });
    const example = fs.readFileSync(path.join(root, 'assets/examples/azure-llm-code-trace.json'), 'utf8');
    const noCluster = await backend.checkpointSweep(await created(example));
    expect(noCluster).toMatchObject({ ok: false, reason: 'invalid', message: expect.stringContaining('cluster.failures: the scenario has no cluster section') });
    const free = JSON.parse(failingScenario()) as { cluster: { failures: Record<string, unknown> } };
    free.cluster.failures.checkpoint_cost_s = 0;
    expect(await backend.checkpointSweep(await created(JSON.stringify(free)))).toMatchObject({ ok: false, errors: [{ path: 'cluster.failures.checkpoint_cost_s' }] });
  });

  it('validates the payload: ids, factor ranges, replications', async () => {
    const id = await created(failingScenario());
    await expect(checked(backend).checkpointSweep({ id })).rejects.toThrow(/^scenarioId:/);
    await expect(checked(backend).checkpointSweep(id, { factors: [] })).rejects.toThrow(/^options\.factors: must be a list of 1 to 16/);
    await expect(checked(backend).checkpointSweep(id, { factors: [1, 50] })).rejects.toThrow(/^options\.factors\[1\]: must be a number from 0\.05 to 20/);
    await expect(checked(backend).checkpointSweep(id, { factors: ['1'] })).rejects.toThrow(/^options\.factors\[0\]/);
    await expect(checked(backend).checkpointSweep(id, { replications: 1e6 })).rejects.toThrow(/^options\.replications:/);
    await expect(checked(backend).checkpointSweep(id, { requestId: '../x' })).rejects.toThrow(/^options\.requestId:/);
    await expect(backend.checkpointSweep('nope')).rejects.toThrow(/no scenario with id nope/);
  });

  it('is cancelled by its request id, and stopped by the wall-clock cap', async () => {
    const id = await created(failingScenario(200));
    const pending = backend.checkpointSweep(id, { requestId: 'sweep-1' });
    await new Promise((r) => setTimeout(r, 300));
    await backend.cancelCheckpointSweep('sweep-1');
    expect(await pending).toMatchObject({ ok: false, reason: 'cancelled' });
    await backend.cancelCheckpointSweep('sweep-1'); // ended: a no-op

    const capped = new Backend({ library: lib, dataDir: dir, shell: 'web', threads: 1, sweepMaxWallMs: 200 });
    const r = await capped.checkpointSweep(id);
    expect(r).toMatchObject({ ok: false, reason: 'wall-clock', message: expect.stringContaining('stopped after 0.2 s') });
  });
});

describe('over the browser preview server', () => {
  const preview = tempPreviewForAll('headroom-web-cluster-');

  async function call<T>(method: string, args: unknown[]): Promise<{ status: number; body: { ok: boolean; value: T; error?: { message: string } } }> {
    const res = await preview.call(method, args);
    return { status: res.status, body: await res.json() as { ok: boolean; value: T } };
  }

  it('returns Young/Daly and the best interval, while other requests are answered at once', async () => {
    const createdRes = await call<{ ok: boolean; scenario: { id: string } }>('createScenario', [failingScenario(80)]);
    const id = createdRes.body.value.scenario.id;
    const t0 = Date.now();
    let sweepDoneAt = 0;
    const sweep = call<CheckpointSweepResult>('checkpointSweep', [id]).then((r) => { sweepDoneAt = Date.now(); return r; });
    await new Promise((r) => setTimeout(r, 250));
    const listStart = Date.now();
    const list = await call<{ id: string }[]>('listScenarios', []);
    const listDoneAt = Date.now();
    expect(list.status).toBe(200);
    expect(list.body.value.map((s) => s.id)).toContain(id);
    const r = await sweep;
    expect(r.status).toBe(200);
    const value = r.body.value;
    if (!value.ok) throw new Error(value.message);
    expect(value.sweep.young_daly_interval_s).toBeCloseTo(2449.49, 1);
    expect(value.sweep.points).toHaveLength(7);
    expect(value.sweep.points.map((p) => p.interval_s)).toContain(value.sweep.best.interval_s);
    // The sweep was still running when listScenarios was answered, promptly.
    expect(sweepDoneAt).toBeGreaterThan(listDoneAt);
    expect(listDoneAt - listStart).toBeLessThan(1000);
    expect(sweepDoneAt - t0).toBeGreaterThan(500);
  });

  it('calibrates an uploaded file and answers bad payloads with 400 naming the field', async () => {
    const ok = await call<{ ok: boolean; fit: { workers: number } }>('calibrateStragglers', [{ name: 'job_1_norm.csv', text: fs.readFileSync(pai(1), 'utf8') }]);
    expect(ok.body.value).toMatchObject({ ok: true, fit: { workers: 10 } });
    const bad = await call('calibrateStragglers', [{ name: 'a.csv', text: 'a,b\n' }, { timeScale: -1 }]);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/^options\.timeScale:/);
  });
});
