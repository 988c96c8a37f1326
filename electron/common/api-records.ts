// What the backend answers, as zod schemas: the one definition of each record the renderer sees.
// The TypeScript types are inferred from them (contract.ts re-exports them), and the contract
// tests parse every answer with them. The engine's own documents (a result, a sweep, a fit) are
// checked only for being objects here: their shape is the engine's, pinned by its golden tests.
import * as z from 'zod';
import { MENU_COMMANDS } from './menu-commands';
import { AnalysisProgressSchema } from './api-whatif';
import type { CheckpointSweep } from '../../simulation';
import type { StragglerFit } from '../../simulation';
import type { ResultDocument } from '../../simulation';
import { MAX_RUN_LABEL } from './limits';

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const engineDocument = <T>() => z.custom<T>(isObject, { error: 'must be an object' });

export const ValidationIssueSchema = z.object({ path: z.string(), message: z.string() });
const nat = z.number().int().min(0);
const when = z.string().min(1);

export const SectionNameSchema = z.enum(['pipeline', 'cluster', 'serving']);

export const ScenarioSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Latest version number (1-based); every save creates a new immutable version. */
  version: z.number().int().min(1),
  sections: z.array(SectionNameSchema),
  /** Labels for finding scenarios; not part of the scenario file, so changing them saves no version. */
  tags: z.array(z.string()),
  createdAt: when,
  updatedAt: when,
});

export const ScenarioRecordSchema = ScenarioSummarySchema.extend({
  /** The scenario JSON text of the latest version, as the user wrote it. */
  json: z.string(),
  versionId: z.string(),
});

export const SaveResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), scenario: ScenarioRecordSchema }),
  z.object({ ok: z.literal(false), errors: z.array(ValidationIssueSchema) }),
]);

export const ExampleScenarioSchema = z.object({ id: z.string(), name: z.string(), description: z.string(), json: z.string() });

export const RunStatusSchema = z.enum(['queued', 'running', 'done', 'failed', 'cancelled', 'truncated']);

const LABEL_MESSAGE = `must be a string of at most ${MAX_RUN_LABEL} characters, or null to clear it`;
/** setRunLabel's argument: trimmed; '' or null clears the label. */
export const RunLabelInputSchema = z
  .string({ error: LABEL_MESSAGE })
  .trim()
  .max(MAX_RUN_LABEL, { error: LABEL_MESSAGE })
  .nullable();

export const RunSummarySchema = z.object({
  id: z.string(),
  scenarioId: z.string(),
  scenarioVersionId: z.string(),
  scenarioVersion: z.number().int().min(1),
  scenarioName: z.string(),
  status: RunStatusSchema,
  seed: nat,
  replications: z.number().int().min(1),
  engineVersion: z.string(),
  createdAt: when,
  finishedAt: when.nullable(),
  wallMs: z.number().min(0).nullable(),
  error: z.string().nullable(),
  /** Replications whose outcomes are committed to the library (kept even if the run is interrupted). */
  replicationsStored: nat,
  /** The user's name for the run (1 to 80 characters), or null. */
  label: z.string().min(1).max(MAX_RUN_LABEL).nullable(),
  /** The SLO verdict's tone and headline figure in words; null until finished with a result, or without an SLO to judge. */
  headline: z.object({ tone: z.enum(['good', 'warn', 'bad']), text: z.string().min(1) }).nullable(),
  /**
   * What changed since the previous run of the scenario, in short items ("replicas 8 → 10"),
   * at most a few and then "+N more"; ["first run"] or ["same inputs"] when there is nothing to list.
   */
  changes: z.array(z.string()),
});

export const RunProgressSchema = z.object({
  runId: z.string(),
  /** 0..1 over all replications. */
  fraction: z.number().min(0).max(1),
  replicationsDone: nat,
  replications: nat,
  eventsPerSec: z.number().min(0),
  etaMs: z.number().min(0).nullable(),
});

