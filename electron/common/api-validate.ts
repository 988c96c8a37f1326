// The one gate every call passes, in the Electron main process and in the preview server alike:
// the method must be in the table, its arguments must parse with the table's schemas, and the
// implementation gets the parsed values. A refusal is a BadRequestError whose message names the
// argument and the field, e.g. `options.seed: must be an integer ≥ 0` or `files[0].path: unknown field`.
import type * as z from 'zod';
import { argName, type MethodSpec, type MethodTable } from './api-types';

/** Bad input from the caller: the shells answer it as such (HTTP 400), never as an internal error. */
export class BadRequestError extends Error {}

/** A JSON path from its parts: `a.b[0]["a b"]` (no leading dot). */
export function formatPath(parts: readonly PropertyKey[]): string {
  return parts.map(pathPart).join('').replace(/^\./, '');
}

/** `.name`, `[0]`, or `["a b"]` for a key that would not read as a name. */
function pathPart(key: PropertyKey): string {
  if (typeof key === 'number') return `[${key}]`;
  const name = String(key);
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** The first issue as `path: message`; `head` names what the path starts from. */
export function describeIssue(issue: z.core.$ZodIssue, head: (first: PropertyKey | undefined) => { name: string; rest: PropertyKey[] }): string {
  const { name, rest } = head(issue.path[0]);
  let at = name + rest.map(pathPart).join('');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    at += pathPart(issue.keys[0] ?? '');
    message = 'unknown field';
  }
  return at === '' ? message : `${at}: ${message}`;
}

/** Parses a value with a schema, throwing a BadRequestError named `name` (for inputs outside the table). */
export function parseNamed<T extends z.ZodType>(schema: T, value: unknown, name: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new BadRequestError(describeIssue(issue, () => ({ name, rest: issue.path })));
}

/** The method's spec, if `method` names one of the table's own entries. */
export function specOf(table: MethodTable, method: unknown): MethodSpec | undefined {
  return typeof method === 'string' && Object.hasOwn(table, method) ? table[method] : undefined;
}

/** The parsed arguments of a call, or a BadRequestError naming the argument and field. */
export function parseArgs(spec: MethodSpec, args: unknown): unknown[] {
  if (!Array.isArray(args)) throw new BadRequestError('args: must be a list of arguments');
  const items = spec.args.def.items;
  if (args.length > items.length) throw new BadRequestError(`args: takes at most ${items.length} argument${items.length === 1 ? '' : 's'} (got ${args.length})`);
  // A missing argument is parsed as undefined, so that its schema names it ("id: must be an id string").
  const parsed = spec.args.safeParse([...args, ...new Array<undefined>(items.length - args.length).fill(undefined)]);
  if (parsed.success) return parsed.data as unknown[];
  const issue = parsed.error.issues[0]!;
  throw new BadRequestError(describeIssue(issue, (first) => {
    const index = typeof first === 'number' ? first : -1;
    return index < 0 ? { name: 'args', rest: issue.path } : { name: argName(items[index], index), rest: issue.path.slice(1) };
  }));
}

/** Parses a method's result (tests and development: see api.ts); throws naming the method. */
export function checkResult(method: string, spec: MethodSpec, value: unknown): void {
  const parsed = spec.result.safeParse(value);
  if (!parsed.success) throw new Error(`${method}: the result does not match the contract: ${describeIssue(parsed.error.issues[0]!, () => ({ name: 'result', rest: parsed.error.issues[0]!.path }))}`);
}

/** Parses a payload of the table's events (tests: see api.ts). */
export function checkEvent(name: string, schema: z.ZodType, payload: unknown): void {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new Error(`${name}: the event does not match the contract: ${describeIssue(parsed.error.issues[0]!, () => ({ name: 'payload', rest: parsed.error.issues[0]!.path }))}`);
}

export type Handlers = Record<string, (...args: never[]) => Promise<unknown>>;

export interface CallOptions {
  /** Parse every result with the table's schema (the tests set it). */
  checkResults?: boolean;
}

/**
 * Answers one call: a method of the table that `handlers` implements, with its arguments parsed.
 * Anything else (not in the table, not implemented here) is refused before any argument is read.
 */
export async function callMethod(table: MethodTable, handlers: Handlers, method: unknown, args: unknown, options: CallOptions = {}): Promise<unknown> {
  const spec = specOf(table, method);
  const fn = spec && Object.hasOwn(handlers, method as string) ? handlers[method as string] : undefined;
  if (!spec || !fn) throw new UnknownMethodError(`unknown method: ${String(method).slice(0, 100)}`);
  const value = await (fn as (...a: unknown[]) => Promise<unknown>)(...parseArgs(spec, args));
  if (options.checkResults) checkResult(method as string, spec, value);
  return value;
}

/** A call to a method outside the table (or one this shell does not answer). */
export class UnknownMethodError extends Error {}

/** The table's methods of one kind, taken from `impl` (bound to it) as own properties. */
export function bindHandlers(table: MethodTable, kind: MethodSpec['kind'], impl: object): Handlers {
  const handlers: Handlers = {};
  for (const [name, spec] of Object.entries(table)) {
    if (spec.kind !== kind) continue;
    const fn = (impl as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`${name}: the table has it, the implementation does not`);
    handlers[name] = (fn as (...a: unknown[]) => Promise<unknown>).bind(impl);
  }
  return handlers;
}
