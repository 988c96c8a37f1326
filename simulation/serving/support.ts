// Which serving features the engine simulates so far. The host checks these before a run, so a
// scenario that needs a missing model is refused with its JSON path instead of failing midway.
import type { ValidationIssue } from '../scenario/rules';
import type { Scenario } from '../scenario/schema';
import type { HostInputs } from '../run/types';

export function servingSupportIssues(s: Scenario, inputs: HostInputs = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  s.serving?.services.forEach((svc, i) => {
    const at = (field: string) => `serving.services[${i}].${field}`;
    const missing = (field: string) => issues.push({ path: at(field), message: `${field} is not simulated yet` });
    if (svc.batching) missing('batching');
    if (svc.autoscaling) missing('autoscaling');
    if (svc.replica_failures) missing('replica_failures');
    if (svc.timeout_ms !== undefined) missing('timeout_ms');
    if (svc.arrivals.process === 'trace' && !inputs.traces?.[svc.id]) {
      issues.push({ path: at('arrivals.path'), message: 'the trace file was not loaded by the host' });
    }
  });
  return issues;
}

export function assertServingSupported(s: Scenario, inputs?: HostInputs): void {
  const issues = servingSupportIssues(s, inputs);
  if (issues.length > 0) throw new Error(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
}
