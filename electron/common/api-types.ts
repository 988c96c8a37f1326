// How the method table (api.ts) becomes TypeScript: the API each side sees, inferred with zod.
// The renderer calls with what the schemas accept (z.input) and gets what they describe
// (z.output); the implementations get the parsed arguments (z.output) and return z.input.
import * as z from 'zod';

type Args = readonly [] | readonly [z.ZodType, ...z.ZodType[]];

export interface MethodSpec<K extends 'backend' | 'dialog' = 'backend' | 'dialog', A extends Args = Args, R extends z.ZodType = z.ZodType> {
  /** backend: answered by the backend in both shells; dialog: each shell answers it around its own file dialogs. */
  kind: K;
  args: z.ZodTuple<A, null>;
  result: R;
}

/** Names an argument, for messages such as `options.seed: must be an integer ≥ 0`. */
export function arg<T extends z.ZodType>(name: string, schema: T): T {
  return schema.meta({ arg: name }) as T;
}

/** The name `arg` gave the schema, or `args[i]`. */
export function argName(schema: z.ZodType | undefined, index: number): string {
  const meta = schema ? z.globalRegistry.get(schema) : undefined;
  return typeof meta?.arg === 'string' ? meta.arg : `args[${index}]`;
}

export const backend = <const A extends Args, R extends z.ZodType>(args: A, result: R): MethodSpec<'backend', A, R> =>
  ({ kind: 'backend', args: z.tuple(args as never) as unknown as z.ZodTuple<A, null>, result });
export const dialog = <const A extends Args, R extends z.ZodType>(args: A, result: R): MethodSpec<'dialog', A, R> =>
  ({ kind: 'dialog', args: z.tuple(args as never) as unknown as z.ZodTuple<A, null>, result });

export type MethodTable = Record<string, MethodSpec>;
export type EventTable = Record<string, z.ZodType>;

/** The API as the renderer sees it. */
export type ApiOf<T extends MethodTable> = {
  [K in keyof T]: (...args: z.input<T[K]['args']>) => Promise<z.output<T[K]['result']>>;
};

/** What implements the methods of one kind: parsed arguments in, the result out. */
export type ImplOf<T extends MethodTable, Kind extends 'backend' | 'dialog'> = {
  [K in keyof T as T[K]['kind'] extends Kind ? K : never]: (...args: z.output<T[K]['args']>) => Promise<z.input<T[K]['result']>>;
};

/** One `onX(listener)` per event, returning the unsubscribe function. */
export type EventsOf<E extends EventTable> = {
  [K in keyof E]: (listener: (payload: z.output<E[K]>) => void) => () => void;
};
