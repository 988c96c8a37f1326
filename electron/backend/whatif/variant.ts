// A scenario ready to simulate for a what-if tool: the raw JSON with values set at paths and
// flags applied, validated like a file, its traces read from the folders its file names resolve
// under (the scenario file's folder on the command line; the library's copies in the app).
// Every what-if tool of the CLI and of the app prepares its scenarios here.
import { servingSupportIssues, type HostInputs, type Scenario, type ValidationIssue } from '../../../simulation';
import { loadJobTraces } from '../traces/job-trace-loader';
import { applyOverrides, sha256OfScenario, type Overrides } from '../traces/scenario-source';
import { loadTraces, type TraceCache } from '../traces/trace-loader';
import { setAtPath } from '../tools/sweep';

export interface Variant {
  raw: Record<string, unknown>;
  scenario: Scenario;
  inputs: HostInputs;
  sha256: string;
}

export type VariantResult = { ok: true; variant: Variant } | { ok: false; errors: ValidationIssue[] };

export interface SetValue {
  segments: readonly (string | number)[];
  value: number;
}

export interface VariantSource {
  raw: Record<string, unknown>;
  /** Folders the scenario's file names resolve under. */
  dirs: readonly string[];
  cache?: TraceCache;
  /**
   * The inputs, already read: used instead of reading the files, and not checked again (a merge
   * of shards rebuilds the scenarios from the parts, which carry what it needs of the files).
   */
  inputs?: HostInputs;
}

/** The scenario with `sets` applied (SweepUsageError for a path that does not exist), then `overrides`. */
export function prepareVariant(src: VariantSource, sets: readonly SetValue[] = [], overrides: Overrides = {}): VariantResult {
  let raw = src.raw;
  for (const s of sets) raw = setAtPath(raw, s.segments, s.value);
  const patched = applyOverrides(raw, overrides);
  if (!patched.ok) return { ok: false, errors: patched.errors };
  const scenario = patched.scenario;
  if (src.inputs) return { ok: true, variant: { raw, scenario, inputs: src.inputs, sha256: sha256OfScenario(raw) } };
  const traces = loadTraces(scenario, src.dirs, src.cache);
  if (!traces.ok) return { ok: false, errors: traces.errors };
  const jobs = loadJobTraces(scenario, src.dirs);
  if (!jobs.ok) return { ok: false, errors: jobs.errors };
  const inputs: HostInputs = Object.keys(jobs.jobs).length > 0 ? { ...traces.inputs, jobs: jobs.jobs } : traces.inputs;
  const unsupported = servingSupportIssues(scenario, inputs);
  if (unsupported.length > 0) return { ok: false, errors: unsupported };
  return { ok: true, variant: { raw, scenario, inputs, sha256: sha256OfScenario(raw) } };
}
