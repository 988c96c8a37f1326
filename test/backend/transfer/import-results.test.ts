// Results computed by the built CLI (`headroom run --json`, `headroom sweep --json`; a merge of
// shards writes the same documents) imported into a real library in a temp folder: kept as a
// run or an analysis of the scenario version they name by hash, shown like the app's own (the
// same figures as a local run of that version and seed), once per document; refused, saying
// why, when the scenario is not in the library, in the trash, or the file is no such document.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, ResultDocument } from '../../../electron/common/contract';
import { importLabel } from '../../../electron/backend/transfer/import-results';
import { runCli } from '../../cli/run-cli';
import { checked, quickExample, tempBackendForEach, waitForFinal, type TempBackend } from '../temp-backend';

const SCENARIO = `${quickExample({ name: 'Imported results' })}\n`;
const SWEEP_SET = 'serving.services[0].replicas=9:10';

let work: string;
let runText: string;
let sweepText: string;
let analyzeText: string;

/** The CLI's stdout for `args`, which must succeed. */
async function cli(args: string[]): Promise<string> {
  const r = await runCli(args, { cwd: work });
  if (r.code !== 0) throw new Error(`headroom ${args.join(' ')}: exit ${r.code}\n${r.stderr}`);
  return r.stdout;
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-import-results-'));
  fs.writeFileSync(path.join(work, 'scenario.json'), SCENARIO);
  [runText, sweepText, analyzeText] = await Promise.all([
    cli(['run', 'scenario.json', '--seed', '7', '--replications', '2', '--json']),
    cli(['sweep', 'scenario.json', '--set', SWEEP_SET, '--seed', '7', '--replications', '2', '--json']),
    cli(['analyze', 'scenario.json', '--json']),
  ]);
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let t: TempBackend;
tempBackendForEach('headroom-import-results-lib-', (x) => { t = x; });

/** Imports files as File → Import or a drop does, through the table's gate (results checked). */
async function importFiles(...files: { name: string; text: string }[]): Promise<ImportResult> {
  return checked(t.backend).importScenarios(files) as Promise<ImportResult>;
}

async function importScenario(): Promise<string> {
  const r = await importFiles({ name: 'scenario.json', text: SCENARIO });
  expect(r.problems).toEqual([]);
  return r.imported[0]!.id;
}

/** The document without the one field two identical runs may differ in. */
const withoutWall = (doc: ResultDocument) => ({ ...doc, engine: { ...doc.engine, wall_ms: 0 } });

describe('importing a result document of `headroom run --json`', () => {
  it('keeps it as a finished run of the version it names, labelled, with the figures a local run of that version and seed gets', async () => {
    const scenarioId = await importScenario();
    const r = await importFiles({ name: 'results/run.json', text: runText });
    expect(r.problems).toEqual([]);
    expect(r.imported).toEqual([]);
    expect(r.results).toEqual([{
      kind: 'run', file: 'results/run.json', id: expect.any(String), scenarioId, scenarioName: 'Imported results', scenarioVersion: 1,
      alreadyImported: false, missingShards: [],
    }]);
    const runId = r.results![0]!.id;
    const runs = await t.backend.listRuns(scenarioId);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ id: runId, status: 'done', seed: 7, replications: 2, scenarioVersion: 1, label: 'imported from run.json' });
    const doc = JSON.parse(runText) as ResultDocument;
    expect(await t.backend.getRunResult(runId)).toEqual(doc);

    // A local run of the same version and seed: the same document but for the wall clock, and the same headline.
    const local = await t.backend.startRun(scenarioId, { seed: 7, replications: 2 });
    const done = await waitForFinal(t.backend, local.id);
    expect(done.status).toBe('done');
    expect(withoutWall((await t.backend.getRunResult(local.id))!)).toEqual(withoutWall(doc));
    const listed = await t.backend.listRuns(scenarioId);
    expect(listed.find((x) => x.id === runId)!.headline).toEqual(done.headline);
    expect(done.headline).not.toBeNull();

    // It opens where a local run does: its report, and a comparison with the local run.
    expect((await t.backend.renderRunReport(runId, 'md')).text).toContain('Imported results');
    const cmp = await t.backend.compareRuns(runId, local.id);
    expect(cmp.a).toMatchObject({ runId, seed: 7 });
  });

  it('keeps the same document once: again, or re-indented, it answers the first import and adds nothing', async () => {
    const scenarioId = await importScenario();
    const first = await importFiles({ name: 'run.json', text: runText });
    const again = await importFiles({ name: 'copy-of-run.json', text: JSON.stringify(JSON.parse(runText)) });
    expect(again.problems).toEqual([]);
    expect(again.results![0]).toMatchObject({ id: first.results![0]!.id, alreadyImported: true });
    expect(await t.backend.listRuns(scenarioId)).toHaveLength(1);
    // Another run (another seed) is another document.
    const other = await cli(['run', 'scenario.json', '--seed', '8', '--replications', '2', '--json']);
    expect((await importFiles({ name: 'run-8.json', text: other })).results![0]!.alreadyImported).toBe(false);
    expect(await t.backend.listRuns(scenarioId)).toHaveLength(2);
  });

  it('imports the scenario and its result together, whatever their order in the selection', async () => {
    const r = await importFiles({ name: 'run.json', text: runText }, { name: 'scenario.json', text: SCENARIO });
    expect(r.problems).toEqual([]);
    expect(r.imported).toHaveLength(1);
    expect(r.results![0]!.scenarioId).toBe(r.imported[0]!.id);
  });

  it('refuses a result whose scenario is not in the library, naming the hash and asking for the scenario first', async () => {
    await t.backend.createScenario(quickExample({ name: 'Something else' }));
    const doc = JSON.parse(runText) as ResultDocument;
    const r = await importFiles({ name: 'run.json', text: runText });
    expect(r.results).toBeUndefined();
    expect(r.problems).toEqual([{
      file: 'run.json', path: 'scenario.sha256',
      message: `${doc.scenario.sha256} (“Imported results”): no scenario version in the library has this hash; import the scenario file it ran (File → Import), then this file again`,
    }]);
  });

  it('refuses a result whose scenario is in the trash, saying to restore it', async () => {
    const scenarioId = await importScenario();
    await t.backend.deleteScenario(scenarioId);
    const r = await importFiles({ name: 'run.json', text: runText });
    expect(r.problems).toEqual([{ file: 'run.json', path: 'scenario.sha256', message: expect.stringMatching(/^names v1 of “Imported results”, which is in the trash: restore/) }]);
    await t.backend.restoreFromTrash(scenarioId);
    expect((await importFiles({ name: 'run.json', text: runText })).results).toHaveLength(1);
  });

  it('refuses what is no result to keep: a shard\'s part, the analytic document, a broken hash, a comparison, a missing section', async () => {
    await importScenario();
    const doc = JSON.parse(runText) as Record<string, unknown>;
    const cases: [string, unknown, { path: string; message: RegExp }][] = [
      ['part.json', { format: 'headroom.part/v1', command: 'run' }, { path: 'format', message: /^is one shard's part: merge the parts first \(headroom merge/ }],
      ['analyze.json', JSON.parse(analyzeText), { path: 'engine', message: /headroom analyze/ }],
      ['bad-hash.json', { ...doc, scenario: { name: 'Imported results', sha256: 'abc' } }, { path: 'scenario.sha256', message: /64 lowercase hex/ }],
      ['no-seed.json', { ...doc, seed: -1 }, { path: 'seed', message: /whole number/ }],
      ['compare.json', { format: 'headroom.compare/v1' }, { path: 'format', message: /comparison/ }],
      ['extra-service.json', { ...doc, serving: { ...(doc.serving as object), ghost: { analytic: {} } } }, { path: 'serving.ghost', message: /not a service of v1/ }],
    ];
    for (const [name, value, want] of cases) {
      const r = await importFiles({ name, text: JSON.stringify(value) });
      expect(r.results, name).toBeUndefined();
      expect(r.problems[0], name).toMatchObject({ file: name, path: want.path, message: expect.stringMatching(want.message) });
    }
    expect(await t.backend.listRuns((await t.backend.listScenarios())[0]!.id)).toEqual([]);
  });

  it('keeps a partial merge, its label saying how many shards were missing', async () => {
    const scenarioId = await importScenario();
    const partial = { ...JSON.parse(runText), partial: { shards: 4, missing_shards: [3, 1], units: 1, of_units: 2 } };
    const r = await importFiles({ name: 'merged-partial.json', text: JSON.stringify(partial) });
    expect(r.results![0]).toMatchObject({ kind: 'run', missingShards: [1, 3], alreadyImported: false });
    expect((await t.backend.listRuns(scenarioId))[0]!.label).toBe('partial: 2 of 4 shards missing, imported from merged-partial.json');
    const bad = await importFiles({ name: 'bad-partial.json', text: JSON.stringify({ ...partial, partial: { shards: 2, missing_shards: [5] } }) });
    expect(bad.problems[0]).toMatchObject({ path: 'partial' });
  });
});

describe('importing a sharded run merged by `headroom merge`', () => {
  it('keeps the merged document as a run, and a partial merge (--allow-partial) labelled with what it lacks', async () => {
    const scenarioId = await importScenario();
    const shard = (i: number) => cli(['run', 'scenario.json', '--seed', '7', '--replications', '4', '--shard', `${i}/2`, '--out', `part-${i}.json`]);
    await Promise.all([shard(0), shard(1)]);
    await cli(['merge', 'part-0.json', 'part-1.json', '--out', 'merged.json']);
    await cli(['merge', 'part-1.json', '--allow-partial', '--out', 'partial.json']);
    const single = JSON.parse(await cli(['run', 'scenario.json', '--seed', '7', '--replications', '4', '--json'])) as ResultDocument;

    const whole = await importFiles({ name: 'merged.json', text: fs.readFileSync(path.join(work, 'merged.json'), 'utf8') });
    expect(whole.problems).toEqual([]);
    const runId = whole.results![0]!.id;
    expect(withoutWall((await t.backend.getRunResult(runId))!)).toEqual(withoutWall(single));

    const partial = await importFiles({ name: 'partial.json', text: fs.readFileSync(path.join(work, 'partial.json'), 'utf8') });
    expect(partial.problems).toEqual([]);
    expect(partial.results![0]).toMatchObject({ kind: 'run', missingShards: [0], alreadyImported: false });
    const runs = await t.backend.listRuns(scenarioId);
    expect(runs.map((r) => r.label).sort()).toEqual(['imported from merged.json', 'partial: 1 of 2 shards missing, imported from partial.json']);
  });
});

describe('importing a sweep document of `headroom sweep --json`', () => {
  it('keeps it as an analysis of the version it swept, with the points a sweep in the app finds', async () => {
    const scenarioId = await importScenario();
    // A later version (the sweep ran v1): the base is found by the points' hashes, not by "latest".
    await t.backend.updateScenario(scenarioId, quickExample({ name: 'Imported results', horizon_s: 30 }));
    const r = await importFiles({ name: 'sweep.json', text: sweepText });
    expect(r.problems).toEqual([]);
    expect(r.results).toEqual([{
      kind: 'sweep', file: 'sweep.json', id: expect.any(String), scenarioId, scenarioName: 'Imported results', scenarioVersion: 1, alreadyImported: false, missingShards: [],
    }]);
    const [summary] = await t.backend.listAnalyses(scenarioId);
    expect(summary).toMatchObject({ id: r.results![0]!.id, kind: 'sweep', scenarioVersion: 1, title: 'Sweep serving.services[0].replicas=9:10, imported from sweep.json' });
    const record = await t.backend.getAnalysis(summary!.id);
    const cliDoc = JSON.parse(sweepText) as { points: { values: number[]; result: ResultDocument }[] };
    expect(record.document).toMatchObject({ kind: 'sweep', seed: 7, replications: 2 });
    expect(record.document.kind === 'sweep' && record.document.sweep).toEqual(cliDoc);

    // The app's own sweep of v1's text with the same seed finds the same figures.
    await t.backend.updateScenario(scenarioId, SCENARIO);
    const own = await t.backend.runAnalysis(scenarioId, { kind: 'sweep', sets: [{ path: 'serving.services[0].replicas', from: 9, to: 10 }], seed: 7, replications: 2 });
    if (!own.ok || own.analysis.document.kind !== 'sweep') throw new Error(JSON.stringify(own));
    expect(own.analysis.document.sweep.points.map((p) => withoutWall(p.result))).toEqual(cliDoc.points.map((p) => withoutWall(p.result)));

    const again = await importFiles({ name: 'sweep.json', text: sweepText });
    expect(again.results![0]).toMatchObject({ id: summary!.id, alreadyImported: true });
    expect(await t.backend.listAnalyses(scenarioId)).toHaveLength(2);
  });

  it('refuses a sweep of a scenario the library does not have, and one whose points do not belong together', async () => {
    await t.backend.createScenario(quickExample({ name: 'Imported results', seed: 99 })); // same name, other text
    const r = await importFiles({ name: 'sweep.json', text: sweepText });
    expect(r.problems).toEqual([{ file: 'sweep.json', path: 'points[0].result.scenario.sha256', message: expect.stringMatching(/^no scenario version in the library named “Imported results” gives [0-9a-f]{12}… with serving.services\[0\].replicas = 9; import the scenario file/) }]);
    const doc = JSON.parse(sweepText) as { points: { result: { seed: number } }[] };
    doc.points[1]!.result.seed = 8;
    const mixed = await importFiles({ name: 'mixed.json', text: JSON.stringify(doc) });
    expect(mixed.problems[0]).toMatchObject({ path: 'points[1].result.seed', message: expect.stringMatching(/not one sweep/) });
  });
});

describe('the size of an imported document', () => {
  // The sweep's own document, indented wider: the same JSON (the same document hash), as large as
  // a merged sweep of a few hundred points (a 20 × 20 sweep of the risk-model example is 84 MiB).
  const widened = (text: string, bytes: number) => {
    const lines = text.split('\n');
    const pad = ' '.repeat(Math.ceil(bytes / lines.length));
    return lines.join(`\n${pad}`);
  };

  it('takes a sweep over the 10 MiB of a scenario file, up to 200 MiB; a scenario file over 10 MiB is still refused', async () => {
    const scenarioId = await importScenario();
    const big = widened(sweepText, 12 * 1024 * 1024);
    expect(Buffer.byteLength(big)).toBeGreaterThan(12 * 1024 * 1024);
    const r = await importFiles({ name: 'merged.json', text: big });
    expect(r.problems).toEqual([]);
    expect(r.results).toEqual([expect.objectContaining({ kind: 'sweep', scenarioId, alreadyImported: false })]);
    // The same document as the compact one: imported once.
    expect((await importFiles({ name: 'sweep.json', text: sweepText })).results![0]).toMatchObject({ id: r.results![0]!.id, alreadyImported: true });

    const bigScenario = widened(SCENARIO, 11 * 1024 * 1024);
    const s = await importFiles({ name: 'wide.json', text: bigScenario });
    expect(s.imported).toEqual([]);
    expect(s.problems).toEqual([{ file: 'wide.json', path: '(file)', message: 'is larger than 10 MiB (only a result or sweep document may be up to 200 MiB)' }]);
  });

  it('refuses a file over 200 MiB, and files over 240 MiB together, before the backend reads them', async () => {
    await expect(importFiles({ name: 'huge.json', text: ' '.repeat(200 * 1024 * 1024 + 1) })).rejects.toThrow(/^files\[0\]: huge.json is larger than 200 MiB/);
    const half = ' '.repeat(130 * 1024 * 1024);
    await expect(importFiles({ name: 'a.json', text: half }, { name: 'b.json', text: half })).rejects.toThrow(/^files: are larger than 240 MiB together/);
  });
});

describe('the label of an imported run', () => {
  it('fits the 80 characters of a run label, keeping the end of a long file name', () => {
    expect(importLabel('/a/b/run.json', null)).toBe('imported from run.json');
    expect(importLabel('C:\\parts\\merged.json', { shards: 20, missingShards: [4] })).toBe('partial: 1 of 20 shards missing, imported from merged.json');
    const long = importLabel(`${'x'.repeat(200)}-final.json`, { shards: 10_000, missingShards: [1, 2, 3] });
    expect(long).toHaveLength(80);
    expect(long).toMatch(/^partial: 3 of 10000 shards missing, imported from …x+-final\.json$/);
  });
});
