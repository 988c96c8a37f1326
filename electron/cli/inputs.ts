// Input problems the CLI reports as `path: message` lines with exit code 2, and the trace
// files a scenario names, read under the scenario file's folder (backend/scenario-file-ref.ts).
import path from 'node:path';
import { formatIssues, type HostInputs, type Scenario, type ValidationIssue } from '../../simulation';
import { loadTraces, type TraceCache } from '../backend/traces/trace-loader';

export class InputError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(formatIssues(issues));
  }
}

export function tracesFor(scenario: Scenario, file: string, cache?: TraceCache): HostInputs {
  const traces = loadTraces(scenario, [path.dirname(path.resolve(file))], cache);
  if (!traces.ok) throw new InputError(traces.errors);
  return traces.inputs;
}
