// Cancel latency, measured over several runs cancelled mid-simulation on a real backend with real
// worker threads: each is recorded `cancelled` within a second of cancelRun. The times are
// recorded for docs/reliability.md (test/reliability-record.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigures } from '../../reliability-record';
import { closeTempBackend, openTempBackend, quickExample, type TempBackend } from '../temp-backend';

const RUNS = 5;
let t: TempBackend;

beforeAll(() => { t = openTempBackend('headroom-cancel-'); });
afterAll(async () => { await closeTempBackend(t); });

describe('cancel latency', () => {
  it(`${RUNS} runs cancelled mid-simulation each end cancelled within a second`, async () => {
    const { backend } = t;
    const created = await backend.createScenario(quickExample({ horizon_s: 100_000, replications: 2 }));
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const latencies: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await backend.startRun(created.scenario.id);
      await new Promise<void>((resolve) => {
        const off = backend.subscribe((e) => { if (e.type === 'progress' && e.progress.runId === run.id) { off(); resolve(); } });
      });
      const final = new Promise<string>((resolve) => {
        const off = backend.subscribe((e) => {
          if (e.type === 'status' && e.run.id === run.id && !['queued', 'running'].includes(e.run.status)) { off(); resolve(e.run.status); }
        });
      });
      const t0 = performance.now();
      await backend.cancelRun(run.id);
      expect(await final).toBe('cancelled');
      latencies.push(performance.now() - t0);
    }
    expect(Math.max(...latencies)).toBeLessThan(1000);
    recordFigures('cancel latency', { kind: 'latency', ms: latencies.map((x) => Math.round(x)) });
  });
});
