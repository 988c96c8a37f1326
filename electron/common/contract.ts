// The one typed contract between the renderer and the backend. The Electron preload implements
// it over IPC, the browser preview's client over HTTP + server-sent events; both shells forward
// to the same backend (electron/backend). Types only: no runtime imports from other layers.
import type { ResultDocument } from '../../simulation/result/types';
import type { ValidationIssue } from '../../simulation/scenario/rules';

export type { ResultDocument, ValidationIssue };

export type SectionName = 'pipeline' | 'cluster' | 'serving';

export interface ScenarioSummary {
  id: string;
  name: string;
  /** Latest version number (1-based); every save creates a new immutable version. */
  version: number;
  sections: SectionName[];
  createdAt: string;
  updatedAt: string;
}

export interface ScenarioRecord extends ScenarioSummary {
  /** The scenario JSON text of the latest version, as the user wrote it. */
  json: string;
  versionId: string;
}

export type SaveResult = { ok: true; scenario: ScenarioRecord } | { ok: false; errors: ValidationIssue[] };

export interface ExampleScenario {
  id: string;
  name: string;
  description: string;
  json: string;
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'truncated';

export interface RunSummary {
  id: string;
  scenarioId: string;
  scenarioVersionId: string;
  scenarioVersion: number;
  scenarioName: string;
  status: RunStatus;
  seed: number;
  replications: number;
  engineVersion: string;
  createdAt: string;
  finishedAt: string | null;
  wallMs: number | null;
  error: string | null;
}

export interface RunOptions {
  seed?: number;
  replications?: number;
}

export interface RunProgress {
  runId: string;
  /** 0..1 over all replications. */
  fraction: number;
  replicationsDone: number;
  replications: number;
  eventsPerSec: number;
  etaMs: number | null;
}

export type RunEvent =
  | { type: 'progress'; progress: RunProgress }
  | { type: 'status'; run: RunSummary };

export interface AppInfo {
  version: string;
  engineVersion: string;
  dataDir: string;
  shell: 'electron' | 'web';
}

/** What `window.headroom` offers the renderer. Every method validates its payload in the backend. */
export interface HeadroomApi {
  info(): Promise<AppInfo>;
  listScenarios(): Promise<ScenarioSummary[]>;
  getScenario(id: string): Promise<ScenarioRecord>;
  createScenario(json: string): Promise<SaveResult>;
  updateScenario(id: string, json: string): Promise<SaveResult>;
  deleteScenario(id: string): Promise<void>;
  listExamples(): Promise<ExampleScenario[]>;
  startRun(scenarioId: string, options?: RunOptions): Promise<RunSummary>;
  cancelRun(runId: string): Promise<void>;
  listRuns(scenarioId: string): Promise<RunSummary[]>;
  getRunResult(runId: string): Promise<ResultDocument | null>;
  /** Subscribe to progress and status changes of all runs; returns the unsubscribe function. */
  onRunEvent(listener: (event: RunEvent) => void): () => void;
}

/** Method names, shared by the IPC and HTTP adapters (they reject anything else). */
export const API_METHODS = [
  'info', 'listScenarios', 'getScenario', 'createScenario', 'updateScenario', 'deleteScenario',
  'listExamples', 'startRun', 'cancelRun', 'listRuns', 'getRunResult',
] as const satisfies readonly Exclude<keyof HeadroomApi, 'onRunEvent'>[];

export type ApiMethod = (typeof API_METHODS)[number];

export const IPC_INVOKE_CHANNEL = 'headroom:invoke';
export const IPC_RUN_EVENT_CHANNEL = 'headroom:run-event';