export const RunEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: RunProgressSchema }),
  z.object({ type: z.literal('status'), run: RunSummarySchema }),
  AnalysisProgressSchema,
]);

export const AppInfoSchema = z.object({
  version: z.string(),
  engineVersion: z.string(),
  dataDir: z.string(),
  shell: z.enum(['electron', 'web']),
});

/** A package Headroom ships, from the list the build writes (scripts/third-party-licences.mjs). */
export const ThirdPartyPackageSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** The SPDX expression of its package.json, or null if it declares none. */
  licence: z.string().nullable(),
  homepage: z.string().nullable(),
  repository: z.string().nullable(),
  /** Its licence file's text, or null if it ships none. */
  licenceText: z.string().nullable(),
});

/** Help → Licences: Headroom's own licence, the bundled example data's attributions, the shipped packages'. */
export const LicencesSchema = z.object({
  headroom: z.object({ licence: z.string(), text: z.string() }),
  data: z.object({
    /** assets/examples/ATTRIBUTION.md, as Markdown. */
    attribution: z.string(),
    /** The full texts of the licences it names (assets/examples/data/LICENSE-*.txt), by file name. */
    licences: z.array(z.object({ file: z.string(), text: z.string() })),
  }),
  /** Sorted by name, then version. */
  thirdParty: z.array(ThirdPartyPackageSchema),
});

/** One immutable saved version of a scenario, without its text. */
export const VersionSummarySchema = z.object({
  id: z.string(),
  scenarioId: z.string(),
  version: z.number().int().min(1),
  /** The scenario's name in this version. */
  name: z.string(),
  sha256: z.string(),
  /** How the version came to be: '' for an edit, else e.g. "restored from v3", "imported from a.json". */
  note: z.string(),
  /** Size of the JSON text in bytes. */
  size: nat,
  createdAt: when,
});

/** A file a scenario names (a trace CSV), stored in the library by content. */
export const ReferencedFileSchema = z.object({
  /** Where in the scenario, e.g. `serving.services[0].arrivals.path`. */
  jsonPath: z.string(),
  /** The path as written in the scenario. */
  fileName: z.string(),
  sha256: z.string(),
});

export const VersionRecordSchema = VersionSummarySchema.extend({ json: z.string(), files: z.array(ReferencedFileSchema) });

export const TrashedScenarioSchema = ScenarioSummarySchema.extend({ deletedAt: when });

/** An export, as content (the browser preview downloads it; the desktop app writes it). */
export const ExportedFileSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  text: z.string(),
  /** Files to write beside it (plain scenario exports that name trace files). */
  companions: z.array(z.object({ fileName: z.string(), base64: z.string() })),
});

export const ImportProblemSchema = z.object({
  /** The file the problem is in. */
  file: z.string(),
  /** JSON path (as in the CLI's messages), or "(file)" for the file as a whole. */
  path: z.string(),
  message: z.string(),
});

/** A result or sweep document computed by the CLI, kept as a run or an analysis of the version it ran. */
export const ImportedResultSchema = z.object({
  /** 'run': a result document (`headroom run --json`, merged or not), kept as a run; 'sweep': kept as an analysis. */
  kind: z.enum(['run', 'sweep']),
  file: z.string(),
  /** The run's or the analysis's id. */
  id: z.string(),
  scenarioId: z.string(),
  scenarioName: z.string(),
  scenarioVersion: z.number().int().min(1),
  /** True when this very document was imported before: nothing was added, `id` is that earlier import. */
  alreadyImported: z.boolean(),
  /** Shards a partial merge (`headroom merge --allow-partial`) lacked; empty when whole. */
  missingShards: z.array(nat),
});

export const ImportResultSchema = z.object({
  imported: z.array(ScenarioSummarySchema),
  /** Result and sweep documents kept (present only when there are some). */
  results: z.array(ImportedResultSchema).optional(),
  /** Files refused as a whole (nothing of such a file was imported). */
  problems: z.array(ImportProblemSchema),
});

