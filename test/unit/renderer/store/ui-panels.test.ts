// The ui slice's panel layout (widths and collapsed state, remembered across reloads), the
// presentation view and the shortcut sheet flags.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PANEL_LIMITS, panelLayoutFrom } from '../../../../renderer/store/ui-slice';
import { makeStore, stubBrowser } from './store-harness';

afterEach(() => vi.unstubAllGlobals());

const DEFAULTS = { sidebarWidth: PANEL_LIMITS.sidebar.initial, editorWidth: PANEL_LIMITS.editor.initial, sidebarCollapsed: false, editorCollapsed: false };

describe('ui: panels', () => {
  it('starts at the default layout', () => {
    stubBrowser();
    expect(makeStore().store.getState().panels).toEqual(DEFAULTS);
  });

  it('remembers widths and collapsed panels across reloads', () => {
    const { local } = stubBrowser();
    const first = makeStore().store;
    first.getState().setPanelWidth('sidebar', 321.4);
    first.getState().setPanelWidth('editor', 512);
    first.getState().togglePanel('editor');
    expect(JSON.parse(local.getItem('headroom.panels')!)).toEqual({ sidebarWidth: 321, editorWidth: 512, sidebarCollapsed: false, editorCollapsed: true });
    const second = makeStore().store;
    expect(second.getState().panels).toEqual({ sidebarWidth: 321, editorWidth: 512, sidebarCollapsed: false, editorCollapsed: true });
    second.getState().togglePanel('editor');
    expect(second.getState().panels.editorCollapsed).toBe(false);
  });

  it('clamps a width to the panel limits', () => {
    stubBrowser();
    const { store } = makeStore();
    store.getState().setPanelWidth('sidebar', 10);
    expect(store.getState().panels.sidebarWidth).toBe(PANEL_LIMITS.sidebar.min);
    store.getState().setPanelWidth('editor', 99_999);
    expect(store.getState().panels.editorWidth).toBe(PANEL_LIMITS.editor.max);
    store.getState().setPanelWidth('editor', Number.NaN);
    expect(store.getState().panels.editorWidth).toBe(PANEL_LIMITS.editor.initial);
  });

  it('takes each bad or missing part of a stored layout as its default', () => {
    expect(panelLayoutFrom(null)).toEqual(DEFAULTS);
    expect(panelLayoutFrom('junk')).toEqual(DEFAULTS);
    expect(panelLayoutFrom({ sidebarWidth: '300', editorWidth: 5000, sidebarCollapsed: 'yes', editorCollapsed: true }))
      .toEqual({ ...DEFAULTS, editorWidth: PANEL_LIMITS.editor.max, editorCollapsed: true });
  });

  it('survives unreadable JSON and unavailable storage', () => {
    const { local } = stubBrowser();
    local.setItem('headroom.panels', '{not json');
    expect(makeStore().store.getState().panels).toEqual(DEFAULTS);
    vi.stubGlobal('localStorage', undefined);
    const { store } = makeStore();
    store.getState().togglePanel('sidebar');
    expect(store.getState().panels.sidebarCollapsed).toBe(true);
  });
});

describe('ui: presentation and shortcut sheet', () => {
  it('start off every launch and toggle', () => {
    stubBrowser();
    const { store } = makeStore();
    expect(store.getState().presenting).toBe(false);
    expect(store.getState().shortcutsOpen).toBe(false);
    store.getState().setPresenting(true);
    store.getState().openShortcuts();
    expect(store.getState()).toMatchObject({ presenting: true, shortcutsOpen: true });
    store.getState().closeShortcuts();
    expect(store.getState().shortcutsOpen).toBe(false);
  });
});
