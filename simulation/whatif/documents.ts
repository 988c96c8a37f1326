// The documents the what-if tools produce, as the CLI prints them with --json and the app
// stores them (electron/backend/whatif). Extend, never rename: scripts depend on these.
import type { ResultDocument } from '../result/types';
import type { SolveResult } from '../serving/solve';
import type { PoolSolveResult } from './cluster-solve';
import type { Comparison } from './compare';
import type { InputChange } from './input-changes';
import type { SensitivityResult } from './sensitivity';

export const COMPARE_FORMAT = 'headroom.compare/v1';

export interface ComparedSide {
  name: string;
  sha256: string;
  seed: number;
  replications: number;
  /** The library's run and scenario version (app only). */
  runId?: string;
  scenarioVersion?: number;
}

export interface CompareDocument extends Comparison {
  format: typeof COMPARE_FORMAT;
  a: ComparedSide;
  b: ComparedSide;
  /** The inputs that differ, A → B. */
  inputs: InputChange[];
  truncated?: { reason: string };
}

export interface SweepPoint {
  /** The first parameter's value (the whole point for a one-parameter sweep). */
  value: number;
  /** Every parameter's value, in `parameters` order. */
  values: number[];
  result: ResultDocument;
}

export interface SweepDocument {
  /** The first parameter's path (`serving.services[0].replicas`). */
  parameter: string;
  parameters: string[];
  points: SweepPoint[];
}

/** What the app stores as an analysis: one of the tools' documents, tagged. */
export type AnalysisDocument =
  | { kind: 'sweep'; seed: number; replications: number; sweep: SweepDocument }
  | { kind: 'solve'; seed: number; replications: number; solve: ({ target: 'service'; reason?: string | null } & SolveResult) | ({ target: 'pool' } & PoolSolveResult) }
  | { kind: 'sensitivity'; seed: number; replications: number; sensitivity: SensitivityResult };
