// What the scenario format allows in the cluster section's ids, step counts and fixed-choice
// fields, read from the format's JSON Schema (the public face of simulation/scenario/schema.ts),
// so the form and the CSV import accept exactly what the validator accepts, with no copy of it.
import { scenarioJsonSchema } from '../../../simulation';

type Node = Record<string, unknown>;

const root = scenarioJsonSchema();

/** A schema node, following one `#/$defs/…` reference. */
function resolve(node: unknown): Node {
  const ref = (node as Node | undefined)?.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) return ((root.$defs as Node)[ref.slice('#/$defs/'.length)] ?? {}) as Node;
  return (node ?? {}) as Node;
}

const child = (node: unknown, key: string): Node => resolve((resolve(node).properties as Node | undefined)?.[key]);
const enumOf = (node: Node): string[] => (Array.isArray(node.enum) ? node.enum.filter((v): v is string => typeof v === 'string') : []);

const cluster = child(root, 'cluster');
const job = resolve(child(cluster, 'jobs').items);
const id = child(job, 'id');

const ID_PATTERN = new RegExp(typeof id.pattern === 'string' ? id.pattern : '^[A-Za-z0-9_.-]+$');
/** Longest id. */
export const ID_MAX = typeof id.maxLength === 'number' ? id.maxLength : 200;
/** Most steps of one job. */
export const MAX_JOB_STEPS = typeof child(job, 'steps').maximum === 'number' ? (child(job, 'steps').maximum as number) : Number.MAX_SAFE_INTEGER;

/** Whether `text` is an id the format accepts (pools, jobs). */
export const isValidId = (text: string): boolean => text.length <= ID_MAX && ID_PATTERN.test(text);

export const POLICY_CHOICES = enumOf(child(child(cluster, 'scheduler'), 'policy'));
export const PLACEMENT_CHOICES = enumOf(child(child(cluster, 'scheduler'), 'placement'));
export const MITIGATION_CHOICES = enumOf(child(child(cluster, 'stragglers'), 'mitigation'));
export const TRACE_FORMAT_CHOICES = enumOf(child(child(cluster, 'job_trace'), 'format'));

/** [value, label] pairs for a ChoiceField: each allowed value, with a readable label when there is one. */
export const choices = (values: readonly string[], labels: Readonly<Record<string, string>>) => values.map((v) => [v, labels[v] ?? v] as const);
