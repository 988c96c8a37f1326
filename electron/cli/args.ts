// Command-line parsing for `headroom`: a command, one positional file, and typed flags.
// Usage errors are thrown as UsageError (exit code 2).

export class UsageError extends Error {}

export interface FlagSpec {
  kind: 'boolean' | 'integer' | 'number' | 'string';
  min?: number;
  /** The minimum itself is not allowed (e.g. a horizon must be > 0). */
  exclusiveMin?: boolean;
}

export interface ParsedArgs {
  command: string;
  file: string;
  flags: Record<string, boolean | number | string>;
}

export function parseArgs(argv: string[], specs: Record<string, Record<string, FlagSpec>>): ParsedArgs {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError('missing command');
  const spec = specs[command];
  if (!spec) throw new UsageError(`unknown command "${command}" (commands: ${Object.keys(specs).join(', ')})`);
  const flags: ParsedArgs['flags'] = {};
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
    flags[name] = convert(name, value, f);
  }
  if (positional.length !== 1) throw new UsageError(`"${command}" takes exactly one scenario file (got ${positional.length})`);
  return { command, file: positional[0] as string, flags };
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
