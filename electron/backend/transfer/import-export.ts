// Import and export of scenario files (scenario-format.md): one scenario as its plain JSON file
// with the files it names beside it, or a `headroom.bundle/v1` with many scenarios and their
// history. Imports are validated exactly as the CLI validates, capped in size before reading,
// depth-limited and free of prototype keys; each file is imported whole or not at all.
import fs from 'node:fs';
import path from 'node:path';
import type { ImportedVersion, Library } from '../../../db';
import type { ExportedFile, ExportOptions, ImportedResult, ImportFile, ImportProblem, ImportResult, ScenarioSummary } from '../../common/contract';
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_TOTAL_BYTES, MAX_RESULT_IMPORT_BYTES } from '../../common/contract';
import { writeFileAtomic } from '../atomic-write';
import { BUNDLE_FORMAT, checkBundle, looksLikeBundle, type Bundle } from './bundle-format';
import { jsonSafetyIssues } from './json-safety';
import { importResultFile } from './import-results';
import { recogniseResultFile, type ResultFile } from './result-documents';
import { pathRuleIssue, referencedPaths, withPaths } from '../library/scenario-files';
import { MAX_REFERENCED_FILE_BYTES, readRegularFile } from '../traces/scenario-file-ref';
import { commitVersion, prepareVersion, searchTextOf } from '../library/scenario-save';
import { loadScenarioText, readScenarioFile, sectionsOf, withoutBom } from '../traces/scenario-source';
import { toScenarioSummary } from '../library/to-contract';

export function slugOf(name: string): string {
  const slug = name.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/[\s_-]+/g, '-').slice(0, 60).replace(/-+$/, '');
  return slug || 'scenario';
}

function mustScenario(lib: Library, id: string) {
  const rec = lib.scenarios.getScenario(id);
  if (!rec) throw new Error(`no scenario with id ${id}`);
  return rec;
}

/** The content of an export (the browser preview downloads it; the desktop app writes it). */
export function exportScenarios(lib: Library, ids: readonly string[], options: ExportOptions, appVersion: string, now: Date): ExportedFile {
  if (!options.history && ids.length === 1) return exportPlain(lib, ids[0] as string);
  const bundle = buildBundle(lib, ids, appVersion, now);
  const first = bundle.scenarios[0];
  const base = ids.length === 1 && first ? slugOf(first.name) : `headroom-scenarios-${now.toISOString().slice(0, 10)}`;
  return { fileName: `${base}.bundle.json`, mediaType: 'application/json', text: `${JSON.stringify(bundle, null, 2)}\n`, companions: [] };
}

/**
 * The rule of ./scenario-file-ref.ts for a stored version's files: a library written before the
 * rule may hold a version naming, say, /etc/passwd; its stored bytes are never handed out.
 */
function checkStoredNames(files: readonly { jsonPath: string; fileName: string }[], where: string): void {
  for (const f of files) {
    const refused = pathRuleIssue({ jsonPath: f.jsonPath, fileName: f.fileName });
    if (refused) throw new Error(`${where} › ${refused.path}: ${refused.message}; change the path in a new version, then export`);
  }
}

/** The latest version's file; names of the files it refers to become their base names beside it. */
function exportPlain(lib: Library, id: string): ExportedFile {
  const rec = mustScenario(lib, id);
  const version = lib.scenarios.getVersion(rec.versionId);
  const fileName = `${slugOf(rec.name)}.json`;
  if (!version || version.files.length === 0) return { fileName, mediaType: 'application/json', text: rec.json, companions: [] };
  checkStoredNames(version.files, `“${rec.name}” v${version.version}`);
  const renamed = new Map<string, string>();
  const companions: ExportedFile['companions'] = [];
  const used = new Map<string, string>(); // companion name → sha256
  for (const ref of version.files) {
    const plain = path.basename(ref.fileName.replace(/\\/g, '/'));
    const first = plain === '' || plain === '.' || plain === '..' ? 'data.csv' : plain;
    let name = first;
    for (let n = 2; used.has(name) && used.get(name) !== ref.sha256; n++) name = `${n}-${first}`;
    renamed.set(ref.jsonPath, name);
    if (!used.has(name)) {
      const stored = lib.files.getFile(ref.sha256);
      if (!stored) throw new Error(`the library lacks the file ${ref.fileName} that ${ref.jsonPath} names`);
      companions.push({ fileName: name, base64: stored.content.toString('base64') });
      used.set(name, ref.sha256);
    }
  }
  const text = `${JSON.stringify(withPaths(JSON.parse(rec.json), renamed), null, 2)}\n`;
  return { fileName, mediaType: 'application/json', text, companions };
}

