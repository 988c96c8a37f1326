// `--shard I/N` on the long commands, and `headroom merge` (docs/cli.md#shards-and-merge): a
// shard computes its share of the command's units and writes a part document; the merge checks
// the parts belong together and prints what the single-machine command would have printed.
import fs from 'node:fs';
import { writeFileAtomic } from '../backend/atomic-write';
import { checkReportTarget, ReportError } from '../backend/report';
import { mergeParts } from '../backend/shard/merge-parts';
import { PartError, readPart, type LoadedPart } from '../backend/shard/part-format';
import { PartScenarioError } from '../backend/shard/part-inputs';
import { runShard, type ShardJob } from '../backend/shard/shard-run';
import type { Shard } from '../backend/shard/units';
import { SolveInputError } from '../backend/tools/solve';
import { PoolSolveInputError } from '../backend/whatif/pool-solve';
import { SweepUsageError } from '../backend/tools/sweep';
import { SensitivityInputError } from '../backend/whatif/sensitivity-run';
import { UsageError, type FlagSpec, type ParsedArgs } from './args';
import { emitCheckpointSweep } from './checkpoint';
import { InputError } from './inputs';
import { ProgressBar } from './progress-bar';
import { checkReportOut } from './report-out';
import { emitRunResult } from './run-output';
import { emitSolve, emitSweep } from './serving-commands';
import { shardIndexFromEnv, parseShard } from './shard-flag';
import { emitCompare, emitPoolSolve, emitSensitivity } from './whatif-commands';

export const SHARD_FLAG: Record<string, FlagSpec> = { shard: { kind: 'string' } };
/** `--out` of the commands that have none of their own: the part document of a shard. */
export const SHARD_OUT: Record<string, FlagSpec> = { out: { kind: 'string' } };

export const MERGE_USAGE = `  headroom merge <PART.json>... [--json] [--out FILE] [--locale TAG] [--allow-partial] [--all]`;

export const MERGE_SPEC: Record<string, Record<string, FlagSpec>> = {
  merge: { json: { kind: 'boolean' }, out: { kind: 'string' }, locale: { kind: 'string' }, 'allow-partial': { kind: 'boolean' }, all: { kind: 'boolean' } },
};

/** A part file, or a merged non-run document, goes to a .json file only. */
function checkJsonOut(file: string, what: string): void {
  if (!file.toLowerCase().endsWith('.json')) throw new InputError([{ path: '--out', message: `${what} is JSON: the file name must end in .json (got ${JSON.stringify(file)})` }]);
  try {
    checkReportTarget(file);
  } catch (e) {
    if (e instanceof ReportError) throw new InputError([{ path: '--out', message: e.message }]);
    throw e;
  }
}

/**
 * The shard this process computes (null without --shard), and its flags checked. Commands that
 * have no `--out` of their own (`ownOut` false) take one only with --shard.
 */
export function shardFlag(args: ParsedArgs, ownOut = true): Shard | null {
  const text = args.flags.shard;
  if (typeof text !== 'string') {
    if (!ownOut && args.flags.out !== undefined) throw new UsageError(`--out goes with --shard for "${args.command}" (the part document); its own document is printed with --json`);
    return null;
  }
  if (args.flags['max-wall-s'] !== undefined) {
    throw new UsageError('--max-wall-s cannot be used with --shard: a shard stopped by the clock would leave units out of the merge (cap the job in the batch system instead)');
  }
  if (args.flags.locale !== undefined) throw new UsageError('--locale spells a report, and a shard writes none (give it to `headroom merge … --out`)');
  const out = args.flags.out;
  if (args.flags.json !== true && out === undefined) throw new UsageError('--shard writes a part document: give --json (on stdout) or --out FILE.json');
  const shard = parseShard(text, process.env);
  if (typeof out === 'string') checkJsonOut(out, 'a part document');
  return shard;
}

