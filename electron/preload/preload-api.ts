// The object the preload exposes as `window.headroom`: one function per method of the table,
// each sending its name and arguments on the one invoke channel (main parses and answers them),
// and one `onX(listener)` per event. It knows the table only by its names, so the sandboxed
// preload carries no schemas (the build reads the names from the table: scripts/build-node.mjs).
// Never exposes ipcRenderer itself. Takes the ipc object as a parameter, for tests.
import { IPC_EVENT_CHANNEL_PREFIX, IPC_INVOKE_CHANNEL, type HeadroomApi } from '../common/contract';

/** What the preload uses of Electron's ipcRenderer. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/** The table's names: its methods and its events. */
export interface ApiNames {
  methods: readonly string[];
  events: readonly string[];
}

/** Events that arrive before the page listens (a file opened at launch) are held, up to this many per event. */
export const HELD_EVENTS_LIMIT = 64;

export function createPreloadApi(ipc: IpcRendererLike, names: ApiNames): HeadroomApi {
  const api: Record<string, unknown> = {};
  for (const method of names.methods) api[method] = (...args: unknown[]) => ipc.invoke(IPC_INVOKE_CHANNEL, method, args);
  for (const name of names.events) {
    const channel = IPC_EVENT_CHANNEL_PREFIX + name;
    // Until the page's first listener, events are held (main may send as soon as the page has
    // loaded, before the page's code subscribes); the first listener gets them in order.
    let held: unknown[] | null = [];
    const hold = (_event: unknown, payload: unknown) => {
      if (held && held.length < HELD_EVENTS_LIMIT) held.push(payload);
    };
    ipc.on(channel, hold);
    api[name] = (listener: (payload: unknown) => void) => {
      const handler = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, handler);
      if (held) {
        const early = held;
        held = null;
        ipc.removeListener(channel, hold);
        for (const payload of early) listener(payload);
      }
      return () => void ipc.removeListener(channel, handler);
    };
  }
  return api as unknown as HeadroomApi;
}
