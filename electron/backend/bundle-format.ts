// `headroom.bundle/v1`: many scenarios with their whole history, tags and the files they name,
// in one JSON file. Each version's scenario is kept as its exact text, so its sha256 and the
// author's formatting survive the round trip. The shape is checked strictly (unknown fields are
// errors) before anything is imported; each scenario text is then validated like the CLI does.
import { createHash } from 'node:crypto';
import { normalizeTags } from '../../db';

export const BUNDLE_FORMAT = 'headroom.bundle/v1';
const MAX_SCENARIOS = 10_000;
const MAX_VERSIONS = 10_000;
const MAX_NOTE = 500;

export interface BundleFileRef {
  json_path: string;
  file_name: string;
  sha256: string;
}

export interface BundleVersion {
  version: number;
  created_at: string;
  note: string;
  /** The scenario file's text, exactly as saved. */
  scenario: string;
  files: BundleFileRef[];
}

export interface BundleScenario {
  name: string;
  tags: string[];
  versions: BundleVersion[];
}

export interface BundleFile {
  sha256: string;
  size: number;
  base64: string;
}

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  exported_at: string;
  app_version: string;
  scenarios: BundleScenario[];
  files: BundleFile[];
}

export interface BundleIssue {
  path: string;
  message: string;
}

/** True when a parsed JSON document claims to be a bundle (of any version). */
export function looksLikeBundle(value: unknown): boolean {
  const format = (value as { format?: unknown } | null)?.format;
  return typeof format === 'string' && format.startsWith('headroom.bundle/');
}

type Check = (value: unknown, path: string, issues: BundleIssue[]) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `.name`, or `[""]` / `["a b"]` for a key that would not read as one (an empty key left an empty path). */
function keyPart(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function strictObject(value: unknown, path: string, fields: Record<string, Check>, issues: BundleIssue[]): boolean {
  if (!isRecord(value)) {
    issues.push({ path, message: 'must be an object' });
    return false;
  }
  for (const key of Object.keys(value)) if (!(key in fields)) issues.push({ path: `${path}${keyPart(key)}`, message: 'unknown field' });
  for (const [key, check] of Object.entries(fields)) check(value[key], `${path}.${key}`, issues);
  return true;
}

const string = (min: number, max: number): Check => (v, path, issues) => {
  if (typeof v !== 'string' || v.length < min || v.length > max) issues.push({ path, message: `must be a string of ${min} to ${max} characters` });
};
const isoTime: Check = (v, path, issues) => {
  if (typeof v !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v) || Number.isNaN(Date.parse(v))) {
    issues.push({ path, message: 'must be an ISO-8601 UTC time such as 2025-06-01T12:00:00.000Z' });
  }
};
const sha: Check = (v, path, issues) => {
  if (typeof v !== 'string' || !/^[0-9a-f]{64}$/.test(v)) issues.push({ path, message: 'must be 64 lowercase hex digits' });
};
const list = (max: number, item: Check, min = 0): Check => (v, path, issues) => {
  if (!Array.isArray(v) || v.length < min || v.length > max) {
    issues.push({ path, message: `must be a list of ${min} to ${max} items` });
    return;
  }
  v.forEach((x, i) => item(x, `${path}[${i}]`, issues));
};

const fileRef: Check = (v, path, issues) => {
  strictObject(v, path, { json_path: string(1, 200), file_name: string(1, 4096), sha256: sha }, issues);
};
const version: Check = (v, path, issues) => {
  strictObject(v, path, {
    version: (n, p, is) => {
      if (!Number.isSafeInteger(n) || (n as number) < 1) is.push({ path: p, message: 'must be an integer ≥ 1' });
    },
    created_at: isoTime,
    note: string(0, MAX_NOTE),
    scenario: (t, p, is) => {
      if (typeof t !== 'string') is.push({ path: p, message: 'must be the scenario file text (a string)' });
    },
    files: list(100, fileRef),
  }, issues);
};
const scenario: Check = (v, path, issues) => {
  if (!strictObject(v, path, { name: string(1, 200), tags: list(20, string(1, 40)), versions: list(MAX_VERSIONS, version, 1) }, issues)) return;
  // The library's own rule for tags (no control characters, …), as a problem here rather than a throw mid-import.
  const tags = (v as { tags?: unknown }).tags;
  if (Array.isArray(tags) && tags.every((x) => typeof x === 'string')) {
    try {
      normalizeTags(tags as string[]);
    } catch (e) {
      issues.push({ path: `${path}.tags`, message: (e as Error).message });
    }
  }
  const versions = (v as { versions?: unknown }).versions;
  if (Array.isArray(versions)) {
    versions.forEach((x, i) => {
      if (isRecord(x) && x.version !== i + 1) issues.push({ path: `${path}.versions[${i}].version`, message: `must be ${i + 1}: versions are listed 1, 2, 3… in order` });
    });
  }
};
const file: Check = (v, path, issues) => {
  strictObject(v, path, {
    sha256: sha,
    size: (n, p, is) => {
      if (!Number.isSafeInteger(n) || (n as number) < 0) is.push({ path: p, message: 'must be an integer ≥ 0' });
    },
    base64: (t, p, is) => {
      if (typeof t !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(t)) is.push({ path: p, message: 'must be base64 text' });
    },
  }, issues);
};

/** Checks the shape, the format version and every file's checksum; returns the issues found. */
export function checkBundle(value: unknown): { ok: true; bundle: Bundle; files: Map<string, Buffer> } | { ok: false; issues: BundleIssue[] } {
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== BUNDLE_FORMAT) {
    return { ok: false, issues: [{ path: 'format', message: `"${String(format)}" is a newer or unknown bundle format; this app reads "${BUNDLE_FORMAT}"` }] };
  }
  const issues: BundleIssue[] = [];
  strictObject(value, '(bundle)', {
    format: () => undefined,
    exported_at: isoTime,
    app_version: string(1, 50),
    scenarios: list(MAX_SCENARIOS, scenario, 1),
    files: list(MAX_SCENARIOS, file),
  }, issues);
  const tidy = issues.map((i) => ({ ...i, path: i.path.replace(/^\(bundle\)\./, '').replace(/^\(bundle\)\[/, '[') }));
  if (tidy.length > 0) return { ok: false, issues: tidy };

  const bundle = value as Bundle;
  const files = new Map<string, Buffer>();
  bundle.files.forEach((f, i) => {
    const content = Buffer.from(f.base64, 'base64');
    if (content.length !== f.size) tidy.push({ path: `files[${i}].size`, message: `says ${f.size} bytes, the content has ${content.length}` });
    else if (createHash('sha256').update(content).digest('hex') !== f.sha256) tidy.push({ path: `files[${i}].sha256`, message: 'does not match the content' });
    else files.set(f.sha256, content);
  });
  bundle.scenarios.forEach((s, i) =>
    s.versions.forEach((v, j) =>
      v.files.forEach((r, k) => {
        if (!files.has(r.sha256)) tidy.push({ path: `scenarios[${i}].versions[${j}].files[${k}].sha256`, message: 'names a file the bundle does not contain' });
      }),
    ),
  );
  return tidy.length > 0 ? { ok: false, issues: tidy } : { ok: true, bundle, files };
}
