// The rule for the files a scenario names (electron/backend/scenario-file-ref.ts) in the app's
// backend, on a real library and real files, links, a FIFO and a sparse file: saving, importing
// from disk, from the browser and as a bundle refuse anything but a regular file in the
// scenario's folder or below, naming the field, and leave the library as it was; an export never
// hands out the bytes of a name that breaks the rule; legitimate files and byte-order marks work.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex, type Library } from '../../../db';
import type { Backend } from '../../../electron/backend/backend';
import { prepareVersion } from '../../../electron/backend/library/scenario-save';
import { refusedByText, refusedInFolder } from '../../scenario-file-cases';
import { quickExample, tempBackendForEach, waitForFinal } from '../temp-backend';

const FIELD = 'serving.services[0].arrivals.path';
const TRACE = `t\n${Array.from({ length: 200 }, (_, i) => (i * 0.05).toFixed(2)).join('\n')}\n`;
const SECRET = 'secret-outside-the-folder\n1\n2\n';
const passwd = fs.existsSync('/etc/passwd') ? fs.readFileSync('/etc/passwd') : Buffer.from('');

let lib: Library;
let backend: Backend;
let work: string; // holds scenario/ (the scenario's folder) and outside/ (a file it may not name)

tempBackendForEach('headroom-file-rule-', (t) => ({ lib, backend } = t));
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-file-rule-work-'));
  fs.mkdirSync(path.join(work, 'scenario'));
  fs.mkdirSync(path.join(work, 'outside'));
  fs.writeFileSync(path.join(work, 'outside', 'secret.csv'), SECRET);
});

afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

const scenarioDir = () => path.join(work, 'scenario');

function withTrace(value: string, over: Record<string, unknown> = {}): string {
  const s = JSON.parse(quickExample(over)) as { serving: { services: Record<string, unknown>[] } };
  s.serving.services[0]!.arrivals = { process: 'trace', path: value };
  return JSON.stringify(s, null, 2);
}

/** Rows in the library's tables, read through a second (read-only) connection. */
function rows(): Record<string, number> {
  const db = new Database(lib.path, { readonly: true });
  try {
    const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    return { scenarios: count('scenarios'), versions: count('scenario_versions'), files: count('files') };
  } finally {
    db.close();
  }
}

function expectNothingForeignStored(): void {
  for (const content of [passwd, Buffer.from(SECRET)]) expect(lib.files.hasFile(sha256Hex(content))).toBe(false);
}

const folderCases = refusedInFolder('../outside/secret.csv');

describe('saving in the app refuses, naming the field, and stores nothing', () => {
  for (const c of refusedByText) {
    it(`${c.what} (create and update)`, async () => {
      const before = rows();
      const created = await backend.createScenario(withTrace(c.value));
      expect(created).toEqual({ ok: false, errors: [{ path: FIELD, message: expect.stringMatching(c.reason) }] });
      expect(!created.ok && created.errors[0]!.message.startsWith(`${c.value} `)).toBe(true);
      expect(rows()).toEqual(before);

      const saved = await backend.createScenario(quickExample({ name: 'Plain' }));
      if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
      const after = rows();
      expect(await backend.updateScenario(saved.scenario.id, withTrace(c.value))).toMatchObject({ ok: false, errors: [{ path: FIELD }] });
      expect(rows()).toEqual(after);
      expectNothingForeignStored();
    });
  }

  // The app's save resolves names under one folder (the bundled examples'); the same code judges
  // a folder of our making, where links, FIFOs and big files can be put.
  for (const c of folderCases) {
    it.skipIf(c.skip)(`${c.what} in the folder names resolve under`, () => {
      c.setup?.(scenarioDir());
      const before = rows();
      const prepared = prepareVersion(lib, withTrace(c.value), { baseDirs: [scenarioDir()] });
      expect(prepared).toEqual({ ok: false, errors: [{ path: FIELD, message: expect.stringMatching(c.reason) }] });
      expect(rows()).toEqual(before);
      expectNothingForeignStored();
    });
  }
});

