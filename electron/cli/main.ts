// `headroom` — the engine headless (docs/cli.md, docs/result-format.md). Results on stdout,
// messages and progress on stderr. Exit codes: 0 ok, 2 invalid input or usage, 3 stopped by a
// cap (result still printed), 1 internal error. Never opens the app's library.
import { analyzeScenario, assertFinite, servingSupportIssues, type ResultDocument } from '../../simulation';
import { WorkerOutOfMemoryError } from '../backend/runs/worker-group';
import { applyOverrides, loadScenarioFile, type Loaded } from '../backend/traces/scenario-source';
import { simulate } from '../backend/runs/simulate';
import { parseArgs, UsageError, type FlagSpec, type ParsedArgs } from './args';
import { CLUSTER_SPECS, CLUSTER_USAGE, jobTracesFor, runClusterCommand } from './calibrate';
import { CHECKPOINT_SPECS, CHECKPOINT_USAGE, runCheckpointCommand } from './checkpoint';
import { formatSummary } from './format-text';
import { warnIgnoredFields } from './ignored-warnings';
import { InputError, tracesFor } from './inputs';
import { ProgressBar } from './progress-bar';
import { checkReportOut } from './report-out';
import { emitRunResult } from './run-output';
import { emitShard, MERGE_SPEC, MERGE_USAGE, runMerge, SHARD_FLAG, shardFlag, SHARD_OUT } from './shard-commands';
import { runSolve, runSweep } from './serving-commands';
import { runCompare, runSensitivityCommand } from './whatif-commands';

const USAGE = `usage:
  headroom validate <scenario.json>
  headroom analyze <scenario.json> [--json]
  headroom run <scenario.json> [--seed N] [--replications R] [--horizon-s S] [--threads T]
                               [--max-events N] [--max-wall-s S] [--json] [--out FILE]
                               [--locale TAG] [--shard I/N|auto/N]
  headroom solve <scenario.json> --service ID [--replications R] [--seed N] [--threads T] [--json]
                                 [--shard I/N|auto/N [--out FILE.json]]
  headroom solve <scenario.json> --pool ID --max-queue-delay-s S [--percentile 95]
                                 [--replications R] [--seed N] [--threads T] [--json]
                                 [--shard I/N|auto/N [--out FILE.json]]
  headroom sweep <scenario.json> --set PATH=FROM:TO[:STEP] [--set PATH=FROM:TO[:STEP]]
                                 [--seed N] [--replications R] [--horizon-s S] [--threads T] [--json]
                                 [--shard I/N|auto/N [--out FILE.json]]
  headroom compare <A.json> <B.json> [--seed N] [--replications R] [--horizon-s S] [--threads T]
                                     [--all] [--json] [--shard I/N|auto/N [--out FILE.json]]
  headroom sensitivity <scenario.json> --figure PATH [--delta 0.2] [--seed N] [--replications R]
                                       [--horizon-s S] [--threads T] [--json]
                                       [--shard I/N|auto/N [--out FILE.json]]
${MERGE_USAGE}
${CLUSTER_USAGE}
${CHECKPOINT_USAGE}`;

const common: Record<string, FlagSpec> = {
  json: { kind: 'boolean' },
  seed: { kind: 'integer', min: 0 },
  replications: { kind: 'integer', min: 1 },
  threads: { kind: 'integer', min: 1 },
};

