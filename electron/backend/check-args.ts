// Payload validation for every backend method: arguments come over IPC or HTTP and are
// checked for type and size before anything else touches them.
import { MAX_TAG_LENGTH, MAX_TAGS } from '../../db';
import {
  MAX_CALIBRATION_FILE_BYTES, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_FILES, RUN_REPORT_KINDS, SAVE_REPORT_KINDS, type CalibrationOptions,
  type CheckpointSweepOptions, type ExportOptions, type ImportFile, type RunOptions, type RunReportKind, type SaveReportKind,
} from '../common/contract';
import { MAX_FACTOR, MAX_FACTORS, MIN_FACTOR } from './checkpoint-sweep';
import { MAX_APP_WALL_S } from './run-manager';
import { MAX_SCENARIO_BYTES } from './scenario-source';

export class BadRequestError extends Error {}

export function checkId(value: unknown, name: string): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(value)) {
    throw new BadRequestError(`${name}: must be an id string`);
  }
  return value;
}

export function checkJsonText(value: unknown): string {
  if (typeof value !== 'string') throw new BadRequestError('json: must be the scenario text (a string)');
  if (value.length > MAX_SCENARIO_BYTES) throw new BadRequestError(`json: is larger than ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB`);
  return value;
}

export function checkRunOptions(value: unknown): RunOptions {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new BadRequestError('options: must be an object');
  const out: RunOptions = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'seed') {
      if (!Number.isSafeInteger(v) || (v as number) < 0) throw new BadRequestError('options.seed: must be an integer ≥ 0');
      out.seed = v as number;
    } else if (key === 'replications') {
      if (!Number.isSafeInteger(v) || (v as number) < 1 || (v as number) > 1000) throw new BadRequestError('options.replications: must be an integer from 1 to 1000');
      out.replications = v as number;
    } else if (key === 'maxWallS') {
      if (typeof v !== 'number' || !(v > 0 && v <= MAX_APP_WALL_S)) throw new BadRequestError(`options.maxWallS: must be a number of seconds > 0 and ≤ ${MAX_APP_WALL_S}`);
      out.maxWallS = v;
    } else throw new BadRequestError(`options.${key}: unknown field`);
  }
  return out;
}

const MAX_NAME = 200;
const MAX_QUERY = 500;
const MAX_IDS = 1000;

export function checkName(value: unknown): string {
  if (typeof value !== 'string') throw new BadRequestError('name: must be a string');
  const name = value.trim();
  if (name.length < 1 || name.length > MAX_NAME) throw new BadRequestError(`name: must be 1 to ${MAX_NAME} characters`);
  return name;
}

export function checkTags(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > MAX_TAGS * 2) throw new BadRequestError(`tags: must be a list of at most ${MAX_TAGS} strings`);
  return value.map((t, i) => {
    if (typeof t !== 'string' || t.length > MAX_TAG_LENGTH * 4) throw new BadRequestError(`tags[${i}]: must be a string of at most ${MAX_TAG_LENGTH} characters`);
    return t;
  });
}

export function checkQuery(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_QUERY) throw new BadRequestError(`query: must be a string of at most ${MAX_QUERY} characters`);
  return value;
}

export function checkIds(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_IDS) throw new BadRequestError(`${name}: must be a list of 1 to ${MAX_IDS} ids`);
  const ids = value.map((v, i) => checkId(v, `${name}[${i}]`));
  return [...new Set(ids)];
}

function checkKind<K extends string>(value: unknown, kinds: readonly K[]): K {
  if (typeof value !== 'string' || !(kinds as readonly string[]).includes(value)) {
    throw new BadRequestError(`kind: must be one of ${kinds.map((k) => `'${k}'`).join(', ')}`);
  }
  return value as K;
}

/** The kind of a report rendered as text. */
export function checkReportKind(value: unknown): RunReportKind {
  return checkKind(value, RUN_REPORT_KINDS);
}

/** The kind of a report saved to a file (the text kinds and PDF). */
export function checkSaveReportKind(value: unknown): SaveReportKind {
  return checkKind(value, SAVE_REPORT_KINDS);
}

export function checkExportOptions(value: unknown): ExportOptions {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new BadRequestError('options: must be an object');
  const out: ExportOptions = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'history') {
      if (typeof v !== 'boolean') throw new BadRequestError('options.history: must be true or false');
      out.history = v;
    } else throw new BadRequestError(`options.${key}: unknown field`);
  }
  return out;
}

