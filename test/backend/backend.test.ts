// The backend with its real parts: a SQLite library in a temp dir, real worker threads
// (the built out/node/worker.cjs), real engine.
import { describe, expect, it } from 'vitest';
import type { Library } from '../../db';
import { Backend } from '../../electron/backend/backend';
import { checked, quickExample, tempBackendForEach, waitForFinal } from './temp-backend';

let dir: string;
let lib: Library;
let backend: Backend;

tempBackendForEach('headroom-backend-', (t) => ({ dir, lib, backend } = t));

describe('Backend', () => {
  it('seeds the bundled examples into an empty library, once', async () => {
    backend.seedExamplesIfEmpty();
    const list = await backend.listScenarios();
    expect(list.map((s) => s.name)).toContain('Risk model API — the article\'s worked example');
    const only = list[0]!;
    await backend.deleteScenario(only.id);
    backend.seedExamplesIfEmpty();
    expect(await backend.listScenarios()).toHaveLength(list.length - 1);
  });

  it('saves versions, refuses invalid text without storing anything', async () => {
    const created = await backend.createScenario(quickExample());
    if (!created.ok) throw new Error('create failed');
    const bad = await backend.updateScenario(created.scenario.id, quickExample({ replications: 0 }));
    expect(bad).toEqual({ ok: false, errors: [{ path: 'replications', message: 'must be an integer from 1 to 1000 (got 0)' }] });
    expect((await backend.getScenario(created.scenario.id)).version).toBe(1);
    const saved = await backend.updateScenario(created.scenario.id, quickExample({ seed: 3 }));
    expect(saved.ok && saved.scenario.version).toBe(2);
    await expect(checked(backend).getScenario('../etc')).rejects.toThrow(/id/);
    await expect(checked(backend).createScenario(42 as unknown as string)).rejects.toThrow(/json/);
  });

  it('runs in worker threads with progress, stores the result, and records engine and seed', async () => {
    const created = await backend.createScenario(quickExample());
    if (!created.ok) throw new Error('create failed');
    const progress: number[] = [];
    backend.subscribe((e) => { if (e.type === 'progress') progress.push(e.progress.fraction); });
    const run = await backend.startRun(created.scenario.id, { seed: 11 });
    expect(run.status).toBe('queued');
    const final = await waitForFinal(backend, run.id);
    expect(final.status).toBe('done');
    expect(final.seed).toBe(11);
    expect(final.engineVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(progress.length).toBeGreaterThan(0);
    const result = await backend.getRunResult(run.id);
    expect(result?.seed).toBe(11);
    expect(result?.serving?.risk_model_api).toBeDefined();
    expect((await backend.listRuns(created.scenario.id)).map((r) => r.id)).toEqual([run.id]);
  });

  it('gives byte-identical results with 1 and 2 threads', async () => {
    const created = await backend.createScenario(quickExample({ replications: 4 }));
    if (!created.ok) throw new Error('create failed');
    const one = new Backend({ library: lib, dataDir: dir, shell: 'web', threads: 1 });
    const r1 = await one.startRun(created.scenario.id);
    await new Promise<void>((resolve) => one.subscribe((e) => { if (e.type === 'status' && e.run.status === 'done') resolve(); }));
    const r2 = await backend.startRun(created.scenario.id);
    await waitForFinal(backend, r2.id);
    const strip = (d: unknown) => JSON.stringify({ ...(d as object), engine: { ...(d as { engine: object }).engine, wall_ms: 0 } });
    expect(strip(await backend.getRunResult(r1.id))).toBe(strip(await backend.getRunResult(r2.id)));
  });

  it('cancels a long run within a second and records it as cancelled', async () => {
    const created = await backend.createScenario(quickExample({ horizon_s: 100000, replications: 2 }));
    if (!created.ok) throw new Error('create failed');
    const run = await backend.startRun(created.scenario.id);
    await new Promise<void>((resolve) => {
      const off = backend.subscribe((e) => { if (e.type === 'progress' && e.progress.runId === run.id) { off(); resolve(); } });
    });
    const t0 = Date.now();
    const final = waitForFinal(backend, run.id);
    await backend.cancelRun(run.id);
    expect((await final).status).toBe('cancelled');
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
