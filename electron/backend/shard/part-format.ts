// The `headroom.part/v1` document (docs/result-format.md#part-documents): one shard's share of a
// long command — the units it computed, each replication's outcome written exactly
// (exact-json.ts), and everything the merge needs to rebuild the command's document without the
// scenario's files: the scenario JSON itself, the command's normalized options, and per trace
// the three numbers the result uses. Reading checks the shape; checkPartSet checks that a set of
// parts belongs together and is whole.
import { ENGINE_VERSION, canonicalJson, type CheckpointSample, type ReplicationOutcome } from '../../../simulation';
import { decodeExact, ExactJsonError } from './exact-json';
import { shardUnits } from './units';

export const PART_FORMAT = 'headroom.part/v1';

export const SHARD_COMMANDS = ['run', 'sweep', 'solve', 'compare', 'sensitivity', 'checkpoint-sweep'] as const;
export type ShardCommand = (typeof SHARD_COMMANDS)[number];

/** What a result takes from a request trace: its offered rate is length ÷ (last − first) × scale. */
export interface TraceSummary {
  length: number;
  first: number;
  last: number;
  /**
   * An llm service's token columns, whole: its analytic figures take their moments (and the
   * prompt × output mean, row by row), which a summary could not reproduce to the bit.
   */
  prompt_tokens?: number[];
  output_tokens?: number[];
}

export interface PartSource {
  /** sha256 of the scenario file's JSON (the result's `scenario.sha256`). */
  sha256: string;
  /** The scenario file's JSON, as read (flags are in `args`). */
  raw: Record<string, unknown>;
  /** Per trace-driven service id. */
  traces: Record<string, TraceSummary>;
}

export interface PartCase {
  sha256: string;
  replications: number;
  wall_ms: number;
}

export interface PartDocument {
  format: typeof PART_FORMAT;
  command: ShardCommand;
  /** The options that shape the command's work, normalized (absent when not given). */
  args: Record<string, unknown>;
  scenario: { name: string; sha256: string };
  engine: { version: string; events: number; wall_ms: number };
  seed: number;
  shard: { index: number; count: number };
  /** `indices`: the units this shard computed (k ≡ index mod count), of `total`. */
  units: { total: number; indices: number[] };
  /** The scenario files (compare: A then B). */
  sources: PartSource[];
  /**
   * The scenarios whose replications are the units (run: 1, sweep: one per point, compare: A
   * and B, sensitivity: the scenario then each variation's valid sides): each one's sha256 (with
   * the point's values set) and replications, and the ms from its first unit's start here to its
   * last's end (0 when none ran here). The merge checks it rebuilt the same ones.
   */
  cases: PartCase[];
  /**
   * What else the merge needs to rebuild the cases (sensitivity: which sides were invalid, and
   * why; checkpoint-sweep: the Young/Daly basis, which depends on the job trace).
   */
  plan?: unknown;
  /**
   * Each unit's outcome, in `units.indices` order, written by exact-json.ts: a replication's
   * (checkpoint-sweep: the unit's CheckpointSample).
   */
  outcomes: unknown[];
}

/** What a unit computes: a replication's outcome, or (checkpoint-sweep) an interval's sample. */
export type UnitOutcome = ReplicationOutcome | CheckpointSample;

/** A part as read: the document, its decoded outcomes, and the name to report it by. */
export interface LoadedPart {
  file: string;
  part: PartDocument;
  outcomes: UnitOutcome[];
}

