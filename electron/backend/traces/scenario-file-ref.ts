// The one rule for the files a scenario names (`serving.services[i].arrivals.path`,
// `cluster.job_trace.path`): a relative path to a regular file in the scenario's folder or below.
// Absolute paths (POSIX, Windows drive or UNC), `..` that leaves the folder, links that lead out
// of it, folders, devices, FIFOs, sockets and files over the cap are refused before a byte is
// read. Every place that resolves or reads such a file comes through here: the CLI, the app's
// save, imports and runs. Callers put the JSON path of the field in front of the reason.
import fs from 'node:fs';
import path from 'node:path';

/** Files a scenario names that are larger than this are refused before they are read. */
export const MAX_REFERENCED_FILE_BYTES = 256 * 1024 * 1024;

export const mib = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 100) / 100} MiB`;

/** Why a read was refused: `reason` completes a sentence whose subject is the file's name. */
export type RefusalCode = 'rule' | 'missing' | 'outside' | 'not-regular' | 'too-large' | 'unreadable';
export type Refusal = { ok: false; code: RefusalCode; reason: string };
export type ReadResult = { ok: true; content: Buffer; file: string } | Refusal;
export type ResolveResult = { ok: true; file: string } | Refusal;

const RELATIVE_ONLY = 'a scenario names only files in its own folder or below, by a relative path such as data/trace.csv';

/**
 * Why `value` may not name a scenario's file, judged from the text alone (the same on every
 * platform: a backslash counts as a separator), or null when it may.
 */
export function pathRuleProblem(value: string): string | null {
  if (value.trim() === '') return 'is empty';
  if (value.includes('\u0000')) return 'contains a NUL character';
  const slashed = value.replace(/\\/g, '/');
  // `/x`, `\x`, `\\server\share`, `C:\x`, `C:x` (drive-relative) and whatever the platform calls absolute.
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(value) || path.isAbsolute(value)) return `is an absolute path; ${RELATIVE_ONLY}`;
  let depth = 0;
  for (const segment of slashed.split('/')) {
    if (segment === '..') depth--;
    else if (segment !== '' && segment !== '.') depth++;
    if (depth < 0) return `leaves the scenario's folder (..); ${RELATIVE_ONLY}`;
  }
  return null;
}

/** `value` with either separator, as a path of this platform. */
function platformPath(value: string): string {
  return value.replace(/\\/g, '/').split('/').join(path.sep);
}

function errnoReason(e: unknown): Refusal {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, code: 'missing', reason: 'no such file' };
  if (code === 'ELOOP') return { ok: false, code: 'not-regular', reason: 'is a link (or a loop of links), not a regular file' };
  if (code === 'ENXIO') return { ok: false, code: 'not-regular', reason: 'is a socket or device, not a regular file' };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, code: 'unreadable', reason: 'cannot be read: permission denied' };
  return { ok: false, code: 'unreadable', reason: `cannot be read: ${code ?? (e as Error).message}` };
}

function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'is a folder';
  if (st.isFIFO()) return 'is a FIFO (named pipe)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device';
  if (st.isSocket()) return 'is a socket';
  return 'is not a regular file';
}

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. O_NOFOLLOW: the last
// component may not have become a link since it was resolved. Both are 0 where unsupported (Windows).
const { O_RDONLY, O_NONBLOCK = 0, O_NOFOLLOW = 0 } = fs.constants;

/**
 * Reads `file` if it is a regular file no larger than `maxBytes`: opened without blocking,
 * checked with fstat on the open descriptor (no race with a swap after a stat), then exactly the
 * size fstat gave is read. Devices, FIFOs, sockets and folders are refused before any read.
 */
export function readRegularFile(file: string, maxBytes: number, options: { noFollow?: boolean } = {}): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(file, O_RDONLY | O_NONBLOCK | (options.noFollow ? O_NOFOLLOW : 0));
  } catch (e) {
    // Windows opens no folder; say what it is rather than EISDIR/EPERM.
    try {
      if (fs.statSync(file).isDirectory()) return { ok: false, code: 'not-regular', reason: 'is a folder' };
    } catch {
      // fall through to the open error
    }
    return errnoReason(e);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: false, code: 'not-regular', reason: `${kindOf(st)}, not a regular file` };
    if (st.size > maxBytes) return { ok: false, code: 'too-large', reason: `is larger than ${mib(maxBytes)}` };
    const content = Buffer.allocUnsafe(st.size);
    let read = 0;
    while (read < st.size) {
      const n = fs.readSync(fd, content, read, st.size - read, read);
      if (n === 0) break; // the file shrank meanwhile: keep what is there
      read += n;
    }
    return { ok: true, content: read === st.size ? content : content.subarray(0, read), file };
  } catch (e) {
    return errnoReason(e);
  } finally {
    fs.closeSync(fd);
  }
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!path.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${path.sep}`));
}

/** The real path of `value` inside `baseDir`, or why not (missing when it is not there). */
function resolveIn(baseDir: string, value: string): ResolveResult {
  let realBase: string;
  let real: string;
  try {
    realBase = fs.realpathSync(baseDir);
    real = fs.realpathSync(path.resolve(baseDir, platformPath(value)));
  } catch (e) {
    return errnoReason(e);
  }
  if (!isInside(realBase, real)) return { ok: false, code: 'outside', reason: `is a link that leads out of the scenario's folder; ${RELATIVE_ONLY}` };
  return { ok: true, file: real };
}

/**
 * Where the file `value` names is: the first of `baseDirs` that has it (the scenario's folder
 * first, then fallbacks), checked against the rule. Missing everywhere: code `missing`.
 */
export function resolveReferencedFile(value: string, baseDirs: readonly string[]): ResolveResult {
  const problem = pathRuleProblem(value);
  if (problem) return { ok: false, code: 'rule', reason: problem };
  for (const dir of baseDirs) {
    const found = resolveIn(dir, value);
    if (found.ok || found.code !== 'missing') return found;
  }
  return { ok: false, code: 'missing', reason: 'no such file' };
}

/** The bytes of the file `value` names, resolved as resolveReferencedFile does and read safely. */
export function readReferencedFile(value: string, baseDirs: readonly string[], maxBytes = MAX_REFERENCED_FILE_BYTES): ReadResult {
  const found = resolveReferencedFile(value, baseDirs);
  return found.ok ? readResolvedFile(found.file, maxBytes) : found;
}

/** Reads a file resolveReferencedFile returned (its real path, so a link there now is refused). */
export function readResolvedFile(file: string, maxBytes = MAX_REFERENCED_FILE_BYTES): ReadResult {
  return readRegularFile(file, maxBytes, { noFollow: true });
}

/** Where `value` would be in `baseDir` (for "no such file" messages). */
export function expectedLocation(baseDir: string, value: string): string {
  return path.resolve(baseDir, platformPath(value));
}
