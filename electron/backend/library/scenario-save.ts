// Scenario text → a library version ready to store: safety checks, the CLI's validation, the
// sections and search text, and the files it names (found, stored by content, referenced).
import { sha256Hex, type Library, type NewScenarioVersion, type VersionFileRef } from '../../../db';
import type { Scenario, ValidationIssue } from '../../../simulation';
import { jsonSafetyIssues } from '../transfer/json-safety';
import { findFile, pathRuleIssue, referencedPaths, type FileSources } from './scenario-files';
import { loadScenarioText, sectionsOf, withoutBom } from '../traces/scenario-source';

export type PreparedVersion =
  | { ok: true; input: NewScenarioVersion; scenario: Scenario; raw: Record<string, unknown>; contents: Map<string, Buffer> }
  | { ok: false; errors: ValidationIssue[] };

export interface PrepareOptions extends FileSources {
  note?: string;
  /** Version whose stored files may be reused when the new text names the same files. */
  previousVersionId?: string | null;
}

/** Words the search index should find the scenario by, beyond its name and tags. */
export function searchTextOf(s: Scenario): string {
  const words: string[] = [s.description ?? ''];
  for (const svc of s.serving?.services ?? []) words.push(svc.id);
  for (const pool of s.cluster?.pools ?? []) words.push(pool.id);
  for (const job of s.cluster?.jobs ?? []) words.push(job.id);
  for (const task of s.pipeline?.tasks ?? []) words.push(task.id);
  for (const section of sectionsOf(s)) words.push(section);
  return words.filter(Boolean).join(' ');
}

/**
 * Validates `text` and works out which stored files it names. The file bytes found on disk or
 * handed over are returned in `contents` (by sha256); `commitVersion` stores them with the version.
 */
export function prepareVersion(lib: Library, given: string, options: PrepareOptions = {}): PreparedVersion {
  const text = withoutBom(given);
  const unsafe = jsonSafetyIssues(text);
  if (unsafe.length > 0) return { ok: false, errors: unsafe };
  const loaded = loadScenarioText(text);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };

  const previous = options.previousVersionId ? lib.scenarios.getVersion(options.previousVersionId) : null;
  const refs: VersionFileRef[] = [];
  const contents = new Map<string, Buffer>();
  const errors: ValidationIssue[] = [];
  for (const field of referencedPaths(loaded.raw)) {
    // The rule holds for names a previous version stored too (one saved before the rule existed).
    const refused = pathRuleIssue(field);
    if (refused) {
      errors.push(refused);
      continue;
    }
    const known =
      previous?.files.find((f) => f.jsonPath === field.jsonPath && f.fileName === field.fileName) ??
      previous?.files.find((f) => f.fileName === field.fileName);
    if (known && lib.files.hasFile(known.sha256)) {
      refs.push({ jsonPath: field.jsonPath, fileName: field.fileName, sha256: known.sha256 });
      continue;
    }
    const found = findFile(field, options);
    if (!found.ok) {
      errors.push(found.issue);
      continue;
    }
    const sha256 = sha256Hex(found.content);
    contents.set(sha256, found.content);
    refs.push({ jsonPath: field.jsonPath, fileName: field.fileName, sha256 });
  }
  if (errors.length > 0) return { ok: false, errors };

  const input: NewScenarioVersion = {
    name: loaded.scenario.name,
    json: text,
    sections: sectionsOf(loaded.scenario),
    sha256: loaded.sha256,
    note: options.note ?? '',
    searchText: searchTextOf(loaded.scenario),
    files: refs,
  };
  return { ok: true, input, scenario: loaded.scenario, raw: loaded.raw, contents };
}

/** Stores the prepared files and then the version, in one transaction. */
export function commitVersion<T>(lib: Library, prepared: Extract<PreparedVersion, { ok: true }>, store: () => T): T {
  return lib.transaction(() => {
    for (const content of prepared.contents.values()) lib.files.putFile(content);
    return store();
  });
}
