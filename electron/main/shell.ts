// The desktop shell, start to quit: one instance per library, the app:// protocol, the storage
// check, the backend, IPC, the window (its state remembered), the menu, files opened from the
// system, and the clean quit. No domain logic: everything goes through electron/backend. Every
// Electron object is reached through the `electron` module, so the tests run all of this under
// vitest against a fake of it (test/electron/).
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, shell, type BrowserWindowConstructorOptions } from 'electron';
import path from 'node:path';
import { backendEvents, backendHandlers } from '../backend/api-handlers';
import type { Backend } from '../backend/backend';
import { openBackend } from '../backend/open-backend';
import { appPaths } from '../backend/paths';
import { API } from '../common/api';
import { bindHandlers } from '../common/api-validate';
import type { MenuCommand } from '../common/contract';
import type { MenuCommandName } from '../common/menu-commands';
import { aboutDetail } from './about';
import { APP_INDEX_URL, handleAppProtocol, registerAppScheme } from './app-protocol';
import { createDialogs } from './dialogs';
import { hardenContents } from './harden';
import { wireIpc, type IpcMainLike } from './ipc-wiring';
import { menuTemplate } from './menu';
import { filesFromArgv, PendingOpens } from './open-files';
import { installQuitSequence } from './quit';
import { addRecent, clearRecent, existingRecent } from './recent-files';
import { checkStorageEngine } from './storage-engine';
import { MIN_SIZE, readWindowState, restoreBounds, writeWindowState } from './window-state';

/** Exit codes: the library refused (another instance's, newer, foreign), the storage engine missing. */
export const EXIT_LIBRARY_REFUSED = 2;
export const EXIT_STORAGE_ENGINE = 3;

/** The secure options of the one window; a test compares them to the checklist. */
export function windowOptions(preload: string, icon: string | undefined): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Headroom',
    show: false,
    ...(icon ? { icon } : {}),
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

export interface Desktop {
  /** Resolves once the window is created, or with null when the app stopped at start. */
  ready: Promise<Desktop | null>;
  window(): BrowserWindow | null;
  backend(): Backend | null;
}

/** Starts the desktop app; called once by the entry point (index.ts). */
export function launch(argv: readonly string[] = process.argv, cwd = process.cwd()): Desktop {
  app.setName('Headroom');
  if (process.env.HEADROOM_DATA_DIR) app.setPath('userData', path.resolve(process.env.HEADROOM_DATA_DIR));
  registerAppScheme();

  let mainWindow: BrowserWindow | null = null;
  let backend: Backend | null = null;
  const pending = new PendingOpens();
  const desktop: Desktop = { ready: Promise.resolve(null), window: () => mainWindow, backend: () => backend };

  // macOS hands files over with open-file, possibly before the app is ready.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    pending.add([file]);
  });

  if (!app.requestSingleInstanceLock()) {
    // One writer per library: the first instance is told (second-instance, with our arguments) and this one quits.
    app.quit();
    return desktop;
  }
  pending.add(filesFromArgv(argv, cwd));
  app.on('second-instance', (_event, commandLine, workingDirectory) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.show();
      mainWindow.focus();
    }
    pending.add(filesFromArgv(commandLine, workingDirectory));
  });

  desktop.ready = app.whenReady().then(() => (start() ? desktop : null));
  return desktop;

  function start(): boolean {
    const storage = checkStorageEngine();
    if (!storage.ok) {
      process.stderr.write(`${storage.message}\n`);
      dialog.showErrorBox('Headroom cannot start', storage.message);
      app.exit(EXIT_STORAGE_ENGINE);
      return false;
    }
    const dataDir = app.getPath('userData');
    const started = openBackend({ dataDir, shell: 'electron' });
    if (!started.ok) {
      // Newer schema, another instance, a foreign file: refused untouched (docs/library.md).
      process.stderr.write(`${started.message}\n`);
      dialog.showErrorBox('Headroom cannot open its library', started.message);
      app.exit(EXIT_LIBRARY_REFUSED);
      return false;
    }
    const b = started.backend;
    backend = b;
    // A damaged or unreadable library still starts the app, which says why and offers a restore.
    if (!started.opened.ok) process.stderr.write(`${started.opened.message}\n`);
    b.seedExamplesIfEmpty();

    const paths = appPaths();
    handleAppProtocol(paths.rendererDir);
    app.on('web-contents-created', (_event, contents) => hardenContents(contents, (url) => void shell.openExternal(url)));

    const menuListeners = new Set<(command: MenuCommand) => void>();
    const sendCommand = (command: MenuCommand) => menuListeners.forEach((l) => l(command));
    wireIpc(ipcMain as unknown as IpcMainLike, {
      table: API,
      handlers: { ...backendHandlers(b), ...bindHandlers(API, 'dialog', createDialogs(b, () => mainWindow)) },
      events: {
        ...backendEvents(b),
        onMenuCommand: (listener: (command: MenuCommand) => void) => {
          menuListeners.add(listener);
          return () => void menuListeners.delete(listener);
        },
      } as Record<string, (listener: (payload: unknown) => void) => () => void>,
      appUrl: APP_INDEX_URL,
      send: (channel, payload) => mainWindow?.webContents.send(channel, payload),
    });

    const openFiles = (files: string[]) => {
      const result = b.importFromPaths(files);
      addRecent(dataDir, files);
      for (const f of files) app.addRecentDocument(f);
      installMenu();
      sendCommand({ command: 'imported', result });
    };
    const installMenu = () => Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({
      platform: process.platform,
      recent: existingRecent(dataDir),
      packaged: app.isPackaged,
      actions: {
        command: (name: MenuCommandName) => sendCommand({ command: name }),
        openFiles,
        clearRecent: () => {
          clearRecent(dataDir);
          app.clearRecentDocuments();
          installMenu();
        },
        openDocs: () => void shell.openPath(path.join(paths.root, 'docs', 'README.md')),
        about: () => void showAbout(b),
      },
    })));
    installMenu();

    createWindow(dataDir, paths.root, () => {
      // The page subscribes to menu commands when it has loaded: files wait until then.
      pending.ready((files) => {
        try {
          openFiles(files);
        } catch (e) {
          dialog.showErrorBox('Headroom could not open the file', e instanceof Error ? e.message : String(e));
        }
      });
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow(dataDir, paths.root, () => undefined);
    });
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    installQuitSequence(app, b);
    return true;
  }

  function createWindow(dataDir: string, root: string, loaded: () => void): void {
    const icon = process.platform === 'linux' ? path.join(root, 'assets', 'icon.png') : undefined;
    const restored = restoreBounds(readWindowState(dataDir), screen.getAllDisplays().map((d) => d.workArea));
    const win = new BrowserWindow({ ...windowOptions(path.join(__dirname, '..', 'preload', 'index.cjs'), icon), ...restored.bounds });
    mainWindow = win;
    if (restored.maximized) win.maximize();
    win.once('ready-to-show', () => win.show());
    win.webContents.once('did-finish-load', loaded);
    // Saved when the window closes, from its normal (not maximised) bounds.
    win.on('close', () => {
      try {
        writeWindowState(dataDir, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
      } catch (e) {
        process.stderr.write(`Headroom: could not remember the window's size: ${String(e)}\n`);
      }
    });
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    void win.loadURL(APP_INDEX_URL);
  }

  async function showAbout(b: Backend): Promise<void> {
    const detail = aboutDetail(await b.info(), process.versions, process.platform, process.arch);
    const options = { type: 'info' as const, title: 'About Headroom', message: 'Headroom', detail, buttons: ['OK'] };
    await (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
  }
}
