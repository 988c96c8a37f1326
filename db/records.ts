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
  /** How this version came to be ('' for an ordinary edit): 'restored from v3', 'imported from a.json'… */
  note?: string;
  /** Extra text the search index should find the scenario by (description, ids inside it). */
  searchText?: string;
  /** Files the scenario names, already stored with `files.putFile`. */
  files?: VersionFileRef[];
}

/** A path field of a scenario version and the stored file it names. */
export interface VersionFileRef {
  /** Where in the scenario, e.g. `serving.services[0].arrivals.path`. */
  jsonPath: string;
  /** The path as written in the scenario. */
  fileName: string;
  sha256: string;
}

/** A version of an imported scenario, with its original time. */
export interface ImportedVersion extends NewScenarioVersion {
  /** ISO-8601 time the version was first saved (kept from the export). */
  createdAt: string;
}

export interface ScenarioSummaryRecord {
  id: string;
  name: string;
  /** Latest version number, 1-based. */
  version: number;
  sections: string[];
  /** Sorted case-insensitively. */
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

/** A scenario in the trash: restorable until it is deleted for good. */
export interface TrashedScenarioRecord extends ScenarioSummaryRecord {
  deletedAt: string;
}

/** A scenario with its latest version's text. */
export interface ScenarioRecord extends ScenarioSummaryRecord {
  json: string;
  versionId: string;
}

/** One immutable saved version of a scenario, without its text (for history lists). */
export interface ScenarioVersionSummaryRecord {
  id: string;
  scenarioId: string;
  version: number;
  name: string;
  sha256: string;
  note: string;
  /** Length of the JSON text in bytes. */
  size: number;
  createdAt: string;
}

/** One immutable saved version of a scenario. */
export interface ScenarioVersionRecord extends ScenarioVersionSummaryRecord {
  json: string;
  sections: string[];
  files: VersionFileRef[];
}

/** A file stored in the library, by the SHA-256 of its bytes. */
export interface StoredFileRecord {
  sha256: string;
  size: number;
  content: Buffer;
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

/** The runs list's line about a run's SLO verdict: its tone and its headline figure in words. */
export interface RunHeadlineRecord {
  tone: 'good' | 'warn' | 'bad';
  text: string;
}

export interface RunFinish {
  status: FinishedRunStatus;
  wallMs: number | null;
  events: number | null;
  /** The result document as JSON text, stored in the same transaction as the status. */
  resultJson: string | null;
  error: string | null;
  /** The result's headline (null: it has none), stored with the status; absent: not worked out. */
  headline?: RunHeadlineRecord | null;
}

/** A run computed elsewhere (`headroom run --json`, `headroom merge`), recorded finished with its result. */
export interface ImportedRun {
  scenarioVersionId: string;
  status: 'done' | 'truncated';
  seed: number;
  replications: number;
  engineVersion: string;
  wallMs: number | null;
  events: number | null;
  resultJson: string;
  label: string | null;
  headline: RunHeadlineRecord | null;
  /** SHA-256 (hex) of the imported document: the same document is recorded once. */
  importSha256: string;
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
  /** Replication outcomes committed so far (kept even when the run is interrupted). */
  replicationsStored: number;
  /** The user's name for the run (trimmed, 1 to MAX_RUN_LABEL_LENGTH characters), or null. */
  label: string | null;
  headline: RunHeadlineRecord | null;
  /** True while the headline has not been worked out (runs finished before it was stored). */
  headlinePending: boolean;
}
