// Turning scenario text (from a file, the editor or an import) into a validated scenario with
// its hash, and applying command-line overrides. Shared by the CLI and the backend.
import crypto from 'node:crypto';
import { canonicalJson, parseScenarioText, validateScenario, type Scenario, type ValidationIssue } from '../../../simulation';
import { MAX_SCENARIO_BYTES } from '../../common/contract';
import { readRegularFile } from './scenario-file-ref';

/** Larger scenario files are refused before they are read (the contract's bound on scenario text). */
export { MAX_SCENARIO_BYTES };

export type Loaded =
  | {
    ok: true; scenario: Scenario; raw: Record<string, unknown>; sha256: string;
    /** Folders its file names resolve under when not the default (a saved version: the library's file cache). */
    fileDirs?: readonly string[];
  }
  | { ok: false; errors: ValidationIssue[] };

export function sha256OfScenario(raw: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(raw), 'utf8').digest('hex');
}

/** `text` without a leading UTF-8 byte-order mark (editors on Windows write one; JSON.parse refuses it). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function loadScenarioText(given: string): Loaded {
  const text = withoutBom(given);
  if (Buffer.byteLength(text, 'utf8') > MAX_SCENARIO_BYTES) {
    return { ok: false, errors: [{ path: '(file)', message: `is larger than ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB` }] };
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return parsed;
  const raw = parsed.raw as Record<string, unknown>;
  return { ok: true, scenario: parsed.scenario, raw, sha256: sha256OfScenario(raw) };
}

/**
 * The text of a scenario or bundle file on disk, for the CLI and desktop imports: a regular file
 * only (a device or FIFO would never end), capped before reading, without a byte-order mark.
 * A refusal's message has no subject: the caller names the file.
 */
export function readScenarioFile(file: string, maxBytes: number): { ok: true; text: string } | { ok: false; message: string } {
  const read = readRegularFile(file, maxBytes);
  if (read.ok) return { ok: true, text: withoutBom(read.content.toString('utf8')) };
  return { ok: false, message: read.code === 'missing' ? 'cannot be read: no such file' : read.reason };
}

export function loadScenarioFile(file: string): Loaded {
  const read = readScenarioFile(file, MAX_SCENARIO_BYTES);
  if (!read.ok) return { ok: false, errors: [{ path: '(file)', message: `${file} ${read.message}` }] };
  return loadScenarioText(read.text);
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
