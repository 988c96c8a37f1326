// Run events over server-sent events. EventSource cannot send the token header, so this reads
// the stream with fetch. One connection is shared by all listeners; it opens with the first
// listener, closes with the last, and reconnects with exponential backoff when it drops.
import type { RunEvent } from '../../electron/common/contract';
import { createSseParser } from './sse-parser';

type Listener = (event: RunEvent) => void;

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 10_000;

export function createRunEventStream(url: string, headers: () => Record<string, string>) {
  const listeners = new Set<Listener>();
  let abort: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let backoff = MIN_BACKOFF_MS;

  const emit = (data: string) => {
    let event: RunEvent;
    try {
      event = JSON.parse(data) as RunEvent;
    } catch {
      return; // A malformed event is dropped rather than breaking the stream.
    }
    for (const listener of [...listeners]) listener(event);
  };

  const scheduleReconnect = () => {
    if (listeners.size === 0 || retryTimer !== null) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  };

  const connect = async () => {
    const controller = new AbortController();
    abort = controller;
    try {
      const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers() }, signal: controller.signal, cache: 'no-store' });
      if (!response.ok || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
      backoff = MIN_BACKOFF_MS;
      const parser = createSseParser(emit);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
      }
    } catch {
      // Dropped or refused: fall through to the reconnect below unless we closed it ourselves.
    }
    if (abort === controller && !controller.signal.aborted) {
      abort = null;
      scheduleReconnect();
    }
  };

  const close = () => {
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
    abort?.abort();
    abort = null;
    backoff = MIN_BACKOFF_MS;
  };

  return function subscribe(listener: Listener): () => void {
    listeners.add(listener);
    if (listeners.size === 1 && abort === null && retryTimer === null) void connect();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) close();
    };
  };
}
