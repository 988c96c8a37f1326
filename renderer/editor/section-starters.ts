// What "Add pipeline / cluster / serving / readiness" writes: the smallest section that validates,
// for the user to edit in the form. Ids are made unique against what the scenario already has.
import type { Section } from '../../simulation';

export type FormSection = Section | 'readiness';

export const FORM_SECTIONS: readonly { id: FormSection; label: string }[] = [
  { id: 'pipeline', label: 'Pipeline' },
  { id: 'cluster', label: 'Cluster' },
  { id: 'serving', label: 'Serving' },
  { id: 'readiness', label: 'Readiness' },
];

export function sectionStarter(section: FormSection): unknown {
  switch (section) {
    case 'pipeline': return { runs: 1000, tasks: [{ id: 'task_1', duration_s: 60 }], edges: [] };
    case 'cluster': return { pools: [{ id: 'pool_1', units: 8 }] };
    case 'serving': return { services: [serviceStarter('service_1')] };
    case 'readiness': return [{ dimension: 'dimension_1', score: 0.8 }];
  }
}

export function serviceStarter(id: string): Record<string, unknown> {
  return {
    id,
    arrivals: { process: 'poisson', rate_rps: 10 },
    replicas: 1,
    service_time_ms: { dist: 'exponential', mean: 50 },
    latency_budget_ms: 200,
  };
}

/** `base` if no item has it, else `base_2`, `base_3`, …: the id a new item gets. */
export function uniqueId(base: string, taken: Iterable<unknown>): string {
  const used = new Set([...taken].filter((v): v is string => typeof v === 'string'));
  if (!used.has(base)) return base;
  const stem = base.replace(/_\d+$/, '');
  for (let n = 2; ; n++) if (!used.has(`${stem}_${n}`)) return `${stem}_${n}`;
}