function buildBundle(lib: Library, ids: readonly string[], appVersion: string, now: Date): Bundle {
  const files = new Map<string, Bundle['files'][number]>();
  const scenarios = ids.map((id) => {
    const rec = mustScenario(lib, id);
    const versions = lib.scenarios.listVersions(id).reverse().map((summary) => {
      const v = lib.scenarios.getVersion(summary.id);
      if (!v) throw new Error(`version ${summary.id} vanished during the export`);
      checkStoredNames(v.files, `“${rec.name}” v${v.version}`);
      for (const ref of v.files) {
        if (files.has(ref.sha256)) continue;
        const stored = lib.files.getFile(ref.sha256);
        if (!stored) throw new Error(`the library lacks the file ${ref.fileName} that ${ref.jsonPath} names`);
        files.set(ref.sha256, { sha256: ref.sha256, size: stored.size, base64: stored.content.toString('base64') });
      }
      return {
        version: v.version, created_at: v.createdAt, note: v.note, scenario: v.json,
        files: v.files.map((f) => ({ json_path: f.jsonPath, file_name: f.fileName, sha256: f.sha256 })),
      };
    });
    return { name: rec.name, tags: rec.tags, versions };
  });
  return { format: BUNDLE_FORMAT, exported_at: now.toISOString(), app_version: appVersion, scenarios, files: [...files.values()] };
}

const MiB = (bytes: number) => bytes / 1024 / 1024;

/** Problems listed per file: a huge array of bad items gives one issue per item, more than anyone reads (or a spread can take). */
const MAX_PROBLEMS_PER_FILE = 200;

function capped(issues: readonly { path: string; message: string }[]): { path: string; message: string }[] {
  if (issues.length <= MAX_PROBLEMS_PER_FILE) return [...issues];
  return [...issues.slice(0, MAX_PROBLEMS_PER_FILE), { path: '(file)', message: `and ${issues.length - MAX_PROBLEMS_PER_FILE} more problems like these` }];
}

/** Imports files handed over as text; `baseDirs` (desktop) lets scenarios find the files they name on disk. */
export function importFiles(lib: Library, files: readonly ImportFile[], baseDirs: ReadonlyMap<string, string> = new Map()): ImportResult {
  const imported: ScenarioSummary[] = [];
  const results: ImportedResult[] = [];
  const problems: ImportProblem[] = [];
  const isDocument = (f: ImportFile) => /\.json$/i.test(f.name) || /^\s*\{/.test(withoutBom(f.text.slice(0, 64)));
  const provided = new Map<string, Buffer>();
  for (const f of files) {
    if (isDocument(f)) continue;
    const content = Buffer.from(f.text, 'utf8');
    if (content.length > MAX_IMPORT_FILE_BYTES) problems.push({ file: f.name, path: '(file)', message: `is larger than ${MiB(MAX_IMPORT_FILE_BYTES)} MiB` });
    else provided.set(path.basename(f.name), content);
  }

  const cliDocuments: { name: string; parsed: unknown; cliDocument: ResultFile; refuse: (issues: { path: string; message: string }[]) => void }[] = [];
  for (const f of files.filter(isDocument)) {
    const text = withoutBom(f.text);
    const refuse = (issues: { path: string; message: string }[]) => { problems.push(...capped(issues).map((i) => ({ file: f.name, ...i }))); };
    // Results and sweeps may be larger than anything else imported; which one this is shows once parsed.
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_RESULT_IMPORT_BYTES) {
      refuse([{ path: '(file)', message: `is larger than ${MiB(MAX_RESULT_IMPORT_BYTES)} MiB` }]);
      continue;
    }
    const unsafe = jsonSafetyIssues(text);
    if (unsafe.length > 0) {
      refuse(unsafe);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined; // the scenario parser below names the line and column
    }
    const cliDocument = recogniseResultFile(parsed);
    if (!cliDocument && bytes > MAX_IMPORT_FILE_BYTES) {
      refuse([{ path: '(file)', message: `is larger than ${MiB(MAX_IMPORT_FILE_BYTES)} MiB (only a result or sweep document may be up to ${MiB(MAX_RESULT_IMPORT_BYTES)} MiB)` }]);
      continue;
    }
    if (looksLikeBundle(parsed)) {
      const result = importBundle(lib, parsed);
      if (result.ok) imported.push(...result.imported);
      else refuse(result.issues);
      continue;
    }
    // A result or sweep the CLI computed: kept after the scenarios, so that it finds the
    // scenario version it ran when both are imported together.
    if (cliDocument) {
      cliDocuments.push({ name: f.name, parsed, cliDocument, refuse });
      continue;
    }
    const prepared = prepareVersion(lib, text, { note: `imported from ${path.basename(f.name)}`, provided, baseDirs: baseDirs.has(f.name) ? [baseDirs.get(f.name) as string] : [] });
    if (!prepared.ok) {
      refuse(prepared.errors);
      continue;
    }
    const rec = commitVersion(lib, prepared, () => lib.scenarios.createScenario(prepared.input));
    imported.push(toScenarioSummary(rec));
  }
  for (const { name, parsed, cliDocument, refuse } of cliDocuments) {
    const result = cliDocument.kind === 'refused' ? cliDocument : importResultFile(lib, cliDocument, parsed, name);
    if ('issues' in result) refuse(result.issues);
    else results.push(result.imported);
  }
  if (imported.length === 0 && results.length === 0 && problems.length === 0) {
    problems.push({ file: files[0]?.name ?? '(none)', path: '(file)', message: 'no scenario or bundle file (.json) was selected' });
  }
  return results.length > 0 ? { imported, results, problems } : { imported, problems };
}

