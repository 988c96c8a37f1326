// The what-if tools give the same numbers in the app and on the command line for the same
// scenario and seed: compare, the two-parameter sweep, the serving and cluster solves and
// sensitivity, each through the real backend (real library, worker threads) and through the
// built CLI in a child process. Also the command line's contracts: JSON shapes, exit codes,
// errors that name the flag or field. Each CLI child runs beside the app's own run (both cores).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisOutcome, CompareDocument } from '../../../electron/common/contract';
import { runCli } from '../../cli/run-cli';
import { closeTempBackend, openTempBackend, waitForFinal, type TempBackend } from '../temp-backend';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-whatif-'));

function headroom(...args: string[]) {
  return runCli(args, { cwd: os.tmpdir(), env: { ...process.env, HEADROOM_DATA_DIR: path.join(tmp, 'never-created') } });
}

/**
 * The CLI's side of an app-vs-CLI check: one worker thread. Results are byte-identical whatever
 * the thread count (docs/cli.md), so this still compares with the app's (2 threads), and it
 * spares a second worker's start-up per simulated variant, which dominates these short runs.
 */
const ONE_THREAD = ['--threads', '1'];

function write(name: string, doc: unknown): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

/** Wall-clock figures differ run to run; everything else must not. */
function withoutWall(doc: unknown): unknown {
  return JSON.parse(JSON.stringify(doc, (k, v: unknown) => (k === 'wall_ms' ? 0 : v)));
}

/**
 * The article's service with a fixed 80 ms service time (the Compare example), shortened
 * to 20 s: 8 replicas (100% busy) against 10 still differ far beyond the CI (about −113 ms
 * [−140, −86] here), and the sensitivity ranking and the fixed component's swing of 8 ms do not
 * depend on the length.
 */
function article(replicas: number): Record<string, unknown> {
  return {
    format: 'headroom.scenario/v1',
    name: `risk model api at ${replicas}`,
    seed: 3,
    replications: 4,
    horizon_s: 20,
    warmup_s: 5,
    serving: {
      services: [{
        id: 'risk_model_api', arrivals: { process: 'poisson', rate_rps: 1200 }, replicas, concurrency: 12,
        service_time_ms: { dist: 'fixed', value: 80 }, latency_ms: { feature: 45, network: 35, postprocess: 20 },
        latency_budget_ms: 200, slo_percentile: 99, cost_per_replica_hour: 3,
      }],
    },
  };
}

function cluster(): Record<string, unknown> {
  return {
    format: 'headroom.scenario/v1',
    name: 'small cluster',
    seed: 5,
    replications: 3,
    horizon_s: 20000,
    cluster: {
      pools: [{ id: 'gpu', units: 16, units_per_node: 8, cost_per_unit_hour: 2 }, { id: 'other', units: 8 }],
      jobs: [
        { id: 'a', pool: 'gpu', arrival_s: 0, units: 8, steps: 2000, step_time_s: { dist: 'exponential', mean: 1 } },
        { id: 'b', pool: 'gpu', arrival_s: 10, units: 16, steps: 1000, step_time_s: { dist: 'exponential', mean: 1 } },
        { id: 'c', pool: 'gpu', arrival_s: 20, units: 8, steps: 1500, step_time_s: { dist: 'exponential', mean: 1 } },
        { id: 'd', pool: 'other', arrival_s: 0, units: 8, steps: 100, step_time_s: { dist: 'fixed', value: 1 } },
      ],
    },
  };
}

let t: TempBackend;
beforeAll(() => { t = openTempBackend('headroom-whatif-app-'); });
afterAll(async () => { await closeTempBackend(t); });

async function saved(doc: Record<string, unknown>): Promise<string> {
  const r = await t.backend.createScenario(JSON.stringify(doc));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.scenario.id;
}

function ok(outcome: AnalysisOutcome) {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.analysis.document;
}

