// The library through the backend the shells use: history and restore, rename, duplicate, tags,
// search, trash and purge, payload validation, per-replication commits of a real run, and runs
// that read trace files from the library's own copies after the originals moved.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../../db';
import type { Backend } from '../../../electron/backend/backend';
import { checked, quickExample, tempBackendForEach, waitForFinal } from '../temp-backend';

let lib: Library;
let backend: Backend;

tempBackendForEach('headroom-library-api-', (t) => ({ lib, backend } = t));

async function create(over: Record<string, unknown> = {}) {
  const saved = await backend.createScenario(quickExample(over));
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return saved.scenario;
}

describe('history', () => {
  it('lists versions, reads any, and restores an old one as a new version', async () => {
    const a = await create({ name: 'Plan' });
    await backend.updateScenario(a.id, quickExample({ name: 'Plan', seed: 2 }));
    await backend.updateScenario(a.id, quickExample({ name: 'Plan', seed: 3 }));
    const versions = await backend.listVersions(a.id);
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    const v1 = await backend.getVersion(versions[2]!.id);
    expect(JSON.parse(v1.json).seed).toBe(1);

    const restored = await backend.restoreVersion(a.id, v1.id);
    expect(restored.ok && restored.scenario.version).toBe(4);
    expect(JSON.parse((await backend.getScenario(a.id)).json).seed).toBe(1);
    expect((await backend.listVersions(a.id))[0]).toMatchObject({ version: 4, note: 'restored from v1' });

    const other = await create({ name: 'Other' });
    await expect(backend.restoreVersion(other.id, v1.id)).rejects.toThrow(/not a version of scenario/);
    await expect(backend.getVersion('nope')).rejects.toThrow(/no version/);
  });

  it('renames by saving a version with the new name; duplicates with tags; both validated', async () => {
    const a = await create({ name: 'Chat' });
    await backend.setTags(a.id, ['gpu', 'q3']);
    const renamed = await checked(backend).renameScenario(a.id, '  Chat fleet  ');
    expect(renamed.ok && [renamed.scenario.name, renamed.scenario.version]).toEqual(['Chat fleet', 2]);
    expect(JSON.parse((await backend.getScenario(a.id)).json).name).toBe('Chat fleet');
    expect((await backend.listVersions(a.id))[0]!.note).toBe('renamed from “Chat”');
    const same = await backend.renameScenario(a.id, 'Chat fleet');
    expect(same.ok && same.scenario.version).toBe(2); // no empty version

    const copy = await backend.duplicateScenario(a.id);
    if (!copy.ok) throw new Error('duplicate failed');
    expect(copy.scenario).toMatchObject({ name: 'Chat fleet (copy)', version: 1, tags: ['gpu', 'q3'] });
    expect(copy.scenario.id).not.toBe(a.id);
    expect((await backend.listVersions(copy.scenario.id))[0]!.note).toBe('duplicated from “Chat fleet” v2');

    await expect(checked(backend).renameScenario(a.id, '')).rejects.toThrow(/^name: /);
    await expect(checked(backend).renameScenario(a.id, 'x'.repeat(201))).rejects.toThrow(/^name: /);
    await expect(checked(backend).renameScenario(a.id, 42)).rejects.toThrow(/^name: /);
  });
});

describe('tags and search', () => {
  it('tags are normalized and validated; search finds names, tags, descriptions and ids', async () => {
    const a = await create({ name: 'Risk API', description: 'article worked example' });
    const b = await create({ name: 'Chat', description: 'a fleet' });
    expect((await backend.setTags(b.id, [' Q3 ', 'q3', 'capacity'])).tags).toEqual(['capacity', 'Q3']);
    await expect(checked(backend).setTags(b.id, ['x'.repeat(41)])).rejects.toThrow(/^tags: tag .* longer than 40/);
    await expect(checked(backend).setTags(b.id, 'q3')).rejects.toThrow(/^tags: /);
    await expect(checked(backend).setTags(b.id, Array.from({ length: 21 }, (_, i) => `t${i}`))).rejects.toThrow(/^tags: .*at most 20/);

    const ids = async (q: string) => (await backend.searchScenarios(q)).map((s) => s.id);
    expect(await ids('chat')).toEqual([b.id]);
    expect((await ids('risk'))[0]).toBe(a.id); // in a's name; in both as part of the service id
    expect(await ids('worked')).toEqual([a.id]);
    expect(await ids('risk_model')).toEqual(expect.arrayContaining([a.id, b.id])); // the service id inside both
    expect(await ids('capac')).toEqual([b.id]);
    expect((await ids('')).sort()).toEqual([a.id, b.id].sort());
    await expect(checked(backend).searchScenarios('x'.repeat(501))).rejects.toThrow(/^query: /);
  });
});

describe('trash', () => {
  it('delete moves to the trash, restore brings it back, purge deletes for good only from the trash', async () => {
    const a = await create({ name: 'Doomed' });
    await backend.deleteScenario(a.id);
    expect((await backend.listScenarios()).map((s) => s.id)).not.toContain(a.id);
    expect((await backend.listTrash()).map((s) => [s.id, s.name])).toEqual([[a.id, 'Doomed']]);
    expect((await backend.restoreFromTrash(a.id)).name).toBe('Doomed');
    expect(await backend.listTrash()).toEqual([]);
    await expect(backend.purgeScenario(a.id)).rejects.toThrow(/not in the trash/);
    await backend.deleteScenario(a.id);
    await backend.purgeScenario(a.id);
    expect(await backend.listTrash()).toEqual([]);
    await expect(backend.getScenario(a.id)).rejects.toThrow(/no scenario/);
  });
});

