// The browser preview as its tests meet it: the built out/node/web.cjs in a child process on a
// library folder of its own, its address and session token, and a caller for its API. Stopping
// it removes the folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startPreview, stopPreview, type PreviewServer } from '../../e2e/fixtures';

export interface TempPreview {
  server: PreviewServer;
  origin: string;
  port: number;
  token: string;
  /** POSTs `args` to /api/call/<method> with the session token; `headers` add to or replace it. */
  call(method: string, args: unknown[], headers?: Record<string, string>): Promise<Response>;
}

/** Starts a preview on `dataDir` (by default a fresh temporary folder named with `prefix`). */
export async function openTempPreview(prefix: string, dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))): Promise<TempPreview> {
  const server = await startPreview(dataDir);
  const url = new URL(server.url);
  const token = url.searchParams.get('token')!;
  const call = (method: string, args: unknown[], headers: Record<string, string> = {}) => fetch(`${url.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Headroom-Token': token, ...headers },
    body: JSON.stringify({ args }),
  });
  return { server, origin: url.origin, port: Number(url.port), token, call };
}

export async function closeTempPreview(preview: TempPreview): Promise<void> {
  await stopPreview(preview.server);
  fs.rmSync(preview.server.dataDir, { recursive: true, force: true });
}

/**
 * One preview shared by the tests of the calling file or `describe` block: started before the
 * first, closed after the last. Its fields are filled in once it has started.
 */
export function tempPreviewForAll(prefix: string): TempPreview {
  const preview = {} as TempPreview;
  beforeAll(async () => {
    Object.assign(preview, await openTempPreview(prefix));
  });
  afterAll(() => closeTempPreview(preview));
  return preview;
}
