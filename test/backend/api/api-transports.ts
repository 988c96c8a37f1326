// Both transports of the method table, as the app uses them but without Electron: the real
// preload factory and the real main-process wiring over an in-memory ipcMain/ipcRenderer pair
// (arguments and answers structured-cloned, as Electron does), and the real browser client
// against the real preview server in this process, on a port of its own.
import { EventEmitter } from 'node:events';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventSources } from '../../../electron/backend/api-handlers';
import type { MethodTable } from '../../../electron/common/api-types';
import type { Handlers } from '../../../electron/common/api-validate';
import { wireIpc, type InvokeEventLike, type IpcMainLike } from '../../../electron/main/ipc-wiring';
import { createPreloadApi, type IpcRendererLike } from '../../../electron/preload/preload-api';
import { createWebServer } from '../../../electron/web/server';
import { createWebClient } from '../../../renderer/api/web-client';
import type { Backend } from '../../../electron/backend/backend';

export const APP_URL = 'app://headroom/index.html';

export type AnyApi = Record<string, (...args: unknown[]) => Promise<unknown>>;

export interface Wiring {
  table: MethodTable;
  handlers: Handlers;
  events: Partial<EventSources>;
}

/** An ipcMain/ipcRenderer pair in memory; `frame` is what the handler sees as the sender. */
export function ipcPair(frame: InvokeEventLike['senderFrame'] = { url: APP_URL, parent: null }) {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  const bus = new EventEmitter();
  const main: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
  const renderer: IpcRendererLike = {
    async invoke(channel, ...args) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return structuredClone(await handler({ senderFrame: frame }, ...structuredClone(args)));
    },
    on: (channel, listener) => bus.on(channel, listener),
    removeListener: (channel, listener) => bus.removeListener(channel, listener),
  };
  const send = (channel: string, payload: unknown) => void bus.emit(channel, {}, structuredClone(payload));
  return { main, renderer, send };
}

/** The table over IPC: main wired with `wiring`, the preload built from the table's names. */
export function overIpc(wiring: Wiring, frame?: InvokeEventLike['senderFrame']): AnyApi {
  const { main, renderer, send } = ipcPair(frame);
  wireIpc(main, {
    ...wiring,
    events: wiring.events as Record<string, (listener: (payload: unknown) => void) => () => void>,
    appUrl: APP_URL,
    send,
    options: { checkResults: true },
  });
  const names = { methods: Object.keys(wiring.table), events: Object.keys(wiring.events) };
  return createPreloadApi(renderer, names) as unknown as AnyApi;
}

/** The table over HTTP: the preview server on 127.0.0.1 answering `wiring`, and the browser client. */
export async function overHttp(backend: Backend, dataDir: string, wiring: Wiring): Promise<{ api: AnyApi; origin: string; token: string; server: http.Server }> {
  const token = 'contract-test-token';
  const server = createWebServer({ backend, rendererDir: dataDir, token, dataDir, calls: { ...wiring, checkResults: true } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { api: createWebClient(token, origin) as unknown as AnyApi, origin, token, server };
}

export function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
