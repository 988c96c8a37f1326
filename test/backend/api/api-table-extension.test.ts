// The method table is the one place a method is defined: a method added to a copy of it is
// reachable and validated over both transports with no other edit; the built preload exposes
// exactly the table's names; and the main process answers only the app's own page.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { backendEvents, backendHandlers } from '../../../electron/backend/api-handlers';
import { API, API_EVENTS } from '../../../electron/common/api';
import { arg, backend as backendMethod } from '../../../electron/common/api-types';
import { IPC_INVOKE_CHANNEL } from '../../../electron/common/contract';
import { wireIpc } from '../../../electron/main/ipc-wiring';
import { APP_URL, closeServer, ipcPair, overHttp, overIpc } from './api-transports';
import { closeTempBackend, openTempBackend, type TempBackend } from '../temp-backend';

let t: TempBackend;
beforeAll(() => {
  t = openTempBackend('headroom-table-ext-');
});
afterAll(() => closeTempBackend(t));

/** A copy of the table with one more method, and its implementation beside the backend's. */
function extended() {
  const table = { ...API, repeatWord: backendMethod([arg('word', z.string().regex(/^[a-z]{1,10}$/, { error: 'must be a word of 1 to 10 letters' })), arg('times', z.number().int().min(1).max(3, { error: 'must be 1, 2 or 3' }))], z.string()) };
  const handlers = { ...backendHandlers(t.backend), repeatWord: async (word: string, times: number) => word.repeat(times) };
  return { table, handlers, events: backendEvents(t.backend) };
}

describe('a method added to the table', () => {
  it('is reachable and validated over IPC with no other edit', async () => {
    const api = overIpc(extended());
    expect(Object.keys(api)).toContain('repeatWord');
    expect(await api.repeatWord!('ab', 3)).toBe('ababab');
    await expect(api.repeatWord!('AB', 1)).rejects.toThrow(/^word: must be a word of 1 to 10 letters$/);
    await expect(api.repeatWord!('ab', 4)).rejects.toThrow(/^times: must be 1, 2 or 3$/);
    await expect(api.repeatWord!('ab', 1, 'extra')).rejects.toThrow(/^args: takes at most 2 arguments \(got 3\)$/);
    await expect(api.repeatWord!('ab')).rejects.toThrow(/^times: /);
  });

  it('has its result checked against the table where results are checked (the tests)', async () => {
    const wiring = extended();
    const api = overIpc({ ...wiring, handlers: { ...wiring.handlers, repeatWord: async () => 42 } });
    await expect(api.repeatWord!('ab', 1)).rejects.toThrow(/^repeatWord: the result does not match the contract: result: /);
  });

  it('is reachable and validated over HTTP with no other edit', async () => {
    const http = await overHttp(t.backend, t.dir, extended());
    try {
      expect(await http.api.repeatWord!('ab', 2)).toBe('abab');
      await expect(http.api.repeatWord!('ab', 0)).rejects.toThrow(/^times: /);
      await expect(http.api.repeatWord!(['ab'], 1)).rejects.toThrow(/^word: /);
      // The unextended server does not know it.
      const plain = await overHttp(t.backend, t.dir, { table: API, handlers: backendHandlers(t.backend), events: backendEvents(t.backend) });
      await expect(plain.api.repeatWord!('ab', 2)).rejects.toThrow(/no such API call/);
      await closeServer(plain.server);
    } finally {
      await closeServer(http.server);
    }
  });
});

describe('the preload', () => {
  it('as built, exposes exactly the table\'s methods and events, and nothing of ipcRenderer', () => {
    const code = fs.readFileSync(path.resolve(__dirname, '../../../out/preload/index.cjs'), 'utf8');
    const exposed = new Map<string, Record<string, unknown>>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => exposed.set(key, value) },
      ipcRenderer: { invoke: async () => undefined, on: () => undefined, removeListener: () => undefined },
    };
    const module = { exports: {} };
    new Function('require', 'module', 'exports', code)((name: string) => {
      if (name !== 'electron') throw new Error(`the sandboxed preload may not require ${name}`);
      return electron;
    }, module, module.exports);
    expect([...exposed.keys()]).toEqual(['headroom']);
    const api = exposed.get('headroom')!;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(API), ...Object.keys(API_EVENTS)].sort());
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
    expect(code).not.toMatch(/zod/i);
  });
});

describe('the main process\'s IPC wiring', () => {
  const wiring = () => ({ table: API, handlers: backendHandlers(t.backend), events: backendEvents(t.backend) });

  it('answers the app\'s page in its main frame', async () => {
    expect((await overIpc(wiring()).info!()) as { shell: string }).toMatchObject({ shell: 'web' });
  });

  it('answers the app\'s page whatever its hash or query', async () => {
    expect((await overIpc(wiring(), { url: `${APP_URL}#results`, parent: null }).info!()) as { shell: string }).toMatchObject({ shell: 'web' });
  });

  it.each([
    ['another page', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///app/out/renderer/index.html', parent: null }],
    ['another document of the app\'s scheme', { url: 'app://headroom/other.html', parent: null }],
    ['another host of the app\'s scheme', { url: 'app://evil/index.html', parent: null }],
    ['a frame inside the app', { url: APP_URL, parent: {} }],
    ['no frame', null],
  ])('refuses %s', async (_what, frame) => {
    await expect(overIpc(wiring(), frame).info!()).rejects.toThrow('unexpected IPC sender');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 42, null])('refuses the method name %s, which is not the table\'s', async (method) => {
    const { main, renderer } = ipcPair();
    wireIpc(main, { ...wiring(), events: {}, appUrl: APP_URL, send: () => undefined });
    await expect(renderer.invoke(IPC_INVOKE_CHANNEL, method, [])).rejects.toThrow(/^unknown method/);
  });
});
