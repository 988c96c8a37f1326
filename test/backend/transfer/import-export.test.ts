// Import and export of scenario files through the backend, on real files: plain scenario files
// with the trace files they name beside them, bundles with whole histories, strict validation
// (the CLI's schema, size cap, depth limit, prototype keys, newer formats), and atomic writes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../db';
import { Backend } from '../../../electron/backend/backend';
import { writeExport } from '../../../electron/backend/transfer/import-export';
import type { ImportFile } from '../../../electron/common/contract';
import { canMountTmpfs, fillDisk, mountTmpfs, snapshot } from '../../db/helpers';

const example = fs.readFileSync(path.resolve(__dirname, '../../../assets/examples/risk-model-api.json'), 'utf8');
const TRACE = `t\n${Array.from({ length: 50 }, (_, i) => (i * 0.1).toFixed(1)).join('\n')}\n`;

function scenarioText(over: Record<string, unknown> = {}): string {
  const s = JSON.parse(example) as Record<string, unknown>;
  return `${JSON.stringify({ ...s, horizon_s: 20, warmup_s: 0, replications: 2, ...over }, null, 2)}\n`;
}

function withTrace(tracePath: string, over: Record<string, unknown> = {}): string {
  const s = JSON.parse(scenarioText(over)) as { serving: { services: Record<string, unknown>[] } };
  s.serving.services[0]!.arrivals = { process: 'trace', path: tracePath };
  return `${JSON.stringify(s, null, 2)}\n`;
}

let dir: string;
let work: string;
let lib: Library;
let backend: Backend;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-io-'));
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-io-files-'));
  lib = openLibrary(dir);
  backend = new Backend({ library: lib, dataDir: dir, shell: 'web', threads: 1 });
});

afterEach(async () => {
  await backend.shutdown();
  lib.close();
  for (const d of [dir, work]) fs.rmSync(d, { recursive: true, force: true });
});

async function create(text: string) {
  const saved = await backend.createScenario(text);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return saved.scenario;
}

/** Imports `text` as a scenario file saved in `work` (so relative file names resolve there), as the desktop app does. */
function importFromWork(text: string, name = 'scenario-source.json') {
  const file = path.join(work, name);
  fs.writeFileSync(file, text);
  const result = backend.importFromPaths([file]);
  if (result.problems.length > 0) throw new Error(JSON.stringify(result.problems));
  return result.imported[0]!;
}

const count = async () => (await backend.listScenarios()).length;

