// The ui slice: the theme (remembered, else the system's) and the one toast at a time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeStore, stubBrowser } from './store-harness';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('ui: theme', () => {
  it("defaults to the system's preference", () => {
    stubBrowser({ prefersDark: true });
    expect(makeStore().store.getState().theme).toBe('dark');
    stubBrowser({ prefersDark: false });
    expect(makeStore().store.getState().theme).toBe('light');
  });

  it('remembers a toggled theme across launches', () => {
    const { local } = stubBrowser({ prefersDark: false });
    const first = makeStore().store;
    first.getState().toggleTheme();
    expect(first.getState().theme).toBe('dark');
    expect(local.getItem('headroom.theme')).toBe('dark');
    expect(makeStore().store.getState().theme).toBe('dark');
  });

  it('works when web storage is unavailable', () => {
    stubBrowser();
    vi.stubGlobal('localStorage', undefined);
    const { store } = makeStore();
    store.getState().toggleTheme();
    expect(store.getState().theme).toBe('dark');
  });
});

describe('ui: toast', () => {
  it('shows one toast at a time, for 12 s after the latest', () => {
    stubBrowser();
    const { store } = makeStore();
    store.getState().showToast('first');
    vi.advanceTimersByTime(11_000);
    store.getState().showToast('second', { label: 'Undo', run: () => {} });
    vi.advanceTimersByTime(11_000);
    expect(store.getState().toast).toMatchObject({ message: 'second', action: { label: 'Undo' } });
    vi.advanceTimersByTime(1_000);
    expect(store.getState().toast).toBeNull();
  });

  it('closes when dismissed', () => {
    stubBrowser();
    const { store } = makeStore();
    store.getState().showToast('hello');
    store.getState().dismissToast();
    expect(store.getState().toast).toBeNull();
  });
});