describe('compare', () => {
  it('8 against 10 replicas: a significant p99 difference, paired, the same in the app and the CLI', async () => {
    const fa = write('a8.json', article(8)), fb = write('b10.json', article(10));
    const cliRun = headroom('compare', fa, fb, '--json', ...ONE_THREAD);

    // The app: the same two scenarios as two runs of one scenario (two versions), same seed.
    const sid = await saved(article(8));
    const run8 = await t.backend.startRun(sid, {});
    await waitForFinal(t.backend, run8.id);
    await t.backend.updateScenario(sid, JSON.stringify(article(10)));
    const run10 = await t.backend.startRun(sid, {});
    await waitForFinal(t.backend, run10.id);
    const appDoc = await t.backend.compareRuns(run8.id, run10.id);

    const r = await cliRun;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const cliDoc = JSON.parse(r.stdout) as CompareDocument;
    expect(cliDoc).toMatchObject({ format: 'headroom.compare/v1', method: 'paired', pairs: 4 });
    expect(cliDoc.inputs).toEqual([{ path: 'serving.services[risk_model_api].replicas', a: 8, b: 10 }]);
    const p99 = cliDoc.figures.find((f) => f.path === 'serving.risk_model_api.latency_at_slo_ms')!;
    expect(p99.significant).toBe(true);
    expect(p99.diff!.ci95[1]).toBeLessThan(0);
    for (const f of cliDoc.figures) {
      expect(Object.keys(f).sort()).toEqual(['a', 'b', 'diff', 'path', 'significant']);
    }
    expect(appDoc.method).toBe('paired');
    expect(withoutWall(appDoc.figures)).toEqual(withoutWall(cliDoc.figures));
    expect(appDoc.inputs).toEqual(cliDoc.inputs.concat([]).filter((c) => c.path !== 'name'));
  }, 120_000);

  it('different seeds fall back to Welch; a bad file is named with its field', async () => {
    const fa = write('w8.json', article(8));
    const [r, bad, one] = await Promise.all([
      headroom('compare', fa, write('w10.json', { ...article(10), seed: 4 }), '--json', ...ONE_THREAD),
      headroom('compare', fa, write('bad.json', { ...article(10), replications: 0 })),
      headroom('compare', fa),
    ]);
    // --seed is not given, so both run with A's seed: still paired.
    expect((JSON.parse(r.stdout) as CompareDocument).method).toBe('paired');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^replications: .*\(in .*bad\.json\)$/m);
    expect(one.code).toBe(2);
  }, 60_000);
});

describe('two-parameter sweep', () => {
  it('lists both values per point and equals the app\'s sweep', async () => {
    const file = write('grid.json', article(8));
    const cliRun = headroom('sweep', file, '--set', 'serving.services[0].replicas=9:10', '--set', 'serving.services[0].concurrency=10:12:2', '--json', ...ONE_THREAD);
    const sid = await saved(article(8));
    const doc = ok(await t.backend.runAnalysis(sid, {
      kind: 'sweep', sets: [{ path: 'serving.services[0].replicas', from: 9, to: 10 }, { path: 'serving.services[0].concurrency', from: 10, to: 12, step: 2 }],
    }));

    const r = await cliRun;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const cliDoc = JSON.parse(r.stdout) as { parameter: string; parameters: string[]; points: { value: number; values: number[]; result: unknown }[] };
    expect(cliDoc.parameter).toBe('serving.services[0].replicas');
    expect(cliDoc.parameters).toEqual(['serving.services[0].replicas', 'serving.services[0].concurrency']);
    expect(cliDoc.points.map((p) => p.values)).toEqual([[9, 10], [9, 12], [10, 10], [10, 12]]);
    expect(cliDoc.points.map((p) => p.value)).toEqual([9, 9, 10, 10]);

    if (doc.kind !== 'sweep') throw new Error('not a sweep');
    // The app's scenario is stored (its sha256 differs only by the name); the figures are the same.
    const strip = (d: unknown) => JSON.parse(JSON.stringify(withoutWall(d), (k, v: unknown) => (k === 'scenario' ? undefined : v)));
    expect(strip(doc.sweep)).toEqual(strip(cliDoc));
    expect((await t.backend.listAnalyses(sid)).map((a) => a.kind)).toEqual(['sweep']);
  }, 120_000);

  it('a third --set or a grid past the limit is a usage error', async () => {
    const file = write('grid3.json', article(8));
    const r = await headroom('sweep', file, '--set', 'a=1:2', '--set', 'b=1:2', '--set', 'c=1:2');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/one or two parameters/);
  });
});

