// What the renderer may send, as zod schemas: every argument of every method (api.ts). Each
// message says what the value must be; api-issues.ts puts the argument's name and the field's
// path in front (`options.seed: must be an integer ≥ 0`). Lists are checked for length before
// their items, so a huge list costs one issue, not one per item.
import * as z from 'zod';
import {
  MAX_APP_WALL_S, MAX_CALIBRATION_FILE_BYTES, MAX_FACTOR, MAX_FACTORS, MAX_IMPORT_FILES, MAX_IMPORT_TOTAL_BYTES, MAX_RESULT_IMPORT_BYTES, MAX_SCENARIO_BYTES,
  MAX_SWEEP_REPLICATIONS, MIN_FACTOR, RUN_REPORT_KINDS, SAVE_REPORT_KINDS,
} from './contract';
import { isLocaleTag, LOCALE_MESSAGE } from './locale';

const MAX_NAME = 200;
const MAX_QUERY = 500;
const MAX_IDS = 1000;
/** Loose bounds only: the library's own rule for tags (db normalizeTags) is applied after. */
const MAX_TAG_ITEMS = 100;
const MAX_TAG_CHARS = 200;
const MiB = 1024 * 1024;

/** A list of `min` to `max` items, refused on its length before any item is looked at. */
export function list<T extends z.ZodType>(item: T, min: number, max: number, message: string): z.ZodType<z.output<T>[], z.input<T>[]> {
  const sized = z.custom<unknown[]>((v) => Array.isArray(v) && v.length >= min && v.length <= max, { error: message });
  return sized.pipe(z.array(item)) as unknown as z.ZodType<z.output<T>[], z.input<T>[]>;
}

const int = (min: number, max: number, message: string) =>
  z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });

/** Whether `texts` take more than `maxBytes` as UTF-8: without Node's Buffer (this file also runs in the renderer's tests), and encoded only when 3 bytes a character could exceed it. */
function overBytes(texts: readonly string[], maxBytes: number): boolean {
  if (texts.reduce((sum, t) => sum + t.length * 3, 0) <= maxBytes) return false;
  const encoder = new TextEncoder();
  return texts.reduce((sum, t) => sum + encoder.encode(t).length, 0) > maxBytes;
}

export const IdSchema = z.string({ error: 'must be an id string' }).regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'must be an id string' });

export const IdsSchema = list(IdSchema, 1, MAX_IDS, `must be a list of 1 to ${MAX_IDS} ids`).transform((ids) => [...new Set(ids)]);

export const ScenarioTextSchema = z
  .string({ error: 'must be the scenario text (a string)' })
  .max(MAX_SCENARIO_BYTES, { error: `is larger than ${MAX_SCENARIO_BYTES / MiB} MiB` });

export const NameSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, { error: `must be 1 to ${MAX_NAME} characters` })
  .max(MAX_NAME, { error: `must be 1 to ${MAX_NAME} characters` });

export const TagsSchema = list(
  z.string({ error: 'must be a string (a tag)' }).max(MAX_TAG_CHARS, { error: `must be a string of at most ${MAX_TAG_CHARS} characters` }),
  0, MAX_TAG_ITEMS, `must be a list of at most ${MAX_TAG_ITEMS} tags (strings)`,
);

export const QuerySchema = z
  .string({ error: `must be a string of at most ${MAX_QUERY} characters` })
  .max(MAX_QUERY, { error: `must be a string of at most ${MAX_QUERY} characters` });

const kindOf = (kinds: readonly [string, ...string[]]) => `must be one of ${kinds.map((k) => `'${k}'`).join(', ')}`;
export const RunReportKindSchema = z.enum(RUN_REPORT_KINDS, { error: kindOf(RUN_REPORT_KINDS) });
export const SaveReportKindSchema = z.enum(SAVE_REPORT_KINDS, { error: kindOf(SAVE_REPORT_KINDS) });
/** The locale a report's numbers are spelled in (locale.ts); an unsupported one gives en-US. */
export const ReportLocaleSchema = z
  .string({ error: LOCALE_MESSAGE })
  .refine(isLocaleTag, { error: LOCALE_MESSAGE });

/** A backup's file name inside the backups folder: no paths, only names the app writes. */
export const BackupNameSchema = z
  .string({ error: 'must be the file name of a backup in the backups folder' })
  .regex(/^library-v\d{1,6}-[0-9A-Za-z-]{1,80}\.sqlite$/, { error: 'must be the file name of a backup in the backups folder' });

const options = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape, { error: 'must be an object' });

