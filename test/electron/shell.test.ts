// The desktop shell's main process, run under vitest against a fake `electron` module
// (fake-electron.ts) with the real backend, a real library in a temp folder, the real app://
// handler on the built renderer and the real IPC validation. The Electron binary cannot be
// downloaded here, so this suite (with test/e2e/electron.spec.ts where it can run) is the proof.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API, API_EVENTS } from '../../electron/common/api';
import { CSP } from '../../electron/common/csp';
import { IPC_EVENT_CHANNEL_PREFIX, IPC_INVOKE_CHANNEL } from '../../electron/common/contract';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { launch, EXIT_LIBRARY_REFUSED } = await import('../../electron/main/shell');
const { APP_INDEX_URL } = await import('../../electron/main/app-protocol');

const root = path.resolve(__dirname, '..', '..');
const example = path.join(root, 'assets', 'examples', 'risk-model-api.json');
let dataDir: string;
let desktops: { backend(): { shutdown(): Promise<void>; close(): void } | null }[] = [];

beforeEach(() => {
  fake.resetFake();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-shell-'));
  process.env.HEADROOM_DATA_DIR = dataDir;
  desktops = [];
});

afterEach(async () => {
  for (const d of desktops) {
    const b = d.backend();
    if (b) {
      await b.shutdown();
      try {
        b.close();
      } catch {
        // closed by the test's quit
      }
    }
  }
  delete process.env.HEADROOM_DATA_DIR;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Launches the shell with `argv` and makes the app ready; resolves to the window. */
async function started(argv: string[] = ['headroom'], cwd = root) {
  const desktop = launch(argv, cwd);
  desktops.push(desktop);
  fake.state.app.becomeReady();
  expect(await desktop.ready).not.toBeNull();
  const win = fake.BrowserWindow.windows.at(-1)!;
  return { desktop, win };
}

/** The page's IPC call, as the preload sends it, from `frame`. */
function invoke(method: string, args: unknown[], frame: { url: string; parent: unknown } | null = { url: APP_INDEX_URL, parent: null }) {
  const handler = fake.state.ipcHandlers.get(IPC_INVOKE_CHANNEL);
  if (!handler) throw new Error('no IPC handler');
  return new Promise((resolve) => resolve(handler({ senderFrame: frame }, method, args)));
}

function menuItem(path: string[]): fake.FakeMenuItem {
  let items = fake.state.recorded.menu as fake.FakeMenuItem[];
  let found: fake.FakeMenuItem | undefined;
  for (const label of path) {
    found = items.find((i) => (i.label ?? i.role)?.replace('&', '') === label);
    if (!found) throw new Error(`no menu item ${path.join(' → ')} (at ${label})`);
    items = found.submenu ?? [];
  }
  return found!;
}

function menuCommands(win: fake.BrowserWindow) {
  return win.webContents.sent.filter((m) => m.channel === `${IPC_EVENT_CHANNEL_PREFIX}onMenuCommand`).map((m) => m.payload);
}

describe('start', () => {
  it('registers app:// as a privileged scheme before ready, then opens one secure window on it', async () => {
    const desktop = launch(['headroom'], root);
    desktops.push(desktop);
    expect(fake.state.recorded.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) })]);
    expect(fake.BrowserWindow.windows).toHaveLength(0);
    fake.state.app.becomeReady();
    await desktop.ready;
    expect(fake.BrowserWindow.windows).toHaveLength(1);
    const win = fake.BrowserWindow.windows[0]!;
    expect(win.url).toBe('app://headroom/index.html');
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false,
      webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false, navigateOnDragDrop: false,
    });
    expect(win.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(win.options.webPreferences).not.toHaveProperty('additionalArguments');
    expect((win.options.webPreferences as { preload: string }).preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(win.shown).toBe(false);
    win.finishLoad();
    expect(win.shown).toBe(true);
    expect(fake.state.app.name).toBe('Headroom');
  });

  it('a second launch quits at once and opens nothing: the first instance has the lock', async () => {
    fake.state.app.lock = false;
    const desktop = launch(['headroom'], root);
    fake.state.app.becomeReady();
    expect(await desktop.ready).toBeNull();
    expect(fake.state.recorded.quits).toBe(1);
    expect(fake.BrowserWindow.windows).toHaveLength(0);
  });

  it('a library held by another process is refused untouched: a message, exit code 2, no window', async () => {
    const first = await started();
    fake.resetFake();
    const second = launch(['headroom'], root);
    fake.state.app.becomeReady();
    expect(await second.ready).toBeNull();
    expect(fake.state.recorded.exits).toEqual([EXIT_LIBRARY_REFUSED]);
    expect(fake.state.recorded.errorBoxes[0]!.title).toBe('Headroom cannot open its library');
    expect(fake.BrowserWindow.windows).toHaveLength(0);
    expect(first.desktop.backend()).not.toBeNull();
  });
});