describe('importing refuses the scenario, naming the file and the field; the library is unchanged', () => {
  for (const c of [...refusedByText, ...folderCases]) {
    it.skipIf(c.skip)(`${c.what}, imported from disk`, () => {
      c.setup?.(scenarioDir());
      const file = path.join(scenarioDir(), 'scenario.json');
      fs.writeFileSync(file, withTrace(c.value));
      const before = rows();
      const result = backend.importFromPaths([file]);
      expect(result.imported).toEqual([]);
      expect(result.problems).toEqual([{ file, path: FIELD, message: expect.stringMatching(c.reason) }]);
      expect(rows()).toEqual(before);
      expectNothingForeignStored();
    });
  }

  it('a foreign name with a file of that base name handed over (browser import)', async () => {
    const before = rows();
    const result = await backend.importScenarios([
      { name: 'replay.json', text: withTrace('/etc/passwd') },
      { name: 'passwd', text: 'root:x:0:0\n' },
    ]);
    expect(result).toEqual({ imported: [], problems: [{ file: 'replay.json', path: FIELD, message: expect.stringMatching(/is an absolute path/) }] });
    expect(rows()).toEqual(before);
  });

  it('a bundle whose version names a foreign path, even with the bytes included', async () => {
    const content = Buffer.from(TRACE);
    const bundle = {
      format: 'headroom.bundle/v1', exported_at: '2025-01-01T00:00:00.000Z', app_version: '1',
      scenarios: [{ name: 'Sneaky', tags: [], versions: [
        { version: 1, created_at: '2025-01-01T00:00:00.000Z', note: '', scenario: withTrace('../../../../etc/passwd', { name: 'Sneaky' }),
          files: [{ json_path: FIELD, file_name: '../../../../etc/passwd', sha256: sha256Hex(content) }] },
      ] }],
      files: [{ sha256: sha256Hex(content), size: content.length, base64: content.toString('base64') }],
    };
    const before = rows();
    const result = await backend.importScenarios([{ name: 's.bundle.json', text: JSON.stringify(bundle) }]);
    expect(result).toEqual({ imported: [], problems: [{ file: 's.bundle.json', path: `scenarios[0].versions[0].scenario › ${FIELD}`, message: expect.stringMatching(/leaves the scenario's folder/) }] });
    expect(rows()).toEqual(before);
  });
});

describe('an export never hands out the bytes behind a name that breaks the rule', () => {
  it('a version stored before the rule, naming /etc/passwd: export, history export and run are refused', async () => {
    // Written straight to the library, as an older app would have stored it.
    const stolen = Buffer.from('root:x:0:0:root:/root:/bin/bash\n');
    const json = withTrace('/etc/passwd', { name: 'Legacy' });
    const rec = lib.transaction(() => {
      const { sha256 } = lib.files.putFile(stolen);
      return lib.scenarios.createScenario({ name: 'Legacy', json, sections: ['serving'], sha256: sha256Hex(json), files: [{ jsonPath: FIELD, fileName: '/etc/passwd', sha256 }] });
    });
    for (const history of [false, true]) {
      let message = '';
      try {
        await backend.exportScenarios([rec.id], { history });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(new RegExp(`${FIELD.replace(/[[\].]/g, '\\$&')}: /etc/passwd is an absolute path`));
      expect(message).not.toContain('root:x');
    }
    const out = path.join(work, 'export');
    fs.mkdirSync(out);
    expect(() => backend.exportToPath([rec.id], {}, path.join(out, 'legacy.json'))).toThrow(/is an absolute path/);
    expect(fs.readdirSync(out)).toEqual([]);
    await expect(backend.startRun(rec.id)).rejects.toThrow(/serving\.services\[0\]\.arrivals\.path: \/etc\/passwd is an absolute path/);
  });
});

describe('legitimate files still work', () => {
  it('a trace and a job trace in subfolders: imported with their files, exported beside the JSON, run from the library copy', async () => {
    fs.mkdirSync(path.join(scenarioDir(), 'data', 'deeper'), { recursive: true });
    fs.writeFileSync(path.join(scenarioDir(), 'data', 'deeper', 'trace.csv'), TRACE);
    fs.writeFileSync(path.join(scenarioDir(), 'data', 'jobs.csv'), 'arrival_s,units,step_time_s,steps\n0,4,2,10\n5,2,3,5\n');
    fs.writeFileSync(path.join(scenarioDir(), 'serving.json'), withTrace('data/deeper/trace.csv', { name: 'Served' }));
    fs.writeFileSync(path.join(scenarioDir(), 'cluster.json'), JSON.stringify({
      format: 'headroom.scenario/v1', name: 'Jobs', replications: 2, horizon_s: 100,
      cluster: { pools: [{ id: 'gpu', units: 8 }], job_trace: { path: 'data/jobs.csv', format: 'csv', pool: 'gpu' } },
    }));
    const result = backend.importFromPaths([path.join(scenarioDir(), 'serving.json'), path.join(scenarioDir(), 'cluster.json')]);
    expect(result.problems).toEqual([]);
    const [served, jobs] = result.imported;
    const servedVersion = await backend.getVersion((await backend.getScenario(served!.id)).versionId);
    expect(servedVersion.files).toEqual([expect.objectContaining({ jsonPath: FIELD, fileName: 'data/deeper/trace.csv' })]);
    expect(lib.files.getFile(servedVersion.files[0]!.sha256)!.content.toString()).toBe(TRACE);

    const exported = await backend.exportScenarios([served!.id]);
    expect(exported.companions).toEqual([{ fileName: 'trace.csv', base64: Buffer.from(TRACE).toString('base64') }]);

    fs.rmSync(path.join(scenarioDir(), 'data'), { recursive: true }); // the originals move away
    for (const s of [served!, jobs!]) {
      const run = await backend.startRun(s.id);
      const final = await waitForFinal(backend, run.id);
      expect(final.status, `${s.name}: ${final.error ?? ''}`).toBe('done');
    }
    const cluster = await backend.getRunResult((await backend.listRuns(jobs!.id))[0]!.id);
    expect(cluster?.cluster?.jobs).toMatchObject({ submitted: 4 });
  }, 60_000);

  it('a scenario or bundle that starts with a byte-order mark: saved, imported from disk and from the browser', async () => {
    const text = `\uFEFF${quickExample({ name: 'With BOM' })}`;
    const saved = await backend.createScenario(text);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    expect(saved.scenario.json.charCodeAt(0)).toBe('{'.charCodeAt(0));

    const file = path.join(scenarioDir(), 'bom.json');
    fs.writeFileSync(file, text);
    expect(backend.importFromPaths([file])).toMatchObject({ problems: [], imported: [{ name: 'With BOM' }] });
    expect(await backend.importScenarios([{ name: 'bom.json', text }])).toMatchObject({ problems: [], imported: [{ name: 'With BOM' }] });

    const bundle = await backend.exportScenarios([saved.scenario.id], { history: true });
    const again = await backend.importScenarios([{ name: 'b.bundle.json', text: `\uFEFF${bundle.text}` }]);
    expect(again).toMatchObject({ problems: [], imported: [{ name: 'With BOM' }] });
  });
});
