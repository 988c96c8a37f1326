// List orders the renderer shows, independent of how the backend happens to return them.
import type { RunSummary, ScenarioSummary } from '../../electron/common/contract';

/** Most recently changed scenario first, as a planner's working set. */
export function recentScenariosFirst(list: readonly ScenarioSummary[]): ScenarioSummary[] {
  return [...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Newest run first. */
export function newestRunsFirst(list: readonly RunSummary[]): RunSummary[] {
  return [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
