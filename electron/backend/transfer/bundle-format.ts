// `headroom.bundle/v1`: many scenarios with their whole history, tags and the files they name,
// in one JSON file. Each version's scenario is kept as its exact text, so its sha256 and the
// author's formatting survive the round trip. The shape is a zod schema, checked strictly
// (unknown fields are errors) before anything is imported, with every problem named by its JSON
// path; each scenario text is then validated like the CLI does.
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { normalizeTags } from '../../../db';
import { list } from '../../common/api-inputs';
import { formatPath } from '../../common/api-validate';

export const BUNDLE_FORMAT = 'headroom.bundle/v1';
const MAX_SCENARIOS = 10_000;
const MAX_VERSIONS = 10_000;
const MAX_NOTE = 500;

const text = (min: number, max: number) => {
  const error = `must be a string of ${min} to ${max} characters`;
  return z.string({ error }).min(min, { error }).max(max, { error });
};
const items = <T extends z.ZodType>(item: T, max: number, min = 0) => list(item, min, max, `must be a list of ${min} to ${max} items`);
const record = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape, { error: 'must be an object' });
const isoTimeError = 'must be an ISO-8601 UTC time such as 2025-06-01T12:00:00.000Z';
const isoTime = z
  .string({ error: isoTimeError })
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/, { error: isoTimeError })
  .refine((v) => !Number.isNaN(Date.parse(v)), { error: isoTimeError });
const sha = z.string({ error: 'must be 64 lowercase hex digits' }).regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lowercase hex digits' });
const count = (min: number) => z.number({ error: `must be an integer ≥ ${min}` }).int({ error: `must be an integer ≥ ${min}` }).min(min, { error: `must be an integer ≥ ${min}` });

const BundleFileRefSchema = record({ json_path: text(1, 200), file_name: text(1, 4096), sha256: sha });

const BundleVersionSchema = record({
  version: count(1),
  created_at: isoTime,
  note: text(0, MAX_NOTE),
  /** The scenario file's text, exactly as saved. */
  scenario: z.string({ error: 'must be the scenario file text (a string)' }),
  files: items(BundleFileRefSchema, 100),
});

const BundleScenarioSchema = record({
  name: text(1, 200),
  // The library's own rule for tags (no control characters, …), as a problem here rather than a throw mid-import.
  tags: items(text(1, 40), 20).superRefine((tags, ctx) => {
    try {
      normalizeTags(tags);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
    }
  }),
  versions: items(BundleVersionSchema, MAX_VERSIONS, 1).superRefine((versions, ctx) => {
    versions.forEach((v, i) => {
      if (v.version !== i + 1) ctx.addIssue({ code: 'custom', path: [i, 'version'], message: `must be ${i + 1}: versions are listed 1, 2, 3… in order` });
    });
  }),
});

const BundleFileSchema = record({
  sha256: sha,
  size: count(0),
  base64: z.string({ error: 'must be base64 text' }).regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be base64 text' }),
});

export const BundleSchema = record({
  format: z.literal(BUNDLE_FORMAT),
  exported_at: isoTime,
  app_version: text(1, 50),
  scenarios: items(BundleScenarioSchema, MAX_SCENARIOS, 1),
  files: items(BundleFileSchema, MAX_SCENARIOS),
});

export type Bundle = z.output<typeof BundleSchema>;
export type BundleScenario = Bundle['scenarios'][number];
export type BundleVersion = BundleScenario['versions'][number];
export type BundleFileRef = BundleVersion['files'][number];
export type BundleFile = Bundle['files'][number];

export interface BundleIssue {
  path: string;
  message: string;
}

/** True when a parsed JSON document claims to be a bundle (of any version). */
export function looksLikeBundle(value: unknown): boolean {
  const format = (value as { format?: unknown } | null)?.format;
  return typeof format === 'string' && format.startsWith('headroom.bundle/');
}

/** Every issue zod found, named by its JSON path from the bundle's top (one per unknown field). */
function bundleIssues(error: z.ZodError): BundleIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown field' }))
      : [{ path: formatPath(issue.path) || '(bundle)', message: issue.message }],
  );
}

/** Checks the shape, the format version and every file's checksum; returns the issues found. */
export function checkBundle(value: unknown): { ok: true; bundle: Bundle; files: Map<string, Buffer> } | { ok: false; issues: BundleIssue[] } {
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== BUNDLE_FORMAT) {
    return { ok: false, issues: [{ path: 'format', message: `"${String(format)}" is a newer or unknown bundle format; this app reads "${BUNDLE_FORMAT}"` }] };
  }
  const parsed = BundleSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: bundleIssues(parsed.error) };

  const bundle = parsed.data;
  const issues: BundleIssue[] = [];
  const files = new Map<string, Buffer>();
  bundle.files.forEach((f, i) => {
    const content = Buffer.from(f.base64, 'base64');
    if (content.length !== f.size) issues.push({ path: `files[${i}].size`, message: `says ${f.size} bytes, the content has ${content.length}` });
    else if (createHash('sha256').update(content).digest('hex') !== f.sha256) issues.push({ path: `files[${i}].sha256`, message: 'does not match the content' });
    else files.set(f.sha256, content);
  });
  bundle.scenarios.forEach((s, i) =>
    s.versions.forEach((v, j) =>
      v.files.forEach((r, k) => {
        if (!files.has(r.sha256)) issues.push({ path: `scenarios[${i}].versions[${j}].files[${k}].sha256`, message: 'names a file the bundle does not contain' });
      }),
    ),
  );
  return issues.length > 0 ? { ok: false, issues } : { ok: true, bundle, files };
}
