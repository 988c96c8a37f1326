// The scenario diff lives in the presentation layer, so the backend's runs list uses the same
// one; the history view keeps importing it from here.
export { diffScenarios, formatDiffValue } from '../../simulation/present';
export type { DiffEntry, DiffKind } from '../../simulation/present';