describe('export', () => {
  it('a scenario without files is its stored text, unchanged', async () => {
    const text = scenarioText({ name: 'Risk model — Q3 / peak!' });
    const a = await create(text);
    const exported = await backend.exportScenarios([a.id]);
    expect(exported).toEqual({ fileName: 'risk-model-q3-peak.json', mediaType: 'application/json', text, companions: [] });
  });

  it('a scenario with a trace: the JSON names the file beside it, and the round trip brings both back', async () => {
    const trace = path.join(work, 'deep', 'folder', 'arrivals.csv');
    fs.mkdirSync(path.dirname(trace), { recursive: true });
    fs.writeFileSync(trace, TRACE);
    const a = importFromWork(withTrace('deep/folder/arrivals.csv', { name: 'Replay' }));
    fs.rmSync(trace); // the original moves away; the library still has it

    const out = path.join(work, 'export');
    fs.mkdirSync(out);
    const written = backend.exportToPath([a.id], {}, path.join(out, 'replay.json'));
    expect(fs.readdirSync(out).sort()).toEqual(['arrivals.csv', 'replay.json']); // no temp files
    expect(fs.readFileSync(path.join(out, 'arrivals.csv'), 'utf8')).toBe(TRACE);
    expect(JSON.parse(fs.readFileSync(written, 'utf8')).serving.services[0].arrivals.path).toBe('arrivals.csv');

    const result = backend.importFromPaths([written]);
    expect(result.problems).toEqual([]);
    expect(result.imported).toHaveLength(1);
    const version = await backend.getVersion((await backend.getScenario(result.imported[0]!.id)).versionId);
    expect(version.note).toBe('imported from replay.json');
    expect(version.files).toEqual([expect.objectContaining({ fileName: 'arrivals.csv' })]);
    expect(lib.files.getFile(version.files[0]!.sha256)!.content.toString()).toBe(TRACE);

    // The browser preview hands the same files over as text.
    const viaBrowser = await backend.importScenarios([
      { name: 'replay.json', text: fs.readFileSync(written, 'utf8') },
      { name: 'arrivals.csv', text: TRACE },
    ]);
    expect(viaBrowser.problems).toEqual([]);
    expect(viaBrowser.imported.map((s) => s.name)).toEqual(['Replay']);
    const alone = await backend.importScenarios([{ name: 'replay.json', text: fs.readFileSync(written, 'utf8') }]);
    expect(alone).toEqual({ imported: [], problems: [{ file: 'replay.json', path: 'serving.services[0].arrivals.path', message: 'the file arrivals.csv was not found: select it together with the scenario file' }] });
  });

  it('a bundle keeps every version, note, time, tag and file, and imports whole', async () => {
    const trace = path.join(work, 'arrivals.csv');
    fs.writeFileSync(trace, TRACE);
    const a = await create(scenarioText({ name: 'Alpha' }));
    await backend.updateScenario(a.id, scenarioText({ name: 'Alpha', seed: 2 }));
    await backend.renameScenario(a.id, 'Alpha prime');
    await backend.setTags(a.id, ['q3', 'finance']);
    const b = importFromWork(withTrace('arrivals.csv', { name: 'Beta' }));

    const bundle = await backend.exportScenarios([a.id, b.id], { history: true });
    expect(bundle.fileName).toMatch(/^headroom-scenarios-\d{4}-\d\d-\d\d\.bundle\.json$/);
    const parsed = JSON.parse(bundle.text);
    expect(parsed.format).toBe('headroom.bundle/v1');
    expect(parsed.files).toHaveLength(1);

    const before = await count();
    const result = await backend.importScenarios([{ name: bundle.fileName, text: bundle.text }]);
    expect(result.problems).toEqual([]);
    expect(result.imported.map((s) => [s.name, s.version, s.tags])).toEqual([['Alpha prime', 3, ['finance', 'q3']], ['Beta', 1, []]]);
    expect(await count()).toBe(before + 2);
    const original = await backend.listVersions(a.id);
    const copy = await backend.listVersions(result.imported[0]!.id);
    expect(copy.map((v) => [v.version, v.createdAt, v.note, v.sha256])).toEqual(original.map((v) => [v.version, v.createdAt, v.note, v.sha256]));
    for (let i = 0; i < copy.length; i++) {
      expect((await backend.getVersion(copy[i]!.id)).json).toBe((await backend.getVersion(original[i]!.id)).json);
    }
    const betaFiles = (await backend.getVersion((await backend.getScenario(result.imported[1]!.id)).versionId)).files;
    expect(lib.files.getFile(betaFiles[0]!.sha256)!.content.toString()).toBe(TRACE);
  });
});

