// Small, failure-tolerant wrappers over web storage (storage may be disabled or full).
const SELECTED_SCENARIO_KEY = 'headroom.selectedScenario';
const THEME_KEY = 'headroom.theme';
const PANELS_KEY = 'headroom.panels';

function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function write(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(key);
    else storage().setItem(key, value);
  } catch {
    // Losing a remembered preference is harmless.
  }
}

export const rememberedScenarioId = () => read(() => sessionStorage, SELECTED_SCENARIO_KEY);
export const rememberScenarioId = (id: string | null) => write(() => sessionStorage, SELECTED_SCENARIO_KEY, id);
export const rememberedTheme = () => read(() => localStorage, THEME_KEY);
export const rememberTheme = (theme: string) => write(() => localStorage, THEME_KEY, theme);

/** The remembered panel layout as stored (JSON), unchecked: the ui slice validates it. */
export function rememberedPanels(): unknown {
  const text = read(() => localStorage, PANELS_KEY);
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
export const rememberPanels = (panels: object) => write(() => localStorage, PANELS_KEY, JSON.stringify(panels));

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
