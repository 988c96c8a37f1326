// The desktop application menu, rendered: the real template (electron/main/menu.ts) for Linux
// and Windows and for macOS, dumped and drawn as open menus in Chromium, one screenshot each —
// the Electron binary cannot run here, so this is how the menus are looked at. Each page item's
// key is the one the shortcut sheet lists for the same action.
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { expect, test } from '@playwright/test';
import { menuTemplate } from '../../electron/main/menu';
import { SHORTCUT_GROUPS } from '../../renderer/app/shortcut-list';

const noop = () => undefined;
const actions = { command: noop, openFiles: noop, clearRecent: noop, openDocs: noop, about: noop };

const ROLE_LABELS: Record<string, string> = {
  cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All', resetZoom: 'Actual Size', zoomIn: 'Zoom In', zoomOut: 'Zoom Out',
  togglefullscreen: 'Toggle Full Screen', toggleDevTools: 'Toggle Developer Tools', quit: 'Quit', hide: 'Hide Headroom', hideOthers: 'Hide Others',
  unhide: 'Show All', windowMenu: 'Window', help: 'Help',
};
const ROLE_KEYS: Record<string, string> = { cut: 'Ctrl+X', copy: 'Ctrl+C', paste: 'Ctrl+V', selectAll: 'Ctrl+A', resetZoom: 'Ctrl+0', zoomIn: 'Ctrl+Plus', zoomOut: 'Ctrl+-', togglefullscreen: 'F11', toggleDevTools: 'Ctrl+Shift+I' };

function label(item: MenuItemConstructorOptions): string {
  return (item.label ?? ROLE_LABELS[item.role ?? ''] ?? item.role ?? '').replace('&', '');
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function render(template: MenuItemConstructorOptions[], open: number): string {
  const bar = template.map((m, i) => `<span class="top${i === open ? ' open' : ''}">${esc(label(m))}</span>`).join('');
  const items = ((template[open]!.submenu ?? []) as MenuItemConstructorOptions[]).map((it) => {
    if (it.type === 'separator') return '<hr>';
    const key = (it.accelerator as string | undefined)?.replace('CmdOrCtrl', 'Ctrl') ?? ROLE_KEYS[it.role ?? ''] ?? '';
    const sub = it.submenu ? '<span class="key">▸</span>' : `<span class="key">${esc(key)}</span>`;
    return `<div class="item${it.enabled === false ? ' off' : ''}"><span>${esc(label(it))}</span>${sub}</div>`;
  }).join('');
  return `<!doctype html><style>
    body { margin: 0; font: 14px system-ui, sans-serif; background: #e9ecf1; }
    .bar { display: flex; background: #f6f7f9; border-bottom: 1px solid #c9ced6; padding: 2px 6px; }
    .top { padding: 5px 10px; } .top.open { background: #2b5fd9; color: #fff; border-radius: 4px; }
    .menu { position: absolute; left: ${8 + open * 58}px; top: 32px; min-width: 280px; background: #fff; border: 1px solid #c9ced6;
      border-radius: 6px; box-shadow: 0 6px 20px rgba(0,0,0,.18); padding: 4px 0; }
    .item { display: flex; justify-content: space-between; gap: 32px; padding: 5px 16px; } .item.off { color: #999; }
    .key { color: #667; } hr { border: 0; border-top: 1px solid #e1e4e9; margin: 4px 0; }
  </style><div class="bar">${bar}</div><div class="menu">${items}</div>`;
}

for (const platform of ['linux', 'darwin'] as const) {
  test(`the application menu on ${platform}, each menu drawn open`, async ({ page }, testInfo) => {
    const template = menuTemplate({ platform, recent: [path.resolve('plans', 'q3-serving.headroom.json'), path.resolve('plans', 'nightly.headroom.json')], packaged: true, actions });
    await testInfo.attach(`menu-${platform}.json`, { body: JSON.stringify(template, null, 2), contentType: 'application/json' });
    await page.setViewportSize({ width: 480, height: 460 });
    for (let i = 0; i < template.length; i++) {
      if (!template[i]!.submenu) continue;
      await page.setContent(render(template, i));
      await expect(page.locator('.item').first()).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`menu-${platform}-${label(template[i]!).toLowerCase()}.png`) });
    }
    const help = template.find((m) => label(m) === 'Help')!.submenu as MenuItemConstructorOptions[];
    expect(help.map(label)).toContain('Keyboard Shortcuts');
  });
}

test('each page item\'s key is the shortcut sheet\'s key for the same action', () => {
  const template = menuTemplate({ platform: 'linux', recent: [], packaged: true, actions });
  const sheet = new Map(SHORTCUT_GROUPS.flatMap((g) => g.shortcuts.map((s) => [s.id, s.keys.map((k) => k.join('+'))] as const)));
  const byCommand: Record<string, string> = { undo: 'undo', redo: 'redo', present: 'present', 'toggle-library': 'toggle-library', 'toggle-editor': 'toggle-editor', shortcuts: 'shortcuts' };
  const items = template.flatMap((m) => (m.submenu ?? []) as MenuItemConstructorOptions[]).filter((i) => i.id?.startsWith('page:') && i.accelerator);
  expect(items.length).toBeGreaterThanOrEqual(6);
  for (const it of items) {
    const command = it.id!.slice('page:'.length);
    const keys = sheet.get(byCommand[command] as never);
    expect(keys, command).toBeDefined();
    expect(keys, command).toContain((it.accelerator as string).replace('CmdOrCtrl', 'Ctrl'));
    expect(it.registerAccelerator, command).toBe(false);
  }
});
