// A fake of the `electron` module for the main process's tests (vi.mock('electron')): the parts
// Headroom's shell uses, recording what it is asked to do and letting a test play the system's
// part (the app becoming ready, a second launch, a file opened, a window closed, a page's IPC
// call). Not a simulation of Electron: where behaviour matters (the app:// handler, IPC
// validation, the quit sequence) the real code runs and only Electron's side is replaced.
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';

type Listener = (...args: unknown[]) => unknown;

export interface Recorded {
  errorBoxes: { title: string; content: string }[];
  messageBoxes: unknown[];
  exits: number[];
  quits: number;
  openedExternal: string[];
  openedPaths: string[];
  schemes: unknown[];
  recentDocuments: string[];
  menu: unknown[] | null;
}

class FakeSession {
  permissionRequest: Listener | null = null;
  permissionCheck: Listener | null = null;
  setPermissionRequestHandler(h: Listener) {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: Listener) {
    this.permissionCheck = h;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly session = new FakeSession();
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload: structuredClone(payload) });
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = h;
  }
}

export class BrowserWindow extends EventEmitter {
  static windows: BrowserWindow[] = [];
  static getAllWindows() {
    return BrowserWindow.windows.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  url: string | null = null;
  maximized = false;
  minimized = false;
  shown = false;
  focused = 0;
  destroyed = false;
  bounds: { x: number; y: number; width: number; height: number };
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    this.bounds = { x: (options.x as number) ?? 100, y: (options.y as number) ?? 100, width: options.width as number, height: options.height as number };
    BrowserWindow.windows.push(this);
    state.app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string) {
    this.url = url;
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  show() {
    this.shown = true;
  }
  focus() {
    this.focused++;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  /** The user closes the window: 'close', then 'closed'. */
  close() {
    this.emit('close', { preventDefault() {} });
    this.destroyed = true;
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0) state.app.emit('window-all-closed');
  }
  /** The page has loaded. */
  finishLoad() {
    this.emit('ready-to-show');
    this.webContents.emit('did-finish-load');
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  lock = true;
  private paths = new Map<string, string>([['userData', path.join(os.tmpdir(), 'headroom-fake-userdata')], ['documents', os.tmpdir()]]);
  private readyResolve: (() => void) | null = null;
  private readyPromise = new Promise<void>((r) => (this.readyResolve = r));
  name = 'Electron';
  setName(n: string) {
    this.name = n;
  }
  getPath(name: string) {
    const p = this.paths.get(name);
    if (!p) throw new Error(`fake app has no path ${name}`);
    return p;
  }
  setPath(name: string, p: string) {
    this.paths.set(name, p);
  }
  requestSingleInstanceLock() {
    return this.lock;
  }
  ready = false;
  whenReady() {
    return this.readyPromise;
  }
  isReady() {
    return this.ready;
  }
  /** The system says the app is ready. */
  becomeReady() {
    this.ready = true;
    this.readyResolve?.();
  }
  /** A user's quit (menu, Ctrl+Q): 'before-quit', and the real quit if nobody prevented it. */
  requestQuit(): boolean {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    return !prevented;
  }
  quit() {
    state.recorded.quits++;
    this.requestQuit();
  }
  exit(code: number) {
    state.recorded.exits.push(code);
  }
  addRecentDocument(p: string) {
    state.recorded.recentDocuments.push(p);
  }
  clearRecentDocuments() {
    state.recorded.recentDocuments = [];
  }
}

function freshRecorded(): Recorded {
  return { errorBoxes: [], messageBoxes: [], exits: [], quits: 0, openedExternal: [], openedPaths: [], schemes: [], recentDocuments: [], menu: null };
}

export const state = {
  app: new FakeApp(),
  recorded: freshRecorded(),
  ipcHandlers: new Map<string, Listener>(),
  protocolHandlers: new Map<string, (req: { url: string }) => Promise<Response>>(),
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  /** What the next open/save dialog answers. */
  nextDialog: { canceled: true, filePaths: [] as string[], filePath: undefined as string | undefined },
};

/** A fresh fake for each test. */
export function resetFake(): void {
  state.app.removeAllListeners();
  state.app = new FakeApp();
  state.recorded = freshRecorded();
  state.ipcHandlers.clear();
  state.protocolHandlers.clear();
  state.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
  BrowserWindow.windows = [];
}

export const app = new Proxy({}, { get: (_t, k) => {
  const v = (state.app as unknown as Record<string | symbol, unknown>)[k];
  return typeof v === 'function' ? (v as Listener).bind(state.app) : v;
} }) as FakeApp;

export const ipcMain = {
  handle(channel: string, listener: Listener) {
    state.ipcHandlers.set(channel, listener);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]) {
    if (state.app.ready) throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
    state.recorded.schemes.push(...schemes);
  },
  handle(scheme: string, handler: (req: { url: string }) => Promise<Response>) {
    state.protocolHandlers.set(scheme, handler);
  },
};

export const dialog = {
  showErrorBox(title: string, content: string) {
    state.recorded.errorBoxes.push({ title, content });
  },
  async showMessageBox(...args: unknown[]) {
    state.recorded.messageBoxes.push(args.at(-1));
    return { response: 0 };
  },
  async showOpenDialog() {
    return { canceled: state.nextDialog.canceled, filePaths: state.nextDialog.filePaths };
  },
  async showSaveDialog() {
    return { canceled: state.nextDialog.canceled, filePath: state.nextDialog.filePath };
  },
};

export interface FakeMenuItem {
  label?: string;
  role?: string;
  id?: string;
  type?: string;
  accelerator?: string;
  registerAccelerator?: boolean;
  enabled?: boolean;
  click?: () => void;
  submenu?: FakeMenuItem[];
}

export const Menu = {
  buildFromTemplate(template: FakeMenuItem[]) {
    return { items: template };
  },
  setApplicationMenu(menu: { items: FakeMenuItem[] } | null) {
    state.recorded.menu = menu?.items ?? null;
  },
};

export const screen = {
  getAllDisplays() {
    return state.displays;
  },
};

export const shell = {
  async openExternal(url: string) {
    state.recorded.openedExternal.push(url);
  },
  async openPath(p: string) {
    state.recorded.openedPaths.push(p);
    return '';
  },
};
