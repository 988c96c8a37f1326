// The desktop shell's side of the method table: one IPC handler answers every method, the only
// way the renderer reaches the main process. It refuses any sender but the app's own page in
// its main frame, then hands the call to callMethod, which parses the arguments with the table's
// schemas; backend methods go to the backend, dialog methods to this shell's file dialogs. The
// table's events are forwarded to the window, one channel per event. Takes the ipc objects as
// parameters (no electron import), so that tests drive it with an in-memory pair.
import { callMethod, type CallOptions, type Handlers } from '../common/api-validate';
import type { MethodTable } from '../common/api-types';
import { IPC_EVENT_CHANNEL_PREFIX, IPC_INVOKE_CHANNEL } from '../common/contract';

/** What the handler looks at of an `ipcMain.handle` event (Electron's IpcMainInvokeEvent has more). */
export interface InvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

export interface IpcWiring {
  table: MethodTable;
  /** The table's backend methods (from the backend) and dialog methods (from this shell). */
  handlers: Handlers;
  /** One source per event of the table: subscribe(listener) → unsubscribe. */
  events: Record<string, (listener: (payload: unknown) => void) => () => void>;
  /** The URL of the app's page (app://headroom/index.html): the only sender answered, whatever its hash or query. */
  appUrl: string;
  /** Sends an event to the window, if there is one. */
  send(channel: string, payload: unknown): void;
  options?: CallOptions;
}

export function wireIpc(ipcMain: IpcMainLike, { table, handlers, events, appUrl, send, options }: IpcWiring): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, method, args) => {
    // Only our own page, in the main frame, may call the backend.
    const frame = event.senderFrame;
    if (!frame || documentOf(frame.url) !== documentOf(appUrl) || frame.parent !== null) throw new Error('unexpected IPC sender');
    return callMethod(table, handlers, method, args, options);
  });
  const unsubscribes = Object.entries(events).map(([name, subscribe]) => subscribe((payload) => send(IPC_EVENT_CHANNEL_PREFIX + name, payload)));
  return () => unsubscribes.forEach((off) => off());
}

/** A URL without its hash and query: the document it names. */
function documentOf(url: string): string {
  return url.replace(/[?#].*$/s, '');
}