describe('import refuses, naming the file and the field, and imports nothing of that file', () => {
  const deep = `${'{"a":'.repeat(100)}1${'}'.repeat(100)}`;
  const cases: [string, ImportFile, { path: string; message: RegExp }][] = [
    ['a scenario the CLI would refuse', { name: 'bad.json', text: scenarioText({ replications: 0 }) }, { path: 'replications', message: /must be an integer from 1 to 1000 \(got 0\)/ }],
    ['a JSON syntax error, with line and column', { name: 'syntax.json', text: '{\n  "format": "headroom.scenario/v1",\n  "name": oops\n}' }, { path: '(json)', message: /line 3, column \d+/ }],
    ['a newer scenario format', { name: 'v2.json', text: scenarioText({ format: 'headroom.scenario/v2' }) }, { path: 'format', message: /"headroom.scenario\/v2" is a newer or unknown format version; this app reads "headroom.scenario\/v1"/ }],
    ['a newer bundle format', { name: 'b.bundle.json', text: JSON.stringify({ format: 'headroom.bundle/v2', scenarios: [] }) }, { path: 'format', message: /newer or unknown bundle format; this app reads "headroom.bundle\/v1"/ }],
    ['nesting deeper than 64 levels', { name: 'deep.json', text: deep }, { path: '(json)', message: /nesting deeper than 64 levels/ }],
    ['a __proto__ key', { name: 'proto.json', text: scenarioText().replace('"seed"', '"__proto__": {"polluted": true}, "seed"') }, { path: '__proto__', message: /not allowed/ }],
    ['a nested constructor key', { name: 'ctor.json', text: scenarioText().replace('"horizon_s"', '"serving_extra": {"constructor": {"prototype": 1}}, "horizon_s"') }, { path: 'serving_extra.constructor', message: /not allowed/ }],
    ['a bundle with an unknown field', { name: 'u.bundle.json', text: JSON.stringify({ format: 'headroom.bundle/v1', exported_at: '2025-01-01T00:00:00.000Z', app_version: '1', scenarios: [], files: [], extra: 1 }) }, { path: 'extra', message: /unknown field/ }],
  ];
  for (const [what, file, problem] of cases) {
    it(what, async () => {
      const before = await count();
      const result = await backend.importScenarios([file]);
      expect(result.imported).toEqual([]);
      expect(result.problems).toContainEqual({ file: file.name, path: problem.path, message: expect.stringMatching(problem.message) });
      expect(await count()).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('a bundle with one invalid version imports none of its scenarios', async () => {
    const a = await create(scenarioText({ name: 'Good' }));
    const bundle = JSON.parse((await backend.exportScenarios([a.id], { history: true })).text);
    bundle.scenarios.push({ name: 'Bad', tags: [], versions: [
      { version: 1, created_at: '2025-01-01T00:00:00.000Z', note: '', scenario: scenarioText({ name: 'Bad' }), files: [] },
      { version: 2, created_at: '2025-01-02T00:00:00.000Z', note: '', scenario: scenarioText({ name: 'Bad', replications: -1 }), files: [] },
    ] });
    bundle.files.push({ sha256: 'a'.repeat(64), size: 1, base64: 'eA==' });
    const before = await count();
    const result = await backend.importScenarios([{ name: 'mixed.bundle.json', text: JSON.stringify(bundle) }]);
    expect(result.imported).toEqual([]);
    expect(result.problems).toEqual([{ file: 'mixed.bundle.json', path: 'files[0].sha256', message: 'does not match the content' }]);
    bundle.files.pop();
    const second = await backend.importScenarios([{ name: 'mixed.bundle.json', text: JSON.stringify(bundle) }]);
    expect(second.problems).toEqual([{ file: 'mixed.bundle.json', path: 'scenarios[1].versions[1].scenario › replications', message: expect.stringMatching(/must be an integer from 1 to 1000/) }]);
    expect(await count()).toBe(before);
  });

  it('files over 200 MiB, checked on disk before they are read; a scenario file over 10 MiB; other files in the same import still go in', async () => {
    const huge = path.join(work, 'huge.json');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 200 * 1024 * 1024 + 1); // sparse: nothing is written, and nothing may be read
    const big = path.join(work, 'big.json');
    fs.writeFileSync(big, Buffer.alloc(10 * 1024 * 1024 + 1, 0x20));
    const good = path.join(work, 'good.json');
    fs.writeFileSync(good, scenarioText({ name: 'Good one' }));
    const result = backend.importFromPaths([huge, big, good]);
    expect(result.problems).toEqual([
      { file: huge, path: '(file)', message: 'is larger than 200 MiB' },
      { file: big, path: '(file)', message: 'is larger than 10 MiB (only a result or sweep document may be up to 200 MiB)' },
    ]);
    expect(result.imported.map((s) => s.name)).toEqual(['Good one']);
  });
});

describe('export writes atomically', () => {
  it('replaces an existing file whole, and refuses to overwrite a different file beside it', async () => {
    const trace = path.join(work, 'arrivals.csv');
    fs.writeFileSync(trace, TRACE);
    const a = importFromWork(withTrace('arrivals.csv', { name: 'Replay' }));
    const out = path.join(work, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'replay.json'), 'old content');
    backend.exportToPath([a.id], {}, path.join(out, 'replay.json'));
    expect(JSON.parse(fs.readFileSync(path.join(out, 'replay.json'), 'utf8')).name).toBe('Replay');

    fs.writeFileSync(path.join(out, 'arrivals.csv'), 'someone else’s file');
    const before = snapshot(out);
    expect(() => backend.exportToPath([a.id], {}, path.join(out, 'replay.json'))).toThrow(/already exists with different content/);
    expect(snapshot(out)).toEqual(before);
  });

  it.skipIf(!canMountTmpfs())('on a full disk leaves no partial file (a real tmpfs)', async () => {
    const a = await create(scenarioText({ name: 'Big', description: 'x'.repeat(90_000) }));
    const tmpfs = mountTmpfs(128)!;
    fs.writeFileSync(path.join(tmpfs.dir, 'big.json'), 'the previous export');
    fillDisk(tmpfs.dir);
    const exported = await backend.exportScenarios([a.id]);
    const before = snapshot(tmpfs.dir);
    expect(() => writeExport(exported, path.join(tmpfs.dir, 'big.json'))).toThrow(/ENOSPC/);
    expect(snapshot(tmpfs.dir)).toEqual(before); // the previous export is intact, no temp file
  });
});