type BundleImport = { ok: true; imported: ScenarioSummary[] } | { ok: false; issues: { path: string; message: string }[] };

/** Every scenario of the bundle, with its history, in one transaction: all of it or nothing. */
function importBundle(lib: Library, value: unknown): BundleImport {
  const checked = checkBundle(value);
  if (!checked.ok) return { ok: false, issues: checked.issues };
  const { bundle, files } = checked;
  const issues: { path: string; message: string }[] = [];
  const prepared = bundle.scenarios.map((s, i) =>
    s.versions.map((v, j): ImportedVersion | null => {
      const at = `scenarios[${i}].versions[${j}].scenario`;
      const unsafe = jsonSafetyIssues(v.scenario);
      const loaded = unsafe.length > 0 ? ({ ok: false, errors: unsafe } as const) : loadScenarioText(v.scenario);
      if (!loaded.ok) {
        for (const e of loaded.errors) issues.push({ path: `${at} › ${e.path}`, message: e.message });
        return null;
      }
      const named = referencedPaths(loaded.raw);
      for (const field of named) {
        const refused = pathRuleIssue(field);
        if (refused) {
          issues.push({ path: `${at} › ${refused.path}`, message: refused.message });
          continue;
        }
        const ref = v.files.find((r) => r.json_path === field.jsonPath && r.file_name === field.fileName);
        if (!ref) issues.push({ path: `${at} › ${field.jsonPath}`, message: `names ${field.fileName}, which the bundle does not include` });
      }
      return {
        name: loaded.scenario.name, json: withoutBom(v.scenario), sections: sectionsOf(loaded.scenario), sha256: loaded.sha256,
        note: v.note, searchText: searchTextOf(loaded.scenario), createdAt: v.created_at,
        files: named.map((field) => {
          const ref = v.files.find((r) => r.json_path === field.jsonPath && r.file_name === field.fileName);
          return { jsonPath: field.jsonPath, fileName: field.fileName, sha256: ref?.sha256 ?? '' };
        }),
      };
    }),
  );
  if (issues.length > 0) return { ok: false, issues };
  const records = lib.transaction(() => {
    const needed = new Set(prepared.flat().flatMap((v) => (v?.files ?? []).map((f) => f.sha256)));
    for (const sha of needed) lib.files.putFile(files.get(sha) as Buffer);
    return prepared.map((versions, i) => lib.scenarios.importScenario(versions as ImportedVersion[], bundle.scenarios[i]?.tags ?? []));
  });
  return { ok: true, imported: records.map(toScenarioSummary) };
}

/** Desktop import: files chosen in a dialog, each size-checked before it is read. */
export function importPaths(lib: Library, paths: readonly string[]): ImportResult {
  const files: ImportFile[] = [];
  const problems: ImportProblem[] = [];
  const baseDirs = new Map<string, string>();
  let total = 0;
  for (const p of paths) {
    const read = readScenarioFile(p, MAX_RESULT_IMPORT_BYTES);
    if (!read.ok) {
      problems.push({ file: p, path: '(file)', message: read.message });
      continue;
    }
    total += Buffer.byteLength(read.text, 'utf8');
    if (total > MAX_IMPORT_TOTAL_BYTES) {
      problems.push({ file: p, path: '(file)', message: `is past ${MiB(MAX_IMPORT_TOTAL_BYTES)} MiB with the files before it; import it on its own` });
      continue;
    }
    files.push({ name: p, text: read.text });
    baseDirs.set(p, path.dirname(p));
  }
  if (files.length === 0) return { imported: [], problems };
  const result = importFiles(lib, files, baseDirs);
  return { ...result, problems: [...problems, ...result.problems] };
}

/**
 * Desktop export: writes the export atomically to `target` and its companion files beside it.
 * A companion that already exists with other content is never overwritten: nothing is written then.
 */
export function writeExport(exported: ExportedFile, target: string): string {
  const dir = path.dirname(target);
  const companions = exported.companions.map((c) => ({ file: path.join(dir, c.fileName), content: Buffer.from(c.base64, 'base64') }));
  for (const c of companions) {
    if (!fs.existsSync(c.file)) continue;
    // Compared only if it is a regular file (a FIFO there would never end a read).
    const existing = readRegularFile(c.file, MAX_REFERENCED_FILE_BYTES);
    if (!existing.ok || !existing.content.equals(c.content)) {
      throw new Error(`${c.file} already exists with different content; export to another folder`);
    }
  }
  for (const c of companions) if (!fs.existsSync(c.file)) writeFileAtomic(c.file, c.content);
  writeFileAtomic(target, exported.text);
  return target;
}
