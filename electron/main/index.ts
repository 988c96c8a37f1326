// Electron main process: one window, secure defaults, IPC wired to the shared backend.
// No domain logic here: everything goes through electron/backend.
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { backendEvents, backendHandlers } from '../backend/api-handlers';
import { openBackend } from '../backend/open-backend';
import { appPaths } from '../backend/paths';
import { API } from '../common/api';
import { bindHandlers } from '../common/api-validate';
import { createDialogs } from './dialogs';
import { wireIpc, type IpcMainLike } from './ipc-wiring';

app.setName('Headroom');
if (process.env.HEADROOM_DATA_DIR) app.setPath('userData', path.resolve(process.env.HEADROOM_DATA_DIR));

let mainWindow: BrowserWindow | null = null;
const indexHtml = path.join(appPaths().rendererDir, 'index.html');
const indexUrl = pathToFileURL(indexHtml).href;

if (!app.requestSingleInstanceLock()) {
  // One writer per library: a second launch hands over to the first and quits.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  void app.whenReady().then(start);
}

function start(): void {
  const dataDir = app.getPath('userData');
  const started = openBackend({ dataDir, shell: 'electron' });
  if (!started.ok) {
    // Newer schema, another instance, a foreign file: refused untouched (CLARIFICATIONS.md).
    process.stderr.write(`${started.message}\n`);
    dialog.showErrorBox('Headroom cannot open its library', started.message);
    app.exit(2);
    return;
  }
  const { backend, opened } = started;
  // A damaged or unreadable library still starts the app, which says why and offers a restore.
  if (!opened.ok) process.stderr.write(`${opened.message}\n`);
  backend.seedExamplesIfEmpty();
  const dialogs = createDialogs(backend, () => mainWindow);

  wireIpc(ipcMain as unknown as IpcMainLike, {
    table: API,
    handlers: { ...backendHandlers(backend), ...bindHandlers(API, 'dialog', dialogs) },
    events: backendEvents(backend) as Record<string, (listener: (payload: unknown) => void) => () => void>,
    appUrl: indexUrl,
    send: (channel, payload) => mainWindow?.webContents.send(channel, payload),
  });

  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (ev, url) => {
      if (url !== indexUrl) ev.preventDefault();
    });
    contents.session.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  });

  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let quitting = false;
  app.on('before-quit', (ev) => {
    if (quitting) return;
    ev.preventDefault();
    quitting = true;
    void backend.shutdown().finally(() => {
      backend.close();
      app.quit();
    });
  });
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Headroom',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadFile(indexHtml);
}