describe('cluster solve', () => {
  it('answers units with evidence, equal to the app\'s', async () => {
    const file = write('cluster.json', cluster());
    const cliRun = headroom('solve', file, '--pool', 'gpu', '--max-queue-delay-s', '60', '--replications', '3', '--json', ...ONE_THREAD);
    const sid = await saved(cluster());
    const doc = ok(await t.backend.runAnalysis(sid, { kind: 'solve', target: 'pool', id: 'gpu', maxQueueDelayS: 60, replications: 3 }));

    const r = await cliRun;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const cliDoc = JSON.parse(r.stdout) as { pool: string; units: number | null; evidence: { units: number; meets: boolean }[]; search_min: number };
    expect(cliDoc.pool).toBe('gpu');
    expect(cliDoc.search_min).toBe(16);
    // 16 units: b waits for a, c for b — delays of thousands of seconds; 32 units run a+b at once.
    expect(cliDoc.units).toBe(32);
    expect(cliDoc.evidence.find((e) => e.units === 16)!.meets).toBe(false);
    // The answer is the fewest: one node fewer was simulated and missed.
    expect(cliDoc.evidence.find((e) => e.units === 24)!.meets).toBe(false);
    expect(cliDoc.evidence.every((e) => e.units % 8 === 0)).toBe(true);

    if (doc.kind !== 'solve') throw new Error('not a solve');
    const { target, ...appSolve } = doc.solve;
    expect(target).toBe('pool');
    expect(appSolve).toEqual(cliDoc);
  }, 120_000);

  it('names the flag when the pool or the percentile is wrong', async () => {
    const file = write('cluster2.json', cluster());
    const [noPool, badP, noDelay] = await Promise.all([
      headroom('solve', file, '--pool', 'nope', '--max-queue-delay-s', '60'),
      headroom('solve', file, '--pool', 'gpu', '--max-queue-delay-s', '60', '--percentile', '97'),
      headroom('solve', file, '--pool', 'gpu'),
    ]);
    expect(noPool.code).toBe(2);
    expect(noPool.stderr).toMatch(/^--pool: no pool "nope" in the scenario \(pools: gpu, other\)$/m);
    expect(badP.code).toBe(2);
    expect(badP.stderr).toMatch(/^--percentile: must be one of 1, 5, 10, 25, 50, 75, 90, 95, 99/m);
    expect(noDelay.stderr).toMatch(/--max-queue-delay-s/);
  });
});

describe('sensitivity', () => {
  it('ranks the service\'s inputs by swing, equal to the app\'s', async () => {
    const doc10 = article(10);
    const file = write('sens.json', doc10);
    const cliRun = headroom('sensitivity', file, '--figure', 'serving.risk_model_api.latency_ms.p99', '--replications', '2', '--json', ...ONE_THREAD);
    const sid = await saved(doc10);
    const doc = ok(await t.backend.runAnalysis(sid, { kind: 'sensitivity', figure: 'serving.risk_model_api.latency_ms.p99', replications: 2 }));

    const r = await cliRun;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const cliDoc = JSON.parse(r.stdout) as { figure: string; inputs: { path: string; low: unknown; high: unknown; swing: number | null }[] };
    expect(cliDoc.figure).toBe('serving.risk_model_api.latency_ms.p99');
    const swings = cliDoc.inputs.map((i) => i.swing ?? -1);
    expect(swings).toEqual([...swings].sort((x, y) => y - x));
    // At 10 replicas (80% busy) replicas, rate and service time move p99 far more than a fixed component.
    const rank = (p: string) => cliDoc.inputs.findIndex((i) => i.path === p);
    expect(rank('serving.services[0].latency_ms.postprocess')).toBeGreaterThan(rank('serving.services[0].replicas'));
    expect(cliDoc.inputs.find((i) => i.path === 'serving.services[0].latency_ms.postprocess')!.swing).toBeCloseTo(8, 0);

    if (doc.kind !== 'sensitivity') throw new Error('not a sensitivity');
    expect(doc.sensitivity).toEqual(cliDoc);
  }, 180_000);

  it('an unknown figure names --figure and suggests near ones', async () => {
    const file = write('sens2.json', article(10));
    const r = await headroom('sensitivity', file, '--figure', 'serving.risk_model_api.latency_ms.p98', '--replications', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--figure: no figure "serving\.risk_model_api\.latency_ms\.p98" in the result; figures near it: serving\.risk_model_api\.latency_ms\./m);
  }, 60_000);
});