describe('runs', () => {
  it('commits each replication as it finishes and records version, seed, replications and engine', async () => {
    const a = await create({ replications: 4 });
    const run = await backend.startRun(a.id, { seed: 5 });
    const final = await waitForFinal(backend, run.id);
    expect(final).toMatchObject({ status: 'done', seed: 5, replications: 4, replicationsStored: 4, scenarioVersion: 1, scenarioVersionId: a.versionId });
    expect(final.engineVersion).toMatch(/^\d+\.\d+\.\d+$/);
    const stored = lib.runs.listReplications(run.id);
    expect(stored.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(JSON.parse(stored[2]!.outcomeJson)).toMatchObject({ index: 2 });
  });

  it('runs a trace scenario from the library’s copy of the file after the original is gone', async () => {
    // The app takes a new file in with its scenario: imported from the folder that holds both.
    const traceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-trace-'));
    fs.mkdirSync(path.join(traceDir, 'traces'));
    fs.writeFileSync(path.join(traceDir, 'traces', 'arrivals.csv'), `t\n${Array.from({ length: 400 }, (_, i) => (i * 0.05).toFixed(3)).join('\n')}\n`);
    const s = JSON.parse(quickExample()) as { serving: { services: { arrivals: unknown }[] } };
    s.serving.services[0]!.arrivals = { process: 'trace', path: 'traces/arrivals.csv' };
    fs.writeFileSync(path.join(traceDir, 'replay.json'), JSON.stringify(s));
    const imported = backend.importFromPaths([path.join(traceDir, 'replay.json')]);
    expect(imported.problems).toEqual([]);
    const saved = { scenario: await backend.getScenario(imported.imported[0]!.id) };
    expect((await backend.getVersion(saved.scenario.versionId)).files).toEqual([
      expect.objectContaining({ jsonPath: 'serving.services[0].arrivals.path', fileName: 'traces/arrivals.csv' }),
    ]);
    fs.rmSync(traceDir, { recursive: true, force: true }); // the original moves away

    const run = await backend.startRun(saved.scenario.id);
    expect((await waitForFinal(backend, run.id)).status).toBe('done');
    const result = await backend.getRunResult(run.id);
    expect(result?.serving?.risk_model_api).toBeDefined();

    // Saving a version that names the same file again reuses the stored copy.
    const again = await backend.updateScenario(saved.scenario.id, JSON.stringify({ ...s, seed: 9 }));
    expect(again.ok).toBe(true);
    // A file that is nowhere to be found is a validation error naming the field.
    const missing = await backend.updateScenario(saved.scenario.id, JSON.stringify({ ...s, serving: { services: [{ ...s.serving.services[0], arrivals: { process: 'trace', path: 'nowhere/x.csv' } }] } }));
    expect(missing).toEqual({ ok: false, errors: [{ path: 'serving.services[0].arrivals.path', message: expect.stringMatching(/the file nowhere\/x.csv was not found/) }] });
  });

  it('seeds the bundled examples, storing the trace file an example names', async () => {
    backend.seedExamplesIfEmpty();
    await new Promise((r) => setTimeout(r, 50));
    const list = await backend.listScenarios();
    const azure = list.find((s) => /Azure/.test(s.name));
    if (!azure) return; // the example set changed
    const version = await backend.getVersion((await backend.getScenario(azure.id)).versionId);
    expect(version.files.map((f) => f.fileName)).toEqual(['data/AzureLLMInferenceTrace_code.csv']);
  });
});

describe('payload validation', () => {
  it('names the argument for every malformed call', async () => {
    await expect(checked(backend).listVersions({})).rejects.toThrow(/^scenarioId: /);
    await expect(checked(backend).exportScenarios([], {})).rejects.toThrow(/^ids: /);
    await expect(checked(backend).exportScenarios(['../x'])).rejects.toThrow(/^ids\[0\]: /);
    await expect(checked(backend).exportScenarios(['a'], { history: 'yes' })).rejects.toThrow(/^options.history: /);
    await expect(checked(backend).exportScenarios(['a'], { zip: true })).rejects.toThrow(/^options.zip: unknown field/);
    await expect(checked(backend).importScenarios([])).rejects.toThrow(/^files: /);
    await expect(checked(backend).importScenarios([{ name: 'a.json' }])).rejects.toThrow(/^files\[0\].text: /);
    await expect(checked(backend).importScenarios([{ name: 'a.json', text: '{}', path: '/etc/passwd' }])).rejects.toThrow(/^files\[0\].path: unknown field/);
    await expect(checked(backend).importScenarios([{ name: 'big.json', text: 'x'.repeat(200 * 1024 * 1024 + 1) }])).rejects.toThrow(/^files\[0\]: big.json is larger than 200 MiB/);
    await expect(checked(backend).restoreLibraryBackup('../library.sqlite')).rejects.toThrow(/^name: /);
    await expect(checked(backend).restoreLibraryBackup('library-v3-nope.sqlite')).rejects.toThrow(/no backup named/);
    expect(() => backend.backupFilePath('/etc/passwd')).toThrow(/^name: /);
  });
});
