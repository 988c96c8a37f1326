// Turning scenario text (from a file, the editor or an import) into a validated scenario with
// its hash, and applying command-line overrides. Shared by the CLI and the backend.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { canonicalJson, parseScenarioText, validateScenario, type Scenario, type ValidationIssue } from '../../simulation';

/** Larger scenario files are refused before they are read. */
export const MAX_SCENARIO_BYTES = 10 * 1024 * 1024;

export type Loaded =
  | { ok: true; scenario: Scenario; raw: Record<string, unknown>; sha256: string }
  | { ok: false; errors: ValidationIssue[] };

export function sha256OfScenario(raw: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(raw), 'utf8').digest('hex');
}

export function loadScenarioText(text: string): Loaded {
  if (Buffer.byteLength(text, 'utf8') > MAX_SCENARIO_BYTES) {
    return { ok: false, errors: [{ path: '(file)', message: `is larger than ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB` }] };
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return parsed;
  const raw = parsed.raw as Record<string, unknown>;
  return { ok: true, scenario: parsed.scenario, raw, sha256: sha256OfScenario(raw) };
}

export function loadScenarioFile(file: string): Loaded {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (e) {
    return { ok: false, errors: [{ path: '(file)', message: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }] };
  }
  if (size > MAX_SCENARIO_BYTES) {
    return { ok: false, errors: [{ path: '(file)', message: `${file} is larger than ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB` }] };
  }
  return loadScenarioText(fs.readFileSync(file, 'utf8'));
}

export interface Overrides {
  seed?: number;
  replications?: number;
  horizon_s?: number;
}

/** Applies flags on top of the file's own values and validates again, so flags get the same checks. */
export function applyOverrides(raw: Record<string, unknown>, overrides: Overrides): { ok: true; scenario: Scenario } | { ok: false; errors: ValidationIssue[] } {
  const patched: Record<string, unknown> = { ...raw };
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) patched[key] = value;
  const result = validateScenario(patched);
  return result.ok ? { ok: true, scenario: result.scenario } : { ok: false, errors: result.errors };
}

export function sectionsOf(s: Scenario): ('pipeline' | 'cluster' | 'serving')[] {
  return (['pipeline', 'cluster', 'serving'] as const).filter((k) => s[k] !== undefined);
}
