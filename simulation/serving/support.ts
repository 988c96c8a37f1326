// What the engine needs from the host before a serving run: the data of every trace file
// (HostInputs.traces, read by the backend). The host checks this before a run, so a scenario
// whose trace was not loaded is refused with its JSON path instead of failing midway, and so
// is one whose memory estimate, with the trace and job-trace rows read, exceeds the limit, and
// one whose trace cannot give the replay it asks for (a block or windows longer than the trace).
import { resourceIssues } from '../scenario/resource-estimate';
import type { ValidationIssue } from '../scenario/rules';
import type { Scenario } from '../scenario/schema';
import type { HostInputs } from '../run/types';
import { traceReplayIssues } from './trace-replay';

export function servingSupportIssues(s: Scenario, inputs: HostInputs = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  s.serving?.services.forEach((svc, i) => {
    if (svc.arrivals.process === 'trace' && !inputs.traces?.[svc.id]) {
      issues.push({ path: `serving.services[${i}].arrivals.path`, message: 'the trace file was not loaded by the host' });
    }
  });
  if (issues.length === 0) issues.push(...traceReplayIssues(s, inputs), ...resourceIssues(s, inputs));
  return issues;
}

export function assertServingSupported(s: Scenario, inputs?: HostInputs): void {
  const issues = servingSupportIssues(s, inputs);
  if (issues.length > 0) throw new Error(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
}