export const RunOptionsSchema = options({
  seed: int(0, Number.MAX_SAFE_INTEGER, 'must be an integer ≥ 0').optional(),
  replications: int(1, 1000, 'must be an integer from 1 to 1000').optional(),
  /**
   * Wall-clock cap for the whole run, set-up included, in seconds (> 0, at most a day): the run
   * then stops as `truncated` with what it simulated. Default 300 (DEFAULT_APP_MAX_WALL_S).
   */
  maxWallS: z
    .number({ error: `must be a number of seconds > 0 and ≤ ${MAX_APP_WALL_S}` })
    .gt(0, { error: `must be a number of seconds > 0 and ≤ ${MAX_APP_WALL_S}` })
    .max(MAX_APP_WALL_S, { error: `must be a number of seconds > 0 and ≤ ${MAX_APP_WALL_S}` })
    .optional(),
});

export const ExportOptionsSchema = options({
  /**
   * false (default): the latest version as a plain scenario file, with any files it names beside it.
   * true: a `headroom.bundle/v1` file holding every version, the tags and the named files.
   */
  history: z.boolean({ error: 'must be true or false' }).optional(),
});

const FileNameSchema = z
  .string({ error: 'must be a file name of 1 to 255 characters' })
  .min(1, { error: 'must be a file name of 1 to 255 characters' })
  .max(255, { error: 'must be a file name of 1 to 255 characters' })
  .refine((name) => ![...name].some((c) => c.charCodeAt(0) < 0x20), { error: 'must be a file name of 1 to 255 characters' });

/** An index into the scenario's `serving.services` (0-based). */
export const ServiceIndexSchema = int(0, 100_000, 'must be an integer from 0 to 100000 (a 0-based index into serving.services)');

/** A file handed over as content: a scenario file, a bundle, a file a scenario names, or step times. */
const fileWithin = (maxBytes: number) =>
  z
    .strictObject({ name: FileNameSchema, text: z.string({ error: "must be the file's text" }) }, { error: 'must be {name, text}' })
    .superRefine((f, ctx) => {
      if (overBytes([f.text], maxBytes)) ctx.addIssue({ code: 'custom', message: `${f.name} is larger than ${maxBytes / MiB} MiB` });
    });

/** An imported file: up to a result document's cap here; the backend holds other kinds to MAX_IMPORT_FILE_BYTES once it knows the kind. */
export const ImportFileSchema = fileWithin(MAX_RESULT_IMPORT_BYTES);
export const ImportFilesSchema = list(ImportFileSchema, 1, MAX_IMPORT_FILES, `must be a list of 1 to ${MAX_IMPORT_FILES} files`).superRefine((files, ctx) => {
  if (overBytes(files.map((f) => f.text), MAX_IMPORT_TOTAL_BYTES)) {
    ctx.addIssue({ code: 'custom', message: `are larger than ${MAX_IMPORT_TOTAL_BYTES / MiB} MiB together; import them in several steps` });
  }
});
export const CalibrationFileSchema = fileWithin(MAX_CALIBRATION_FILE_BYTES);

/** Options of a straggler calibration (as `headroom calibrate-stragglers`' flags). */
export const CalibrationOptionsSchema = options({
  /** Seconds per unit of the file's time column (default 1: the file's own unit). */
  timeScale: z
    .number({ error: 'must be a number > 0 (seconds per unit of the time column)' })
    .gt(0, { error: 'must be a number > 0 (seconds per unit of the time column)' })
    .max(1e9, { error: 'must be a number > 0 (seconds per unit of the time column)' })
    .optional(),
  /** A worker is slow when its median step time exceeds the median of worker medians × this (default 1.05, ≥ 1). */
  slowThreshold: z
    .number({ error: 'must be a number from 1 to 100' })
    .min(1, { error: 'must be a number from 1 to 100' })
    .max(100, { error: 'must be a number from 1 to 100' })
    .optional(),
});

const factor = `must be a number from ${MIN_FACTOR} to ${MAX_FACTOR} (a multiple of the Young/Daly interval)`;

/** Options of a checkpoint-interval sweep (as `headroom checkpoint-sweep`' flags). */
export const CheckpointSweepOptionsSchema = options({
  /** Multiples of the Young/Daly interval to simulate (default 0.25, 0.5, 0.71, 1, 1.41, 2, 4). */
  factors: list(
    z.number({ error: factor }).min(MIN_FACTOR, { error: factor }).max(MAX_FACTOR, { error: factor }),
    1, MAX_FACTORS, `must be a list of 1 to ${MAX_FACTORS} numbers`,
  ).optional(),
  /** Replications per interval (default: the scenario's). */
  replications: int(1, MAX_SWEEP_REPLICATIONS, `must be an integer from 1 to ${MAX_SWEEP_REPLICATIONS}`).optional(),
  seed: int(0, Number.MAX_SAFE_INTEGER, 'must be an integer ≥ 0').optional(),
  /** An id the caller picks, so that it can cancel the sweep (cancelCheckpointSweep). */
  requestId: IdSchema.optional(),
});
