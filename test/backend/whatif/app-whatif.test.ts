// The app's what-if methods on a real backend (real library, worker threads): the live preview
// (reduced, on its warm worker, a newer one cancelling the older), analyses kept with their
// scenario version and listed, opened and deleted, progress events, cancel, and bad requests
// answered naming the field with nothing kept.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../electron/common/contract';
import { previewHorizon } from '../../../electron/backend/whatif/app-whatif';
import { validateScenario } from '../../../simulation';
import { quickExample, tempBackendForEach, type TempBackend } from '../temp-backend';

let t: TempBackend;
tempBackendForEach('headroom-whatif-host-', (x) => { t = x; });

async function scenario(over: Record<string, unknown> = {}): Promise<{ id: string; json: string }> {
  const json = quickExample(over);
  const r = await t.backend.createScenario(json);
  if (!r.ok) throw new Error('not saved');
  return { id: r.scenario.id, json };
}

describe('live preview', () => {
  it('simulates the editor text with the slider values, reduced, and stores nothing', async () => {
    const s = await scenario({ horizon_s: 600, warmup_s: 60 });
    const edited = JSON.stringify({ ...JSON.parse(s.json), name: 'unsaved edit' });
    const r = await t.backend.previewRun(s.id, { json: edited, sets: [{ path: 'serving.services[0].replicas', value: 11 }] });
    if (!r.ok) throw new Error(r.message);
    // 1,200 rps: a 50 s window (60,000 requests), a quarter of it warm-up at most.
    expect(r.reduced).toEqual({ replications: 1, horizon_s: 50, warmup_s: 12.5 });
    expect(r.result.replications).toBe(1);
    expect(r.result.scenario.name).toBe('unsaved edit');
    const svc = r.result.serving!.risk_model_api as { analytic: { utilization: number } };
    expect(svc.analytic.utilization).toBeCloseTo(1200 / (11 * 150), 12);
    expect(await t.backend.listRuns(s.id)).toEqual([]);
    expect(await t.backend.listAnalyses(s.id)).toEqual([]);
  });

  it('a newer preview cancels the one still running', async () => {
    const s = await scenario({ horizon_s: 600 });
    const first = t.backend.previewRun(s.id, { json: s.json, sets: [{ path: 'serving.services[0].replicas', value: 8 }] });
    const second = t.backend.previewRun(s.id, { json: s.json, sets: [{ path: 'serving.services[0].replicas', value: 12 }] });
    const [a, b] = await Promise.all([first, second]);
    expect(b.ok).toBe(true);
    // The first either finished before the second arrived or was cancelled by it; never both answers late.
    if (!a.ok) expect(a.reason).toBe('cancelled');
  });

  it('names the field for a bad slider path or value', async () => {
    const s = await scenario();
    const noPath = await t.backend.previewRun(s.id, { json: s.json, sets: [{ path: 'serving.services[3].replicas', value: 2 }] });
    expect(noPath).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'options.sets' }] });
    const bad = await t.backend.previewRun(s.id, { json: s.json, sets: [{ path: 'serving.services[0].replicas', value: 0 }] });
    expect(bad).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'serving.services[0].replicas' }] });
  });

  it('sizes the window to the arrival rate; clusters and pipelines keep their horizon', () => {
    const v = validateScenario(JSON.parse(quickExample({ horizon_s: 3600 })));
    if (!v.ok) throw new Error('invalid');
    expect(previewHorizon(v.scenario, {})).toBe(50);
    const slow = { ...v.scenario, serving: { services: v.scenario.serving!.services.map((x) => ({ ...x, arrivals: { process: 'poisson' as const, rate_rps: 10 } })) } };
    expect(previewHorizon(slow, {})).toBe(60);
    const noServing = { ...v.scenario };
    delete noServing.serving;
    expect(previewHorizon(noServing, {})).toBe(3600);
  });
});

describe('analyses', () => {
  it('a sweep is kept with its version, listed, opened and deleted; progress arrives under its request id', async () => {
    const s = await scenario();
    const events: RunEvent[] = [];
    const off = t.backend.subscribe((e) => events.push(e));
    const r = await t.backend.runAnalysis(s.id, { kind: 'sweep', sets: [{ path: 'serving.services[0].replicas', from: 9, to: 11 }], replications: 2, requestId: 'sw-1' });
    off();
    if (!r.ok) throw new Error(r.message);
    expect(r.analysis.summary).toMatchObject({ kind: 'sweep', scenarioId: s.id, scenarioVersion: 1, title: 'Sweep serving.services[0].replicas=9:11' });
    const progress = events.filter((e) => e.type === 'analysis');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ requestId: 'sw-1', fraction: 1 });
    const listed = await t.backend.listAnalyses(s.id);
    expect(listed.map((a) => a.id)).toEqual([r.analysis.summary.id]);
    const opened = await t.backend.getAnalysis(r.analysis.summary.id);
    expect(opened.document).toEqual(r.analysis.document);
    await t.backend.deleteAnalysis(r.analysis.summary.id);
    expect(await t.backend.listAnalyses(s.id)).toEqual([]);
    await expect(t.backend.getAnalysis(r.analysis.summary.id)).rejects.toThrow(/no analysis/);
  });

  it('cancel stops it within a second and keeps nothing', async () => {
    const s = await scenario({ horizon_s: 3000 });
    const running = t.backend.runAnalysis(s.id, { kind: 'sweep', sets: [{ path: 'serving.services[0].replicas', from: 8, to: 20 }], replications: 4, requestId: 'sw-2' });
    await new Promise((r) => setTimeout(r, 300));
    const asked = Date.now();
    await t.backend.cancelAnalysis('sw-2');
    const r = await running;
    expect(Date.now() - asked).toBeLessThan(1000);
    expect(r).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(await t.backend.listAnalyses(s.id)).toEqual([]);
  });

  it('answers bad requests naming the field, with nothing simulated or kept', async () => {
    const s = await scenario();
    expect(await t.backend.runAnalysis(s.id, { kind: 'sweep', sets: [{ path: 'serving.services[0].nope.x', from: 1, to: 2 }] }))
      .toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'request.sets', message: expect.stringMatching(/does not exist/) }] });
    expect(await t.backend.runAnalysis(s.id, { kind: 'sweep', sets: [{ path: 'serving.services[0].replicas', from: 0, to: 1 }] }))
      .toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'serving.services[0].replicas', message: expect.stringMatching(/with serving.services\[0\].replicas = 0/) }] });
    expect(await t.backend.runAnalysis(s.id, { kind: 'solve', target: 'service', id: 'nope' }))
      .toMatchObject({ ok: false, errors: [{ path: 'request.id', message: expect.stringMatching(/no service "nope"/) }] });
    expect(await t.backend.runAnalysis(s.id, { kind: 'solve', target: 'pool', id: 'gpu_pool_a', maxQueueDelayS: 10 }))
      .toMatchObject({ ok: false, errors: [{ path: 'cluster.pools[0]', message: expect.stringMatching(/no job runs on pool/) }] });
    expect(await t.backend.runAnalysis(s.id, { kind: 'sensitivity', figure: 'serving.risk_model_api.nope', replications: 1 }))
      .toMatchObject({ ok: false, errors: [{ path: 'request.figure' }] });
    expect(await t.backend.listAnalyses(s.id)).toEqual([]);
  });
});
