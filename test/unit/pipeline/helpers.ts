// Builders for the pipeline tests: scenarios from a few tasks, single traced runs (direct and
// event-driven), and whole simulations merged as the backend merges them.
import { mergeReplications, runReplication, validateScenario, type ResultDocument, type Scenario } from '../../../simulation';
import type { ScenarioInput } from '../../../simulation/scenario/schema';
import { tracePipelineRuns, type RunTrace, type TaskRunRecord } from '../../../simulation/pipeline/trace';

export type TaskInput = NonNullable<ScenarioInput['pipeline']>['tasks'][number];

export function pipelineScenario(tasks: TaskInput[], edges: [string, string][] = [], top: Partial<ScenarioInput> = {}, extra: Record<string, unknown> = {}): Scenario {
  const parsed = validateScenario({
    format: 'headroom.scenario/v1',
    name: 'pipeline test',
    replications: 1,
    ...top,
    pipeline: { runs: 1, tasks, edges, ...extra },
  });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return parsed.scenario;
}

/** One run of the scenario, direct and event-driven; fails the test if they differ. */
export function traceOnce(s: Scenario, seed = 1): Map<string, TaskRunRecord> {
  const direct = tracePipelineRuns(s.pipeline!, { seed, runs: 1 });
  const events = tracePipelineRuns(s.pipeline!, { seed, runs: 1, eventDriven: { port: null, interval: 1 } });
  if (JSON.stringify(direct) !== JSON.stringify(events)) {
    throw new Error(`direct and event-driven runs differ:\n${JSON.stringify(direct)}\n${JSON.stringify(events)}`);
  }
  return new Map((direct[0] as RunTrace).tasks.map((t) => [t.id, t]));
}

export function simulateAll(s: Scenario): ResultDocument {
  const outcomes = Array.from({ length: s.replications }, (_, i) => runReplication(s, i));
  return mergeReplications(s, outcomes, { sha256: 'test', wallMs: 0 });
}