export const BackupInfoSchema = z.object({
  /** File name inside the library's backups folder. */
  name: z.string(),
  size: nat,
  createdAt: when,
  /** Library schema version of the backup, when readable. */
  schemaVersion: z.number().int().nullable(),
});

export const LibraryStatusSchema = z.object({
  /** ok; read-only (browse, never save); unavailable (only restoring a backup is possible). */
  state: z.enum(['ok', 'read-only', 'unavailable']),
  /** Why it is read-only or unavailable, or a notice such as a check after an unclean shutdown. */
  message: z.string().nullable(),
  file: z.string(),
  schemaVersion: z.number().int().nullable(),
  /** Newest first. */
  backups: z.array(BackupInfoSchema),
});

export const ResultDocumentSchema = engineDocument<ResultDocument>();

/** A fit of a job's straggler settings, or why the file could not be used (naming its line). */
export const CalibrationResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), file: z.string(), fit: engineDocument<StragglerFit>() }),
  z.object({ ok: z.literal(false), file: z.string(), line: z.number().int().nullable(), message: z.string() }),
]);

/** The simulated optimum beside Young/Daly, for the scenario's latest saved version, or why not. */
export const CheckpointSweepResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    scenarioId: z.string(),
    scenarioVersion: z.number().int().min(1),
    seed: nat,
    replications: z.number().int().min(1),
    wallMs: z.number().min(0),
    sweep: engineDocument<CheckpointSweep>(),
  }),
  z.object({
    ok: z.literal(false),
    /** invalid: the scenario cannot be swept (`errors` name the fields); cancelled; wall-clock: over the app's cap. */
    reason: z.enum(['invalid', 'cancelled', 'wall-clock']),
    message: z.string(),
    errors: z.array(ValidationIssueSchema),
  }),
]);

/** The most buckets traceRate answers (the form's sparkline is 280 px wide). */
export const MAX_TRACE_RATE_BUCKETS = 120;

const SAVED_VERSION = z.number().int().min(1);

/**
 * A service's trace arrivals, read from the scenario's latest saved version as a run reads them,
 * as a rate over time; or why they could not be read, naming the field.
 */
export const TraceRateResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** The saved version read. */
    version: SAVED_VERSION,
    /** The trace as that version names it: `arrivals.path`, `time_column` (null: the first column), `scale`. */
    file: z.string(),
    timeColumn: z.union([z.string(), nat]).nullable(),
    scale: z.number().gt(0),
    /** Each bucket's length in seconds, after `scale`. */
    bucketS: z.number().min(0),
    /** Requests per second in each equal bucket from the first request to the last (after `scale`); fewer buckets for a short trace. */
    rates: z.array(z.number().min(0)).max(MAX_TRACE_RATE_BUCKETS),
    /** Requests in the trace. */
    count: nat,
    /** First to last request, in seconds after `scale`. */
    durationS: z.number().min(0),
    /** count ÷ durationS: the long-run rate the engine gives the trace (requests ÷ span × scale). */
    meanRps: z.number().min(0),
    /** The largest bucket's rate. */
    peakRps: z.number().min(0),
  }),
  z.object({
    ok: z.literal(false),
    version: SAVED_VERSION,
    /** The field at fault, e.g. `serving.services[0].arrivals.time_column`. */
    path: z.string(),
    message: z.string(),
  }),
]);

/**
 * What the desktop shell's application menu asks the page to do (the same actions its buttons
 * and keys do), and what a scenario file opened from the system imported. The browser preview
 * has no application menu: it never sends one.
 */
export const MenuCommandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.enum(MENU_COMMANDS) }),
  /** Files opened by double-click, from a second launch or from File → Open Recent, already imported. */
  z.object({ command: z.literal('imported'), result: ImportResultSchema }),
]);