describe('the app:// protocol', () => {
  const get = (url: string) => fake.state.protocolHandlers.get('app')!({ url });

  it('serves the built renderer, HTML with the CSP header — the same policy as the page\'s meta tag, without unsafe-eval', async () => {
    await started();
    const page = await get('app://headroom/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(CSP).not.toMatch(/unsafe-eval|unsafe-inline/);
    const html = await page.text();
    const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await get(`app://headroom/${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const source = fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(source)![1]!;
    expect(`${meta}; frame-ancestors 'none'`).toBe(CSP);
  });

  it.each([
    'app://headroom/../package.json',
    'app://headroom/%2e%2e/package.json',
    'app://headroom/%2E%2E%2F%2E%2E%2Fpackage.json',
    'app://headroom/assets/..%2f..%2f..%2fpackage.json',
    'app://headroom/..%5c..%5cpackage.json',
    'app://headroom/index.html%00.png',
    'app://evil/index.html',
    'app://headroom/%E0%A4%A',
  ])('answers %s with nothing outside the renderer folder', async (url) => {
    await started();
    const res = await get(url);
    // Refused (403), or, where URL parsing already folded the `..` away, a file inside the folder that is not there (404).
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).toMatch(/^(forbidden|not found)$/);
  });

  it('refuses, not just misses, a path whose decoding leaves the folder', async () => {
    await started();
    expect((await get('app://headroom/..%2fpackage.json')).status).toBe(403);
    expect((await get('app://headroom/assets/..%2f..%2f..%2fpackage.json')).status).toBe(403);
    expect((await get('app://headroom/..%5cpackage.json')).status).toBe(403);
    expect((await get('app://evil/index.html')).status).toBe(403);
  });

  it('answers 404 for a missing file inside the renderer', async () => {
    await started();
    expect((await get('app://headroom/nope.js')).status).toBe(404);
  });
});

describe('IPC', () => {
  it('answers the app\'s page in its main frame, and validates the payload by the one contract', async () => {
    await started();
    expect(await invoke('info', [])).toMatchObject({ shell: 'electron', dataDir });
    await expect(invoke('getScenario', [42])).rejects.toThrow(/id/);
    await expect(invoke('nope', [])).rejects.toThrow(/^unknown method/);
  });

  it.each([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: `file://${root}/out/renderer/index.html`, parent: null }],
    ['a sub-frame of the app', { url: APP_INDEX_URL, parent: {} }],
    ['no frame', null],
  ])('refuses %s', async (_what, frame) => {
    await started();
    await expect(invoke('info', [], frame)).rejects.toThrow('unexpected IPC sender');
  });
});

describe('web contents hardening', () => {
  it('denies every new window (an allow-listed link goes to the browser), navigation away, webviews and permissions', async () => {
    const { win } = await started();
    const wc = win.webContents;
    expect(wc.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'https://creativecommons.org/licenses/by/4.0/' })).toEqual({ action: 'deny' });
    expect(fake.state.recorded.openedExternal).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
    const navigate = (event: string, url: string) => {
      let prevented = false;
      wc.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'app://headroom/index.html#x')).toBe(false);
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate('will-attach-webview', 'app://headroom/index.html')).toBe(true);
    const answers: boolean[] = [];
    for (const perm of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) wc.session.permissionRequest!(wc, perm, (ok: boolean) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false, false]);
    expect(wc.session.permissionCheck!(wc, 'media')).toBe(false);
  });
});

