// `npm run web`: opens (creates, migrates) the library, then serves the browser preview on
// 127.0.0.1 with a per-launch token and prints its URL. Exit code 2 when the library must not be
// opened (newer schema, held by another instance, a foreign file); nothing is changed then. A
// library that cannot be used (damaged, say) still starts the preview, which offers a restore.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { openBackend } from '../backend/open-backend';
import { appPaths, defaultDataDir } from '../backend/paths';
import { createWebServer } from './server';

function portFromArgs(argv: string[]): number {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : process.env.HEADROOM_PORT;
  if (raw === undefined) return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`headroom web: --port: must be an integer from 0 to 65535 (got ${JSON.stringify(raw)})\n`);
    process.exit(2);
  }
  return port;
}

function main(): void {
  const port = portFromArgs(process.argv.slice(2));
  const dataDir = defaultDataDir();
  const started = openBackend({ dataDir, shell: 'web' });
  if (!started.ok) {
    // Newer schema, another instance, a foreign file: refused untouched (CLARIFICATIONS.md).
    process.stderr.write(`${started.message}\n`);
    process.exit(2);
  }
  const { backend, opened } = started;
  // A damaged or unreadable library still starts the preview, which says why and offers a restore.
  if (!opened.ok) process.stderr.write(`headroom web: the library is unavailable: ${opened.message}\n`);
  else if (opened.notice) process.stderr.write(`headroom web: ${opened.notice}\n`);
  const { rendererDir } = appPaths();
  if (!fs.existsSync(`${rendererDir}/index.html`)) {
    process.stderr.write('headroom web: the renderer is not built; run `npm run build` first\n');
    process.exit(1);
  }
  backend.seedExamplesIfEmpty();
  const token = crypto.randomBytes(24).toString('base64url');
  const server = createWebServer({ backend, rendererDir, token, dataDir });
  server.listen(port, '127.0.0.1', () => {
    const addr = server.address() as { port: number };
    process.stdout.write(`Headroom preview: http://127.0.0.1:${addr.port}/?token=${token}\n`);
    process.stdout.write(`Library: ${dataDir}\n`);
  });

  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeAllConnections();
    void backend.shutdown().finally(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
}

main();
