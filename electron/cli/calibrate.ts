// Cluster commands and glue for the `headroom` CLI (see docs/cluster.md):
//   headroom calibrate-stragglers <per-worker-steps.csv> [--json] [--time-scale X] [--slow-threshold R]
// fits the `stragglers` settings (and step_time_s) of one job from its per-worker step times and
// prints them; and `jobTracesFor` reads a scenario's `cluster.job_trace` for `run` / `validate`.
import path from 'node:path';
import { fitStragglers, parseWorkerSteps, type HostInputs, type Scenario, type StragglerFit } from '../../simulation';
import { EN_US } from '../../simulation/present';
import { loadJobTraces } from '../backend/traces/job-trace-loader';
import { MAX_REFERENCED_FILE_BYTES, readRegularFile } from '../backend/traces/scenario-file-ref';
import type { FlagSpec, ParsedArgs } from './args';
import { InputError } from './inputs';

const { plain: fmt } = EN_US;

export const CLUSTER_USAGE = `  headroom calibrate-stragglers <per-worker-steps.csv> [--json] [--time-scale X] [--slow-threshold R]`;

export const CLUSTER_SPECS: Record<string, Record<string, FlagSpec>> = {
  'calibrate-stragglers': {
    json: { kind: 'boolean' },
    'time-scale': { kind: 'number', min: 0, exclusiveMin: true },
    'slow-threshold': { kind: 'number', min: 1 },
  },
};

/** `inputs` plus the scenario's job trace, read under the scenario file's folder (exit 2 on problems). */
export function jobTracesFor(scenario: Scenario, file: string, inputs: HostInputs = {}): HostInputs {
  const loaded = loadJobTraces(scenario, [path.dirname(path.resolve(file))]);
  if (!loaded.ok) throw new InputError(loaded.errors);
  return Object.keys(loaded.jobs).length > 0 ? { ...inputs, jobs: { ...inputs.jobs, ...loaded.jobs } } : inputs;
}

export function runClusterCommand(args: ParsedArgs): number {
  // A regular file only, capped: a device or FIFO named here would never end a read.
  const read = readRegularFile(args.file, MAX_REFERENCED_FILE_BYTES);
  if (!read.ok) {
    throw new InputError([{ path: '(file)', message: read.code === 'missing' ? `cannot read ${args.file}: no such file` : `${args.file} ${read.reason}` }]);
  }
  const text = read.content.toString('utf8');
  const parsed = parseWorkerSteps(text);
  if (!parsed.ok) throw new InputError([{ path: '(file)', message: `${path.basename(args.file)} line ${parsed.line}: ${parsed.message}` }]);
  const fit = fitStragglers(parsed.rows, {
    timeScale: args.flags['time-scale'] as number | undefined,
    slowThreshold: args.flags['slow-threshold'] as number | undefined,
  });
  process.stdout.write(args.flags.json ? `${JSON.stringify(fit, null, 2)}\n` : `${formatFit(path.basename(args.file), fit)}\n`);
  return 0;
}

export function formatFit(name: string, fit: StragglerFit): string {
  const m = fit.measured, f = fit.fitted;
  const slow = m.slow_workers.length === 0
    ? 'none'
    : `${m.slow_workers.length} of ${fit.workers} (${m.slow_workers.join(', ')}), ${fmt(m.slow_worker_ratio ?? 1, 3)}× the others`;
  return [
    `${name}: ${fit.workers} workers, ${fit.steps} steps`,
    `measured sync slowdown   ${fmt(m.sync_slowdown)}  (mean per-step max ÷ mean per-step mean)`,
    `slow workers             ${slow}`,
    'fitted settings (cluster section of a scenario):',
    `  "step_time_s": ${JSON.stringify({ dist: 'lognormal', mean: round(f.step_time_s.mean), cv: round(f.step_time_s.cv) })}`,
    `  "stragglers": ${JSON.stringify({ slow_node_probability: round(f.stragglers.slow_node_probability), slowdown: round(f.stragglers.slowdown) })}`,
    `  pool: "units": ${f.pool.units}, "units_per_node": 1 (one worker per node, as in the data)`,
    `predicted sync slowdown  ${fmt(fit.predicted_sync_slowdown)}`,
  ].join('\n');
}

function round(x: number): number {
  return Number(x.toPrecision(6));
}