const SPECS: Record<string, Record<string, FlagSpec>> = {
  validate: {},
  analyze: { json: { kind: 'boolean' } },
  run: {
    ...common,
    'horizon-s': { kind: 'number', min: 0, exclusiveMin: true },
    'max-events': { kind: 'integer', min: 1 },
    'max-wall-s': { kind: 'number', min: 0, exclusiveMin: true },
    out: { kind: 'string' },
    locale: { kind: 'string' },
    ...SHARD_FLAG,
  },
  solve: {
    ...common,
    service: { kind: 'string' },
    pool: { kind: 'string' },
    'max-queue-delay-s': { kind: 'number', min: 0 },
    percentile: { kind: 'number', min: 0, exclusiveMin: true },
    ...SHARD_FLAG,
    ...SHARD_OUT,
  },
  sweep: { ...common, ...SHARD_FLAG, ...SHARD_OUT, set: { kind: 'string', repeatable: true }, 'horizon-s': { kind: 'number', min: 0, exclusiveMin: true } },
  compare: { ...common, ...SHARD_FLAG, ...SHARD_OUT, all: { kind: 'boolean' }, 'horizon-s': { kind: 'number', min: 0, exclusiveMin: true } },
  sensitivity: { ...common, ...SHARD_FLAG, ...SHARD_OUT, figure: { kind: 'string' }, delta: { kind: 'number', min: 0, exclusiveMin: true }, 'horizon-s': { kind: 'number', min: 0, exclusiveMin: true } },
  ...MERGE_SPEC,
  ...CLUSTER_SPECS,
  ...CHECKPOINT_SPECS,
};

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version') {
    process.stdout.write(`${__HEADROOM_VERSION__}\n`);
    return 0;
  }
  const args = parseArgs(argv, SPECS, { compare: 2, merge: { min: 1 } });
  if (args.command === 'merge') return runMerge(args);
  if (args.command in CLUSTER_SPECS) return runClusterCommand(args);
  if (args.command === 'compare') return runCompare(args);
  const loaded = loadScenarioFile(args.file);
  if (!loaded.ok) throw new InputError(loaded.errors);

  switch (args.command) {
    case 'validate': {
      // With the files read, their rows count towards the memory estimate too, and a trace's
      // replay is checked against its span (servingSupportIssues: replay, then the memory estimate).
      const inputs = jobTracesFor(loaded.scenario, args.file, tracesFor(loaded.scenario, args.file));
      const tooBig = servingSupportIssues(loaded.scenario, inputs);
      if (tooBig.length > 0) throw new InputError(tooBig);
      warnIgnoredFields(loaded.scenario);
      process.stdout.write('ok\n');
      return 0;
    }
    case 'analyze': {
      // The same refusals as validate (a replay block longer than the trace, say): exit 2, naming the field.
      const inputs = tracesFor(loaded.scenario, args.file);
      const unsupported = servingSupportIssues(loaded.scenario, inputs);
      if (unsupported.length > 0) throw new InputError(unsupported);
      const doc = analyzeScenario(loaded.scenario, { sha256: loaded.sha256 }, inputs);
      assertFinite(doc, 'the analytic document');
      process.stdout.write(args.flags.json ? `${JSON.stringify(doc, null, 2)}\n` : `${formatSummary(doc.summary)}\n`);
      return 0;
    }
    case 'solve':
      return runSolve(args, loaded);
    case 'sweep':
      return runSweep(args, loaded);
    case 'sensitivity':
      return runSensitivityCommand(args, loaded);
    case 'checkpoint-sweep':
      return runCheckpointCommand(args, loaded);
    default:
      return runCommand(args, loaded);
  }
}

async function runCommand(args: ParsedArgs, loaded: Extract<Loaded, { ok: true }>): Promise<number> {
  // --max-wall-s counts from here: reading traces and building models are part of the run.
  const started = Date.now();
  const shard = shardFlag(args);
  const out = shard ? null : checkReportOut(args);
  const overrides = {
    seed: args.flags.seed as number | undefined,
    replications: args.flags.replications as number | undefined,
    horizon_s: args.flags['horizon-s'] as number | undefined,
  };
  const patched = applyOverrides(loaded.raw, overrides);
  if (!patched.ok) throw new InputError(patched.errors);
  const scenario = patched.scenario;
  const inputs = jobTracesFor(scenario, args.file, tracesFor(scenario, args.file));
  const unsupported = servingSupportIssues(scenario, inputs);
  if (unsupported.length > 0) throw new InputError(unsupported);
  warnIgnoredFields(scenario);
  if (shard) {
    return emitShard(args, shard, {
      command: 'run',
      args: { ...overrides, max_events: args.flags['max-events'] },
      name: scenario.name,
      seed: scenario.seed,
      sources: [{ sha256: loaded.sha256, raw: loaded.raw, inputs }],
      cases: [{ scenario, inputs, sha256: loaded.sha256 }],
    });
  }
  const bar = process.stderr.isTTY ? new ProgressBar(process.stderr) : null;
  const maxWallS = args.flags['max-wall-s'] as number | undefined;
  const { result } = await simulate(scenario, loaded.sha256, {
    threads: args.flags.threads as number | undefined,
    maxEvents: args.flags['max-events'] as number | undefined,
    maxWallMs: maxWallS === undefined ? undefined : Math.max(0, maxWallS * 1000 - (Date.now() - started)),
    onProgress: bar ? (p) => bar.update(p) : undefined,
  }, inputs);
  bar?.done();
  return emitRunResult(args, result as ResultDocument, scenario, out);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    if (err instanceof InputError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 2;
    } else if (err instanceof WorkerOutOfMemoryError) {
      process.stderr.write(`headroom: run failed: ${err.message}\n`);
      process.exitCode = 1;
    } else if (err instanceof UsageError) {
      process.stderr.write(`headroom: ${err.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      const e = err instanceof Error ? err : new Error(String(err));
      process.stderr.write(`headroom: internal error: ${e.stack ?? e.message}\n`);
      process.exitCode = 1;
    }
  },
);
