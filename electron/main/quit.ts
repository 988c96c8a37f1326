// A clean quit: the first quit request is held until the backend has stopped its work (queued
// runs recorded as cancelled, the running one aborted and its end written, sweeps and previews
// stopped) and the library is closed (clean-shutdown mark, lock released); then the app quits
// for real. A shutdown that hangs is cut off after SHUTDOWN_LIMIT_MS, so quitting always ends;
// the library's journal keeps what was committed either way.
export const SHUTDOWN_LIMIT_MS = 10_000;

export interface QuitApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export interface Stoppable {
  shutdown(): Promise<void>;
  close(): void;
}

export function installQuitSequence(app: QuitApp, backend: Stoppable, beforeClose: () => void = () => undefined, limitMs = SHUTDOWN_LIMIT_MS): void {
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'stopped') return;
    event.preventDefault();
    if (state === 'stopping') return;
    state = 'stopping';
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        process.stderr.write(`Headroom: the backend did not stop within ${limitMs / 1000} s; quitting anyway\n`);
        resolve();
      }, limitMs);
    });
    void Promise.race([backend.shutdown().catch((e: unknown) => process.stderr.write(`Headroom: shutdown failed: ${String(e)}\n`)), limit]).finally(() => {
      clearTimeout(timer);
      try {
        beforeClose();
        backend.close();
      } finally {
        state = 'stopped';
        app.quit();
      }
    });
  });
}
