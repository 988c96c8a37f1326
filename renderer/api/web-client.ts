// The contract over loopback HTTP for the browser preview: `POST /api/call/<method>` with
// `{"args": [...]}` answers `{"ok": true, "value"}` or `{"ok": false, "error": {"message"}}`;
// run events arrive on `GET /api/events` as server-sent events. Both carry the session token.
// The dialog methods use what a browser has instead of file dialogs: downloads and file inputs
// (see browser-files.ts); a library backup goes up and down as raw bytes. A browser cannot
// write a PDF on its own, so a PDF report downloads the HTML report, for the browser's
// Print → Save as PDF (it is laid out for A4); the app says so.
import type { ApiMethod, DialogMethod, HeadroomApi, ImportResult, LibraryStatus } from '../../electron/common/contract';
import { downloadBlob, downloadText, pickFiles, readImportFiles } from './browser-files';
import { createRunEventStream } from './event-stream';

/** The table's events (onRunEvent): neither a backend method nor a dialog. */
type EventName = Exclude<keyof HeadroomApi, ApiMethod | DialogMethod>;

interface CallReply {
  ok?: boolean;
  value?: unknown;
  error?: { message?: string };
}

export function createWebClient(token: string | null, origin = ''): HeadroomApi {
  const headers = (): Record<string, string> => (token ? { 'X-Headroom-Token': token } : {});

  async function reply<T>(response: Response, what: string): Promise<T> {
    let body: CallReply | null = null;
    try {
      body = (await response.json()) as CallReply;
    } catch {
      body = null;
    }
    if (!response.ok || !body || body.ok !== true) {
      const message = body?.error?.message ?? `${what} failed: HTTP ${response.status}`;
      throw new Error(token ? message : `${message} — open the URL the preview server printed (it carries the session token)`);
    }
    return body.value as T;
  }

  async function send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, cache: 'no-store' });
    } catch (e) {
      throw new Error(`Cannot reach the Headroom preview server (${(e as Error).message})`);
    }
  }

  async function call<T>(method: string, ...args: unknown[]): Promise<T> {
    // Trailing undefined arguments (optional parameters) are dropped rather than sent as null.
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    const response = await send(`${origin}/api/call/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers() },
      body: JSON.stringify({ args }),
    });
    return reply<T>(response, method);
  }

  const subscribe = createRunEventStream(`${origin}/api/events`, headers);

  // Every other method of the table is a call to the server, which knows the table (and
  // refuses what is not in it): derived as VS Code's ProxyChannel.toService derives its proxies,
  // so the renderer takes only types from the contract and a method added there needs no edit here.
  const own: Pick<HeadroomApi, DialogMethod | EventName> = {
    onRunEvent: (listener) => subscribe(listener),
    // A browser tab has no application menu; its buttons and keys do the same things.
    onMenuCommand: () => () => undefined,

    async saveExport(ids, options) {
      const exported = await api.exportScenarios(ids, options);
      downloadText(exported.fileName, exported.text, exported.mediaType);
      for (const c of exported.companions) downloadBlob(c.fileName, new Blob([Uint8Array.from(atob(c.base64), (ch) => ch.charCodeAt(0))]));
      return exported.fileName;
    },

    async saveRunReport(runId, kind, locale) {
      const report = await api.renderRunReport(runId, kind === 'pdf' ? 'html' : kind, locale);
      downloadText(report.fileName, report.text, report.mediaType);
      return report.fileName;
    },

    async openImport(): Promise<ImportResult | null> {
      const files = await pickFiles({ accept: '.json,.csv,.txt,application/json,text/csv', multiple: true });
      if (files.length === 0) return null;
      const read = await readImportFiles(files);
      const result = read.files.length > 0 ? await api.importScenarios(read.files) : { imported: [], problems: [] };
      return { ...result, problems: [...read.problems, ...result.problems] };
    },

    async saveLibraryBackup() {
      const backup = await api.backupLibrary();
      const response = await send(`${origin}/api/backups/${encodeURIComponent(backup.name)}`, { headers: headers() });
      if (!response.ok) await reply(response, 'download the backup');
      downloadBlob(backup.name, await response.blob());
      return backup.name;
    },

    async openLibraryBackup(): Promise<LibraryStatus | null> {
      const [file] = await pickFiles({ accept: '.sqlite,application/vnd.sqlite3', multiple: false });
      if (!file) return null;
      const response = await send(`${origin}/api/restore-upload`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', ...headers() },
        body: file,
      });
      return reply<LibraryStatus>(response, 'restore the library');
    },
  };
  const api = new Proxy(own, {
    get(target, name) {
      if (typeof name !== 'string' || Object.hasOwn(target, name)) return Reflect.get(target, name);
      // Not a thenable: `await api` must not become a call.
      if (name === 'then') return undefined;
      return (...args: unknown[]) => call(name, ...args);
    },
  }) as HeadroomApi;
  return api;
}
