// The contract over loopback HTTP for the browser preview: `POST /api/call/<method>` with
// `{"args": [...]}` answers `{"ok": true, "value"}` or `{"ok": false, "error": {"message"}}`;
// run events arrive on `GET /api/events` as server-sent events. Both carry the session token.
import type { ApiMethod, HeadroomApi } from '../../electron/common/contract';
import { createRunEventStream } from './event-stream';

interface CallReply {
  ok?: boolean;
  value?: unknown;
  error?: { message?: string };
}

export function createWebClient(token: string | null, origin = ''): HeadroomApi {
  const headers = (): Record<string, string> => (token ? { 'X-Headroom-Token': token } : {});

  async function call<T>(method: ApiMethod, ...args: unknown[]): Promise<T> {
    // Trailing undefined arguments (optional parameters) are dropped rather than sent as null.
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    let response: Response;
    try {
      response = await fetch(`${origin}/api/call/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers() },
        body: JSON.stringify({ args }),
        cache: 'no-store',
      });
    } catch (e) {
      throw new Error(`Cannot reach the Headroom preview server (${(e as Error).message})`);
    }
    let reply: CallReply | null = null;
    try {
      reply = (await response.json()) as CallReply;
    } catch {
      reply = null;
    }
    if (!response.ok || !reply || reply.ok !== true) {
      const message = reply?.error?.message ?? `${method} failed: HTTP ${response.status}`;
      throw new Error(token ? message : `${message} — open the URL the preview server printed (it carries the session token)`);
    }
    return reply.value as T;
  }

  const subscribe = createRunEventStream(`${origin}/api/events`, headers);

  return {
    info: () => call('info'),
    listScenarios: () => call('listScenarios'),
    getScenario: (id) => call('getScenario', id),
    createScenario: (json) => call('createScenario', json),
    updateScenario: (id, json) => call('updateScenario', id, json),
    deleteScenario: (id) => call('deleteScenario', id),
    listExamples: () => call('listExamples'),
    startRun: (scenarioId, options) => call('startRun', scenarioId, options),
    cancelRun: (runId) => call('cancelRun', runId),
    listRuns: (scenarioId) => call('listRuns', scenarioId),
    getRunResult: (runId) => call('getRunResult', runId),
    onRunEvent: (listener) => subscribe(listener),
  };
}