describe('the application menu', () => {
  it('has File, Edit, View and Help with the issue\'s items; page items send their command to the window', async () => {
    const { win } = await started();
    const labels = (name: string) => (menuItem([name]).submenu ?? []).filter((i) => i.type !== 'separator').map((i) => i.label ?? i.role);
    expect((fake.state.recorded.menu as fake.FakeMenuItem[]).map((m) => (m.label ?? m.role)!.replace('&', ''))).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels('File')).toEqual(['New Scenario', 'Open / Import…', 'Open Recent', 'Export Scenario…', 'Export Report…', 'Back Up Library…', 'Restore Library…', 'Quit']);
    expect(labels('Edit')).toEqual(['Undo', 'Redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(labels('View')).toEqual(['Presentation', 'Toggle Dark Theme', 'Toggle Library Panel', 'Toggle Editor Panel', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'toggleDevTools']);
    expect(labels('Help')).toEqual(['Documentation', 'Keyboard Shortcuts', 'Licences', 'About Headroom']);
    // The page owns the keys it shows: the menu must not swallow them.
    for (const item of [menuItem(['Edit', 'Undo']), menuItem(['View', 'Presentation']), menuItem(['Help', 'Keyboard Shortcuts'])]) expect(item.registerAccelerator).toBe(false);
    menuItem(['Help', 'Keyboard Shortcuts']).click!();
    menuItem(['View', 'Presentation']).click!();
    menuItem(['File', 'New Scenario']).click!();
    menuItem(['Help', 'Licences']).click!();
    expect(menuCommands(win)).toEqual([{ command: 'shortcuts' }, { command: 'present' }, { command: 'new-scenario' }, { command: 'licences' }]);
    expect(menuItem(['File', 'Open Recent']).submenu![0]).toMatchObject({ label: 'No recent files', enabled: false });
  });

  it('Help → Documentation opens the bundled docs; About shows the versions', async () => {
    await started();
    menuItem(['Help', 'Documentation']).click!();
    expect(fake.state.recorded.openedPaths).toEqual([path.join(root, 'docs', 'README.md')]);
    expect(fs.existsSync(fake.state.recorded.openedPaths[0]!)).toBe(true);
    menuItem(['Help', 'About Headroom']).click!();
    await vi.waitFor(() => expect(fake.state.recorded.messageBoxes).toHaveLength(1));
    const detail = (fake.state.recorded.messageBoxes[0] as { detail: string }).detail;
    expect(detail).toMatch(/^Headroom \d+\.\d+\.\d+\nSimulation engine \d+\.\d+\.\d+\nElectron /);
    expect(detail).toContain(`Node.js ${process.versions.node}`);
  });

  it('a packaged app has no developer tools in the menu', async () => {
    fake.state.app.isPackaged = true;
    await started();
    expect(menuItem(['View']).submenu!.some((i) => i.role === 'toggleDevTools')).toBe(false);
  });
});

describe('scenario files from the system', () => {
  it('a file on the first launch\'s command line is imported once the page has loaded, and opened', async () => {
    const { win } = await started(['headroom', example, '--some-switch']);
    expect(menuCommands(win)).toEqual([]);
    win.finishLoad();
    const [cmd] = menuCommands(win) as { command: string; result: { imported: { id: string; name: string }[]; problems: unknown[] } }[];
    expect(cmd!.command).toBe('imported');
    expect(cmd!.result.problems).toEqual([]);
    expect(cmd!.result.imported).toHaveLength(1);
    expect(menuItem(['File', 'Open Recent']).submenu![0]).toMatchObject({ label: '1  risk-model-api.json', toolTip: example });
    expect(fake.state.recorded.recentDocuments).toEqual([example]);
  });

  it('a second launch with a file focuses the first window and opens the file there', async () => {
    const { win } = await started();
    win.finishLoad();
    win.minimized = true;
    fake.state.app.emit('second-instance', {}, ['headroom', path.relative(root, example)], root);
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(1);
    expect(menuCommands(win)).toHaveLength(1);
    expect(fake.BrowserWindow.windows).toHaveLength(1);
  });

  it('macOS open-file before the app is ready waits for the page; a bad file is reported, not lost', async () => {
    const bad = path.join(dataDir, 'broken.headroom.json');
    fs.writeFileSync(bad, '{"format": "headroom.scenario/v1", "name": 3}');
    const desktop = launch(['headroom'], root);
    desktops.push(desktop);
    let prevented = false;
    fake.state.app.emit('open-file', { preventDefault: () => (prevented = true) }, bad);
    expect(prevented).toBe(true);
    fake.state.app.becomeReady();
    await desktop.ready;
    const win = fake.BrowserWindow.windows[0]!;
    win.finishLoad();
    const [cmd] = menuCommands(win) as { result: { imported: unknown[]; problems: { file: string; path: string }[] } }[];
    expect(cmd!.result.imported).toEqual([]);
    expect(cmd!.result.problems[0]).toMatchObject({ file: bad, path: 'name' });
  });

  it('File → Open Recent opens the file again; Clear Recent empties the list', async () => {
    const { win } = await started(['headroom', example]);
    win.finishLoad();
    menuItem(['File', 'Open Recent', '1  risk-model-api.json']).click!();
    expect(menuCommands(win)).toHaveLength(2);
    menuItem(['File', 'Open Recent', 'Clear Recent']).click!();
    expect(menuItem(['File', 'Open Recent']).submenu![0]).toMatchObject({ label: 'No recent files' });
  });
});

describe('window state', () => {
  it('remembers size, position and maximised state across launches', async () => {
    const first = await started();
    first.win.bounds = { x: 200, y: 150, width: 1400, height: 900 };
    first.win.maximized = true;
    first.win.close();
    await first.desktop.backend()!.shutdown();
    first.desktop.backend()!.close();
    desktops = [];
    fake.resetFake();
    const { win } = await started();
    expect(win.options).toMatchObject({ x: 200, y: 150, width: 1400, height: 900 });
    expect(win.maximized).toBe(true);
  });

  it('a window saved on a display that is gone opens on the one there is', async () => {
    fs.writeFileSync(path.join(dataDir, 'window-state.json'), JSON.stringify({ bounds: { x: 3000, y: 100, width: 1200, height: 800 }, maximized: false }));
    const { win } = await started();
    expect(win.options).toMatchObject({ x: 720, y: 100, width: 1200, height: 800 });
  });
});

describe('native dialogs', () => {
  it('File → Import: the chosen files are imported; Cancel imports nothing', async () => {
    await started();
    fake.state.nextDialog = { canceled: true, filePaths: [], filePath: undefined };
    expect(await invoke('openImport', [])).toBeNull();
    fake.state.nextDialog = { canceled: false, filePaths: [example], filePath: undefined };
    const result = (await invoke('openImport', [])) as { imported: { name: string }[]; problems: unknown[] };
    expect(result.problems).toEqual([]);
    expect(result.imported).toHaveLength(1);
  });

  it('Export report: written where the user chose, HTML with its charts; a bad kind is refused by name', async () => {
    await started();
    const [scenario] = (await invoke('listScenarios', [])) as { id: string }[];
    const run = (await invoke('startRun', [scenario!.id, { replications: 2, maxWallS: 60 }])) as { id: string };
    await vi.waitFor(async () => expect(((await invoke('listRuns', [scenario!.id])) as { status: string }[])[0]!.status).toBe('done'), { timeout: 60_000 });
    const file = path.join(dataDir, 'review.html');
    fake.state.nextDialog = { canceled: false, filePaths: [], filePath: file };
    expect(await invoke('saveRunReport', [run.id, 'html', null])).toBe(file);
    expect(fs.readFileSync(file, 'utf8')).toContain('<svg');
    await expect(invoke('saveRunReport', [run.id, 'exe', null])).rejects.toThrow(/kind/);
  });

  it('Back up the library to a chosen file: a verified SQLite copy', async () => {
    await started();
    const file = path.join(dataDir, 'copy.sqlite');
    fake.state.nextDialog = { canceled: false, filePaths: [], filePath: file };
    expect(await invoke('saveLibraryBackup', [])).toBe(file);
    expect(fs.readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});

describe('quit', () => {
  it('waits for the running run to stop and be recorded, closes the library, then quits', async () => {
    const { desktop } = await started();
    const [scenario] = (await invoke('listScenarios', [])) as { id: string }[];
    const run = (await invoke('startRun', [scenario!.id, { replications: 1000 }])) as { id: string };
    await vi.waitFor(async () => expect(((await invoke('listRuns', [scenario!.id])) as { status: string }[])[0]!.status).toBe('running'), { timeout: 10_000 });
    expect(fake.state.app.requestQuit()).toBe(false); // held until the backend has stopped
    await vi.waitFor(() => expect(fake.state.recorded.quits).toBe(1), { timeout: 10_000 });
    desktops = [];
    expect(desktop.backend()).not.toBeNull();
    // The library was closed cleanly: it opens again, with the run recorded as ended.
    const { openLibrary } = await import('../../db');
    const lib = openLibrary(dataDir);
    try {
      const status = lib.runs.getRun(run.id)?.status;
      expect(['cancelled', 'failed']).toContain(status);
    } finally {
      lib.close();
    }
  });
});

describe('the preload', () => {
  it('exposes exactly the contract: one function per method and event of the table, nothing else', async () => {
    const code = fs.readFileSync(path.join(root, 'out', 'preload', 'index.cjs'), 'utf8');
    let exposed: Record<string, unknown> | null = null;
    const electronStub = {
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => { expect(key).toBe('headroom'); exposed = value; } },
      ipcRenderer: { invoke: async () => undefined, on: () => undefined, removeListener: () => undefined },
    };
    const requireStub = (name: string) => {
      if (name === 'electron') return electronStub;
      throw new Error(`the sandboxed preload may require only electron, not ${name}`);
    };
    new Function('require', 'module', 'exports', code)(requireStub, { exports: {} }, {});
    expect(Object.keys(exposed!).sort()).toEqual([...Object.keys(API), ...Object.keys(API_EVENTS)].sort());
    expect(Object.values(exposed!).every((v) => typeof v === 'function')).toBe(true);
  });
});