export function checkImportFiles(value: unknown): ImportFile[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_IMPORT_FILES) {
    throw new BadRequestError(`files: must be a list of 1 to ${MAX_IMPORT_FILES} files`);
  }
  return value.map((f, i) => {
    if (typeof f !== 'object' || f === null || Array.isArray(f)) throw new BadRequestError(`files[${i}]: must be {name, text}`);
    const keys = Object.keys(f);
    const extra = keys.find((k) => k !== 'name' && k !== 'text');
    if (extra !== undefined) throw new BadRequestError(`files[${i}].${extra}: unknown field`);
    const { name, text } = f as { name: unknown; text: unknown };
    if (typeof name !== 'string' || name.length < 1 || name.length > 255 || [...name].some((c) => c.charCodeAt(0) < 0x20)) {
      throw new BadRequestError(`files[${i}].name: must be a file name of 1 to 255 characters`);
    }
    if (typeof text !== 'string') throw new BadRequestError(`files[${i}].text: must be the file's text`);
    if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_FILE_BYTES) {
      throw new BadRequestError(`files[${i}]: ${name} is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MiB`);
    }
    return { name, text };
  });
}

/** A backup's file name inside the backups folder: no paths, only names the app writes. */
export function checkBackupName(value: unknown): string {
  if (typeof value !== 'string' || !/^library-v\d{1,6}-[0-9A-Za-z-]{1,80}\.sqlite$/.test(value)) {
    throw new BadRequestError('name: must be the file name of a backup in the backups folder');
  }
  return value;
}

function checkOptionsObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadRequestError('options: must be an object');
  return value as Record<string, unknown>;
}

function checkFileName(value: unknown, at: string): string {
  if (typeof value !== 'string' || value.length < 1 || value.length > 255 || [...value].some((c) => c.charCodeAt(0) < 0x20)) {
    throw new BadRequestError(`${at}: must be a file name of 1 to 255 characters`);
  }
  return value;
}

/** The per-worker step-times file of a calibration: {name, text} within the size cap. */
export function checkCalibrationFile(value: unknown): ImportFile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadRequestError('file: must be {name, text}');
  const extra = Object.keys(value).find((k) => k !== 'name' && k !== 'text');
  if (extra !== undefined) throw new BadRequestError(`file.${extra}: unknown field`);
  const { name, text } = value as { name: unknown; text: unknown };
  const fileName = checkFileName(name, 'file.name');
  if (typeof text !== 'string') throw new BadRequestError("file.text: must be the file's text");
  if (Buffer.byteLength(text, 'utf8') > MAX_CALIBRATION_FILE_BYTES) {
    throw new BadRequestError(`file: ${fileName} is larger than ${MAX_CALIBRATION_FILE_BYTES / 1024 / 1024} MiB`);
  }
  return { name: fileName, text };
}

export function checkCalibrationOptions(value: unknown): CalibrationOptions {
  if (value === undefined || value === null) return {};
  const out: CalibrationOptions = {};
  for (const [key, v] of Object.entries(checkOptionsObject(value))) {
    if (key === 'timeScale') {
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 1e9) throw new BadRequestError('options.timeScale: must be a number > 0 (seconds per unit of the time column)');
      out.timeScale = v;
    } else if (key === 'slowThreshold') {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 1 || v > 100) throw new BadRequestError('options.slowThreshold: must be a number from 1 to 100');
      out.slowThreshold = v;
    } else throw new BadRequestError(`options.${key}: unknown field`);
  }
  return out;
}

/** Most replications per interval of a checkpoint sweep started from the app. */
export const MAX_SWEEP_REPLICATIONS = 200;

export function checkSweepOptions(value: unknown): CheckpointSweepOptions {
  if (value === undefined || value === null) return {};
  const out: CheckpointSweepOptions = {};
  for (const [key, v] of Object.entries(checkOptionsObject(value))) {
    if (key === 'factors') {
      if (!Array.isArray(v) || v.length < 1 || v.length > MAX_FACTORS) throw new BadRequestError(`options.factors: must be a list of 1 to ${MAX_FACTORS} numbers`);
      out.factors = v.map((f, i) => {
        if (typeof f !== 'number' || !Number.isFinite(f) || f < MIN_FACTOR || f > MAX_FACTOR) {
          throw new BadRequestError(`options.factors[${i}]: must be a number from ${MIN_FACTOR} to ${MAX_FACTOR} (a multiple of the Young/Daly interval)`);
        }
        return f;
      });
    } else if (key === 'replications') {
      if (!Number.isSafeInteger(v) || (v as number) < 1 || (v as number) > MAX_SWEEP_REPLICATIONS) {
        throw new BadRequestError(`options.replications: must be an integer from 1 to ${MAX_SWEEP_REPLICATIONS}`);
      }
      out.replications = v as number;
    } else if (key === 'seed') {
      if (!Number.isSafeInteger(v) || (v as number) < 0) throw new BadRequestError('options.seed: must be an integer ≥ 0');
      out.seed = v as number;
    } else if (key === 'requestId') {
      out.requestId = checkId(v, 'options.requestId');
    } else throw new BadRequestError(`options.${key}: unknown field`);
  }
  return out;
}