export async function emitShard(args: ParsedArgs, shard: Shard, job: ShardJob): Promise<number> {
  const bar = process.stderr.isTTY ? new ProgressBar(process.stderr) : null;
  const part = await runShard(job, shard, {
    threads: args.flags.threads as number | undefined,
    maxEvents: args.flags['max-events'] as number | undefined,
    onProgress: bar ? (p) => bar.update(p) : undefined,
  });
  bar?.done();
  const text = `${JSON.stringify(part)}\n`;
  const out = args.flags.out;
  const what = `shard ${shard.index} of ${shard.count}: ${part.units.indices.length} of ${part.units.total} units`;
  if (typeof out === 'string') {
    writeFileAtomic(out, text);
    process.stderr.write(`headroom: wrote ${out} (${what})\n`);
  }
  process.stdout.write(args.flags.json === true ? text : `${what}\n`);
  const env = shardIndexFromEnv(process.env);
  if (env && args.flags.shard === `${shard.index}/${shard.count}` && env.index !== shard.index) {
    process.stderr.write(`headroom: warning: --shard ${shard.index}/${shard.count} given, but the environment says shard ${env.index} (${env.from}); --shard auto/${shard.count} reads it\n`);
  }
  if ((part.outcomes as { stopped?: unknown }[]).some((o) => typeof o.stopped === 'string')) process.stderr.write('headroom: some replications stopped early (a cap); the merged result will say so\n');
  return 0;
}

function readParts(files: readonly string[]): LoadedPart[] {
  return files.map((file) => {
    let text: string;
    try {
      if (!fs.statSync(file).isFile()) throw new Error('not a regular file');
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new InputError([{ path: file, message: `cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }]);
    }
    try {
      return readPart(text, file);
    } catch (e) {
      if (e instanceof PartError) throw new InputError([{ path: e.file, message: e.message }]);
      throw e;
    }
  });
}

export async function runMerge(args: ParsedArgs): Promise<number> {
  const parts = readParts(args.files);
  const command = parts[0]?.part.command;
  // The output is checked before anything is merged: a run's parts give a report (as `run --out`).
  const report = command === 'run' ? checkReportOut(args) : null;
  if (command !== 'run') {
    if (args.flags.locale !== undefined) throw new UsageError(`--locale spells a run's report; these parts are of "${command}"`);
    if (typeof args.flags.out === 'string') checkJsonOut(args.flags.out, `a merged ${command} document`);
  }
  let merged: Awaited<ReturnType<typeof mergeParts>>;
  try {
    merged = await mergeParts(parts, args.flags['allow-partial'] === true);
  } catch (e) {
    if (e instanceof SolveInputError || e instanceof PoolSolveInputError) throw new InputError([{ path: e.path, message: e.message }]);
    if (e instanceof PartError) throw new InputError([{ path: e.file, message: e.message }]);
    if (e instanceof PartScenarioError) throw new InputError(e.issues);
    if (e instanceof SensitivityInputError) throw new InputError([{ path: e.path, message: e.message }]);
    if (e instanceof SweepUsageError) throw new InputError([{ path: 'args.set', message: e.message }]);
    throw e;
  }
  const partial = 'partial' in merged.doc ? merged.doc.partial : undefined;
  if (partial) {
    process.stderr.write(`headroom: partial merge: shard${partial.missing_shards.length > 1 ? 's' : ''} ${partial.missing_shards.join(', ')} of ${partial.shards} missing; the result covers ${partial.units} of ${partial.of_units} units (see "partial")\n`);
  }
  const writeJson = (doc: unknown) => {
    if (typeof args.flags.out !== 'string') return;
    writeFileAtomic(args.flags.out, `${JSON.stringify(doc, null, 2)}\n`);
    process.stderr.write(`headroom: wrote ${args.flags.out}\n`);
  };
  switch (merged.command) {
    case 'run':
      return emitRunResult(args, merged.doc, merged.scenario, report);
    case 'sweep':
      writeJson(merged.doc);
      return emitSweep(args, merged.doc, merged.scenario);
    case 'solve':
      writeJson(merged.doc);
      return 'pool' in merged.doc ? emitPoolSolve(args, merged.doc) : emitSolve(args, merged.doc, merged.scenario);
    case 'compare':
      writeJson(merged.doc);
      return emitCompare(args, merged.doc);
    case 'sensitivity':
      writeJson(merged.doc);
      return emitSensitivity(args, merged.doc);
    case 'checkpoint-sweep':
      writeJson(merged.doc);
      return emitCheckpointSweep(args, merged.doc, merged.scenario);
  }
}
