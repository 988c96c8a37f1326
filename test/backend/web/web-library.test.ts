// The browser preview's library endpoints and its behaviour with a library it cannot use
// normally: the built out/node/web.cjs in a child process, on fresh library folders.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { libraryPaths, openLibrary } from '../../../db';
import { snapshot } from '../../db/helpers';
import { closeTempPreview, openTempPreview, type TempPreview } from './temp-preview';

const root = path.resolve(__dirname, '..', '..', '..');
const previews: TempPreview[] = [];

afterEach(async () => {
  for (const p of previews.splice(0)) await closeTempPreview(p);
});

/** A preview closed after the test, whose `call` answers with the status and the parsed body. */
async function preview(dataDir?: string) {
  const p = await openTempPreview('headroom-web-lib-', dataDir);
  previews.push(p);
  const call = async (method: string, ...args: unknown[]) => {
    const res = await p.call(method, args);
    return { status: res.status, body: (await res.json()) as { ok: boolean; value?: any; error?: { message: string } } };
  };
  return { ...p, call };
}

describe('the browser preview and the library', () => {
  it('two instances never both write: the second exits 2, the first keeps saving', async () => {
    const { server, call } = await preview();
    const second = spawnSync(process.execPath, [path.join(root, 'out/node/web.cjs')], { env: { ...process.env, HEADROOM_DATA_DIR: server.dataDir }, encoding: 'utf8', timeout: 20_000 });
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/in use by another Headroom process \(pid \d+\)/);
    const [first] = (await call('listScenarios')).body.value as { id: string }[];
    const renamed = await call('renameScenario', first!.id, 'Still mine');
    expect(renamed.body.value.ok).toBe(true);
    // A reader beside it (as another tool would be) sees the saved change.
    const reader = openLibrary(server.dataDir, { readonly: true });
    expect(reader.scenarios.listScenarios().map((s) => s.name)).toContain('Still mine');
    reader.close();
  });

  it('downloads a backup only with the token, and restores an uploaded one, refusing junk unchanged', async () => {
    const { origin, token, call } = await preview();
    const backup = (await call('backupLibrary')).body.value as { name: string };
    expect((await fetch(`${origin}/api/backups/${backup.name}`)).status).toBe(401);
    expect((await fetch(`${origin}/api/backups/..%2Flibrary.sqlite`, { headers: { 'X-Headroom-Token': token } })).status).toBe(400);
    const download = await fetch(`${origin}/api/backups/${backup.name}`, { headers: { 'X-Headroom-Token': token } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${backup.name}"`);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.subarray(0, 15).toString()).toBe('SQLite format 3');

    const before = ((await call('listScenarios')).body.value as unknown[]).length;
    await call('createScenario', fs.readFileSync(path.join(root, 'assets/examples/risk-model-api.json'), 'utf8'));
    const upload = (body: Buffer, type = 'application/octet-stream') =>
      fetch(`${origin}/api/restore-upload`, { method: 'POST', headers: { 'Content-Type': type, 'X-Headroom-Token': token }, body: new Uint8Array(body) });
    const junk = await upload(Buffer.from('not a library '.repeat(100)));
    expect(junk.status).toBe(400);
    expect(((await junk.json()) as { error: { message: string } }).error.message).toMatch(/is not an SQLite database|cannot be opened/);
    expect(((await call('listScenarios')).body.value as unknown[]).length).toBe(before + 1);
    expect((await upload(bytes, 'application/json')).status).toBe(400);

    const restored = await upload(bytes);
    expect(restored.status).toBe(200);
    expect(((await restored.json()) as { value: { state: string } }).value.state).toBe('ok');
    expect(((await call('listScenarios')).body.value as unknown[]).length).toBe(before);
  });

  it('starts with a damaged library, says why, and restores a backup from the backups folder', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-web-damaged-'));
    const lib = openLibrary(dataDir);
    lib.scenarios.createScenario({ name: 'saved', json: '{}', sections: [], sha256: 'a'.repeat(64) });
    const backup = path.basename(lib.backupToFolder('manual'));
    lib.close();
    fs.writeFileSync(libraryPaths(dataDir).file, 'garbage'.repeat(500));
    const damaged = snapshot(dataDir)['library.sqlite'];

    const { call } = await preview(dataDir);
    const status = await call('libraryStatus');
    expect(status.body.value).toMatchObject({ state: 'unavailable', message: expect.stringMatching(/damaged/), backups: [{ name: backup }] });
    const list = await call('listScenarios');
    expect(list.status).toBe(500);
    expect(list.body.error!.message).toMatch(/The library is unavailable/);
    expect(snapshot(dataDir)['library.sqlite']).toBe(damaged);

    expect((await call('restoreLibraryBackup', backup)).body.value.state).toBe('ok');
    expect(((await call('listScenarios')).body.value as { name: string }[]).map((s) => s.name)).toEqual(['saved']);
  });
});
