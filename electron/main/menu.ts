// The application menu, as a template built from plain inputs (so a test can dump it). Items that
// act on the page send it a menu command, and the page does what its own button or key does, so
// the menu, the buttons and the shortcut sheet cannot disagree. Their keys are shown but left to
// the page (registerAccelerator: false): the page's handler already owns Ctrl+Z, F5 and the rest.
// Native editing (cut, copy, paste), zoom and quit are Electron's roles.
import type { MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import type { MenuCommandName } from '../common/menu-commands';

export interface MenuActions {
  /** Sends a command to the page. */
  command(name: MenuCommandName): void;
  /** Imports these files and opens what they hold (File → Open Recent). */
  openFiles(files: string[]): void;
  clearRecent(): void;
  openDocs(): void;
  about(): void;
}

export interface MenuInputs {
  platform: NodeJS.Platform;
  /** Recent scenario files, newest first (those that still exist). */
  recent: readonly string[];
  /** Developer tools only in a development build. */
  packaged: boolean;
  actions: MenuActions;
}

/** A page command with its key shown; the page handles the key itself. */
function pageItem(label: string, name: MenuCommandName, actions: MenuActions, accelerator?: string): MenuItemConstructorOptions {
  return { label, id: `page:${name}`, click: () => actions.command(name), ...(accelerator ? { accelerator, registerAccelerator: false } : {}) };
}

export function menuTemplate({ platform, recent, packaged, actions }: MenuInputs): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] = recent.length === 0
    ? [{ label: 'No recent files', enabled: false }]
    : [
      ...recent.map((file, i): MenuItemConstructorOptions => ({ label: `${i + 1}  ${path.basename(file)}`, toolTip: file, id: `recent:${i}`, click: () => actions.openFiles([file]) })),
      { type: 'separator' },
      { label: 'Clear Recent', id: 'clear-recent', click: () => actions.clearRecent() },
    ];
  const about: MenuItemConstructorOptions = { label: 'About Headroom', id: 'about', click: () => actions.about() };

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      pageItem('New Scenario', 'new-scenario', actions),
      pageItem('Open / Import…', 'import', actions),
      { label: 'Open Recent', id: 'recent', submenu: recentItems },
      { type: 'separator' },
      pageItem('Export Scenario…', 'export-scenario', actions),
      pageItem('Export Report…', 'export-report', actions),
      { type: 'separator' },
      pageItem('Back Up Library…', 'backup', actions),
      pageItem('Restore Library…', 'restore', actions),
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      pageItem('Undo', 'undo', actions, 'CmdOrCtrl+Z'),
      pageItem('Redo', 'redo', actions, 'CmdOrCtrl+Shift+Z'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      pageItem('Presentation', 'present', actions, 'F5'),
      pageItem('Toggle Dark Theme', 'toggle-theme', actions),
      { type: 'separator' },
      pageItem('Toggle Library Panel', 'toggle-library', actions, 'CmdOrCtrl+B'),
      pageItem('Toggle Editor Panel', 'toggle-editor', actions, 'CmdOrCtrl+E'),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(packaged ? [] : [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const]),
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Documentation', id: 'docs', click: () => actions.openDocs() },
      pageItem('Keyboard Shortcuts', 'shortcuts', actions, '?'),
      pageItem('Licences', 'licences', actions),
      ...(mac ? [] : [{ type: 'separator' } as const, about]),
    ],
  };
  const appMenu: MenuItemConstructorOptions = {
    label: 'Headroom',
    submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
  };
  return mac ? [appMenu, file, edit, view, { role: 'windowMenu' }, help] : [file, edit, view, help];
}
