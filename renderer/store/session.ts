// Small, failure-tolerant wrappers over web storage (storage may be disabled or full).
const SELECTED_SCENARIO_KEY = 'headroom.selectedScenario';
const THEME_KEY = 'headroom.theme';

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

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