export class PartError extends Error {
  constructor(readonly file: string, message: string) {
    super(message);
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const SAMPLE_FIGURES = ['goodput', 'jct_s', 'lost', 'checkpoint'] as const;
const isSample = (v: Record<string, unknown>) => isCount(v.events) && SAMPLE_FIGURES.every((k) => v[k] === null || typeof v[k] === 'number');

/** The part in `text`, its shape checked; PartError naming `file` otherwise. */
export function readPart(text: string, file: string): LoadedPart {
  const fail = (message: string): never => { throw new PartError(file, message); };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return fail(`is not JSON (${(e as Error).message})`);
  }
  if (!isObj(doc)) return fail('is not a part document (a JSON object)');
  if (doc.format !== PART_FORMAT) {
    const hint = typeof doc.format === 'string' && doc.format.startsWith('headroom.') ? ` (it is a ${doc.format} document: give the parts written with --shard)` : '';
    return fail(`format: expected "${PART_FORMAT}", got ${JSON.stringify(doc.format)}${hint}`);
  }
  if (!(SHARD_COMMANDS as readonly unknown[]).includes(doc.command)) return fail(`command: expected one of ${SHARD_COMMANDS.join(', ')}`);
  if (!isObj(doc.args)) return fail('args: expected an object');
  if (!isObj(doc.scenario) || typeof doc.scenario.sha256 !== 'string' || typeof doc.scenario.name !== 'string') return fail('scenario: expected { name, sha256 }');
  if (!isObj(doc.engine) || typeof doc.engine.version !== 'string' || !isCount(doc.engine.wall_ms) || !isCount(doc.engine.events)) return fail('engine: expected { version, events, wall_ms }');
  if (!isCount(doc.seed)) return fail('seed: expected a whole number');
  const shard = doc.shard;
  if (!isObj(shard) || !isCount(shard.count) || shard.count < 1 || !isCount(shard.index) || shard.index >= shard.count) return fail('shard: expected { index, count } with 0 ≤ index < count');
  const units = doc.units;
  if (!isObj(units) || !isCount(units.total) || !Array.isArray(units.indices)) return fail('units: expected { total, indices }');
  const expected = shardUnits(units.total, { index: shard.index, count: shard.count });
  if (canonicalJson(units.indices) !== canonicalJson(expected)) return fail(`units.indices: not the units of shard ${shard.index} of ${shard.count} (every k < ${units.total} with k mod ${shard.count} = ${shard.index})`);
  if (!Array.isArray(doc.sources) || doc.sources.length === 0) return fail('sources: expected the scenario files');
  doc.sources.forEach((s, i) => {
    if (!isObj(s) || typeof s.sha256 !== 'string' || !isObj(s.raw) || !isObj(s.traces)) fail(`sources[${i}]: expected { sha256, raw, traces }`);
  });
  if (!Array.isArray(doc.cases) || doc.cases.length === 0) return fail('cases: expected the scenarios simulated');
  doc.cases.forEach((c, i) => {
    if (!isObj(c) || typeof c.sha256 !== 'string' || !isCount(c.replications) || !isCount(c.wall_ms)) fail(`cases[${i}]: expected { sha256, replications, wall_ms }`);
  });
  if (!Array.isArray(doc.outcomes) || doc.outcomes.length !== expected.length) return fail(`outcomes: expected one per unit (${expected.length})`);
  let outcomes: UnitOutcome[];
  const checkpoint = doc.command === 'checkpoint-sweep';
  try {
    outcomes = doc.outcomes.map((o, i) => {
      const v = decodeExact(o, `outcomes[${i}]`);
      if (!isObj(v) || !isCount(v.index)) throw new ExactJsonError(`outcomes[${i}]: expected a replication outcome`);
      if (checkpoint && !isSample(v)) throw new ExactJsonError(`outcomes[${i}]: expected a checkpoint sample { index, events, ${SAMPLE_FIGURES.join(', ')} }`);
      return v as unknown as UnitOutcome;
    });
  } catch (e) {
    if (e instanceof ExactJsonError) return fail(e.message);
    throw e;
  }
  return { file, part: doc as unknown as PartDocument, outcomes };
}

/** What the parts must share to be shards of one computation, with how to name a difference. */
const SAME: { what: string; key: (p: PartDocument) => unknown }[] = [
  { what: 'command', key: (p) => p.command },
  { what: 'scenario sha256', key: (p) => p.sources.map((s) => s.sha256).join(' and ') },
  { what: 'engine version', key: (p) => p.engine.version },
  { what: 'seed', key: (p) => p.seed },
  { what: 'shard count', key: (p) => p.shard.count },
  { what: 'options', key: (p) => p.args },
  { what: 'unit count', key: (p) => p.units.total },
  { what: 'scenarios simulated', key: (p) => [p.cases.map((c) => [c.sha256, c.replications]), p.plan ?? null] },
];

/**
 * Checks that the parts are shards of one computation, none given twice, and (unless
 * `allowPartial`) none missing. Returns the missing shard indices (empty when whole).
 */
export function checkPartSet(parts: readonly LoadedPart[], allowPartial: boolean): number[] {
  const first = parts[0];
  if (!first) throw new PartError('merge', 'no parts given');
  for (const p of parts) {
    if (p.part.engine.version !== ENGINE_VERSION) {
      throw new PartError(p.file, `was computed by engine ${p.part.engine.version}; this is engine ${ENGINE_VERSION}: merge with the same version that computed the parts`);
    }
    for (const s of SAME) {
      const a = canonicalJson(s.key(first.part));
      const b = canonicalJson(s.key(p.part));
      if (a !== b) throw new PartError(p.file, `belongs to another computation: its ${s.what} is ${b}, but ${first.file}'s is ${a}`);
    }
  }
  const byIndex = new Map<number, string>();
  for (const p of parts) {
    const seen = byIndex.get(p.part.shard.index);
    if (seen !== undefined) throw new PartError(p.file, `repeats shard ${p.part.shard.index} of ${p.part.shard.count} (also given as ${seen})`);
    byIndex.set(p.part.shard.index, p.file);
  }
  const count = first.part.shard.count;
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0 && !allowPartial) {
    const list = missing.length > 10 ? `${missing.slice(0, 10).join(', ')}, … (${missing.length} in all)` : missing.join(', ');
    throw new PartError('merge', `missing shard${missing.length > 1 ? 's' : ''} ${list} of ${count} (shards are numbered 0 to ${count - 1}); give every part, or --allow-partial for a partial result`);
  }
  return missing;
}
