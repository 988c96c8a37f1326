// Row shapes the repositories return. They mirror the contract (electron/common/contract.ts)
// structurally, so the backend can pass them on, but db/ owns them: it imports nothing from
// electron/. Timestamps are ISO-8601 strings; `sections` is the scenario's top-level sections.

/** Source of "now" for timestamps; injectable so tests get deterministic, ordered times. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export interface NewScenarioVersion {
  name: string;
  /** The scenario text exactly as the user wrote it. */
  json: string;
  sections: string[];
  /** Hex SHA-256 of `json` (64 lowercase hex digits), computed by the caller that validated it. */
  sha256: string;
}

export interface ScenarioSummaryRecord {
  id: string;
  name: string;
  /** Latest version number, 1-based. */
  version: number;
  sections: string[];
  createdAt: string;
  updatedAt: string;
}

/** A scenario with its latest version's text. */
export interface ScenarioRecord extends ScenarioSummaryRecord {
  json: string;
  versionId: string;
}

/** One immutable saved version of a scenario. */
export interface ScenarioVersionRecord {
  id: string;
  scenarioId: string;
  version: number;
  name: string;
  json: string;
  sections: string[];
  sha256: string;
  createdAt: string;
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'truncated';

/** The statuses a run can end in. */
export type FinishedRunStatus = Exclude<RunStatus, 'queued' | 'running'>;

export interface NewRun {
  scenarioVersionId: string;
  seed: number;
  replications: number;
  engineVersion: string;
}

export interface RunFinish {
  status: FinishedRunStatus;
  wallMs: number | null;
  events: number | null;
  /** The result document as JSON text, stored in the same transaction as the status. */
  resultJson: string | null;
  error: string | null;
}

export interface RunRecord {
  id: string;
  scenarioId: string;
  scenarioVersionId: string;
  scenarioVersion: number;
  /** The scenario's current name. */
  scenarioName: string;
  status: RunStatus;
  seed: number;
  replications: number;
  engineVersion: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  wallMs: number | null;
  events: number | null;
  error: string | null;
}
