// Command-line parsing for `headroom`: a command, one positional file, and typed flags.
// Usage errors are thrown as UsageError (exit code 2).

export class UsageError extends Error {}

export interface FlagSpec {
  kind: 'boolean' | 'integer' | 'number' | 'string';
  min?: number;
  /** The minimum itself is not allowed (e.g. a horizon must be > 0). */
  exclusiveMin?: boolean;
  /** May be given more than once (`--set A --set B`); the values collect in `lists`. */
  repeatable?: boolean;
}

export interface ParsedArgs {
  command: string;
  file: string;
  /** Every positional file, in order (`compare A.json B.json`); `file` is the first. */
  files: string[];
  flags: Record<string, boolean | number | string>;
  /** Values of repeatable flags, in order. */
  lists: Record<string, string[]>;
}

/** `files[command]`: how many files a command takes (default 1), or at least how many (`merge`). */
export function parseArgs(argv: string[], specs: Record<string, Record<string, FlagSpec>>, files: Record<string, number | { min: number }> = {}): ParsedArgs {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError('missing command');
  const spec = specs[command];
  if (!spec) throw new UsageError(`unknown command "${command}" (commands: ${Object.keys(specs).join(', ')})`);
  const flags: ParsedArgs['flags'] = {};
  const lists: ParsedArgs['lists'] = {};
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const f = spec[name];
    if (!f) throw new UsageError(`unknown option --${name} for "${command}"`);
    if (f.kind === 'boolean') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    const value = eq === -1 ? rest[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    if (f.repeatable) (lists[name] ??= []).push(value);
    else if (name in flags) throw new UsageError(`--${name} is given more than once`);
    flags[name] = convert(name, value, f);
  }
  const want = files[command] ?? 1;
  if (typeof want === 'object') {
    if (positional.length < want.min) throw new UsageError(`"${command}" takes at least ${want.min} file${want.min === 1 ? '' : 's'} (got ${positional.length})`);
  } else if (positional.length !== want) {
    throw new UsageError(`"${command}" takes exactly ${want === 1 ? 'one scenario file' : `${want} scenario files`} (got ${positional.length})`);
  }
  return { command, file: positional[0] as string, files: positional, flags, lists };
}

function convert(name: string, value: string, f: FlagSpec): number | string {
  if (f.kind === 'string') return value;
  const n = Number(value);
  const isInt = f.kind === 'integer';
  const bad = !Number.isFinite(n) || (isInt && !Number.isSafeInteger(n)) || (f.min !== undefined && (f.exclusiveMin ? n <= f.min : n < f.min));
  if (bad) {
    const bound = f.min === undefined ? '' : ` ${f.exclusiveMin ? '>' : '≥'} ${f.min}`;
    throw new UsageError(`--${name}: must be ${isInt ? 'an integer' : 'a number'}${bound} (got ${JSON.stringify(value)})`);
  }
  return n;
}
