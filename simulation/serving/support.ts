// What the engine needs from the host before a serving run: the data of every trace file
// (HostInputs.traces, read by the backend). The host checks this before a run, so a scenario
// whose trace was not loaded is refused with its JSON path instead of failing midway, and so
// is one whose memory estimate, with the trace and job-trace rows read, exceeds the limit, and
// one whose trace cannot give the replay it asks for (a block or windows longer than the trace),
// and an `llm` service whose token lengths name trace columns the host did not read.
import { resourceIssues } from '../scenario/resource-estimate';
import type { ValidationIssue } from '../scenario/rules';
import type { Scenario, ServiceSpec } from '../scenario/schema';
import type { HostInputs } from '../run/types';
import { isTraceColumn } from '../scenario/llm-schema';
import { traceReplayIssues } from './trace-replay';

export function servingSupportIssues(s: Scenario, inputs: HostInputs = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  s.serving?.services.forEach((svc, i) => {
    if (svc.arrivals.process === 'trace' && !inputs.traces?.[svc.id]) {
      issues.push({ path: `serving.services[${i}].arrivals.path`, message: 'the trace file was not loaded by the host' });
    }
    issues.push(...tokenColumnIssues(svc, i, inputs));
  });
  if (issues.length === 0) issues.push(...traceReplayIssues(s, inputs), ...resourceIssues(s, inputs));
  return issues;
}

export function assertServingSupported(s: Scenario, inputs?: HostInputs): void {
  const issues = servingSupportIssues(s, inputs);
  if (issues.length > 0) throw new Error(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
}

/** An `llm` service's token columns: loaded, one value per trace request. */
function tokenColumnIssues(svc: ServiceSpec, i: number, inputs: HostInputs): ValidationIssue[] {
  const llm = svc.llm;
  if (!llm) return [];
  const out: ValidationIssue[] = [];
  const rows = inputs.traces?.[svc.id]?.length;
  for (const [field, key] of [['prompt_tokens', 'prompt'], ['output_tokens', 'output']] as const) {
    if (!isTraceColumn(llm[field])) continue;
    const column = inputs.traceTokens?.[svc.id]?.[key];
    const path = `serving.services[${i}].llm.${field}.column`;
    if (!column) out.push({ path, message: 'the trace column was not loaded by the host' });
    else if (rows !== undefined && column.length !== rows) out.push({ path, message: `has ${column.length} values for the trace's ${rows} requests` });
  }
  return out;
}
