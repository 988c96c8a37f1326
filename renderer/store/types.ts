// The shape of the one app store, made of four slices. Components select small pieces of it.
import type {
  AnalysisRecord, AnalysisRequest, AnalysisSummary, CompareDocument, PreviewOutcome,
  ExampleScenario, ImportProblem, ImportResult, LibraryStatus, ResultDocument, RunEvent, RunProgress, RunSummary, ScenarioRecord, ScenarioSummary,
  TrashedScenario, ValidationIssue, VersionRecord, VersionSummary,
} from '../../electron/common/contract';
import type { DiffEntry } from '../history/scenario-diff';
import type { ScenarioTemplate } from '../library/scenario-templates';
import type { ParseResult } from '../../simulation';
import type { Scenario } from '../../simulation';
import type { FieldEdit } from '../editor/text-edit';
import type { JsonPath } from '../editor/json-path';
import type { TextHistory } from '../editor/text-history';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface LibrarySlice {
  scenarios: ScenarioSummary[];
  examples: ExampleScenario[];
  libraryStatus: LoadStatus;
  libraryError: string | null;
  selectedScenarioId: string | null;
  /** Loads the library and examples, then reopens the scenario of the last session. */
  initLibrary(): Promise<void>;
  refreshScenarios(): Promise<void>;
  openScenario(id: string): Promise<void>;
  createFromExample(exampleId: string): Promise<void>;
  /** New Scenario: a small scenario of one layer that runs as it is (renderer/library/scenario-templates.ts); serving by default. */
  newScenario(template?: ScenarioTemplate['id']): Promise<void>;
  /** Moves to the trash and offers Undo in a toast. */
  deleteScenario(id: string): Promise<void>;
  dismissLibraryError(): void;
  /** What the search box holds; `searchHits` are its matches (null when it is empty). */
  searchQuery: string;
  searchHits: ScenarioSummary[] | null;
  setSearchQuery(query: string): void;
}

export interface OrganizeSlice {
  trash: TrashedScenario[];
  trashOpen: boolean;
  toggleTrash(): void;
  loadTrash(): Promise<void>;
  restoreFromTrash(id: string): Promise<void>;
  purgeScenario(id: string): Promise<void>;
  renameScenario(id: string, name: string): Promise<boolean>;
  duplicateScenario(id: string): Promise<void>;
  setTags(id: string, tags: string[]): Promise<void>;
  importScenarios(): Promise<void>;
  /** Shows what an import did (files opened from the system come here too) and opens the first scenario it added. */
  showImportResult(result: ImportResult): Promise<void>;
  exportScenario(id: string, withHistory: boolean): Promise<void>;
  importProblems: ImportProblem[];
  dismissImportProblems(): void;
}

export interface LibraryFileSlice {
  /** The library file's state (ok, read-only, unavailable) and its backups. */
  libraryFile: LibraryStatus | null;
  backupsOpen: boolean;
  libraryFileBusy: boolean;
  libraryFileError: string | null;
  /** A notice the user dismissed (it is not shown again this session). */
  noticeDismissed: string | null;
  loadLibraryFile(): Promise<void>;
  setBackupsOpen(open: boolean): void;
  dismissNotice(): void;
  backupNow(): Promise<void>;
  backupToFile(): Promise<void>;
  restoreBackup(name: string): Promise<void>;
  restoreFromFile(): Promise<void>;
}

export interface HistorySlice {
  historyOpen: boolean;
  versions: VersionSummary[];
  historyStatus: LoadStatus;
  historyError: string | null;
  /** The version shown read-only, if any. */
  viewed: VersionRecord | null;
  compareFrom: string | null;
  compareTo: string | null;
  diff: DiffEntry[] | null;
  setHistoryOpen(open: boolean): void;
  loadVersions(): Promise<void>;
  viewVersion(versionId: string | null): Promise<void>;
  setCompare(fromId: string, toId: string): Promise<void>;
  restoreVersion(versionId: string): Promise<void>;
}

export type SaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; version: number }
  | { state: 'error'; message: string; errors: ValidationIssue[] };

export type EditorView = 'form' | 'json';

export interface EditorSlice {
  editorScenarioId: string | null;
  editorVersion: number | null;
  /** Text of the latest saved version; the editor is dirty when `text` differs. */
  savedText: string;
  text: string;
  /** JSON.parse of `text`, or undefined on a syntax error (the form then stays read-only). */
  raw: unknown;
  parse: ParseResult | null;
  /** The last text that validated, so the analytic table survives a half-typed edit. */
  lastValid: Scenario | null;
  history: TextHistory;
  saveState: SaveState;
  editorView: EditorView;
  /** Unsaved, invalid text of scenarios the user switched away from. */
  drafts: Record<string, string>;
  loadIntoEditor(record: ScenarioRecord): void;
  clearEditor(): void;
  setText(text: string, key: string): void;
  /** Sets (or, with undefined, deletes) one field, changing only that value's text. */
  setField(path: JsonPath, value: unknown): void;
  /** Several edits as one undo step (e.g. a task renamed with its edges); `key` coalesces typing. */
  editFields(edits: readonly FieldEdit[], key?: string): void;
  undo(): void;
  redo(): void;
  /**
   * Saves a new version when dirty and valid; resolves to true when the text is saved. An
   * autosave (`auto`) of invalid text quietly waits for the problems to be fixed.
   */
  saveScenario(options?: { auto?: boolean }): Promise<boolean>;
  /** Adopts a version the backend saved for this scenario (rename, restore): text, version, undo step. */
  adoptSavedRecord(record: ScenarioRecord): void;
  setEditorView(view: EditorView): void;
}

export interface RunsSlice {
  runs: RunSummary[];
  runsStatus: LoadStatus;
  runsError: string | null;
  selectedRunId: string | null;
  /** The run started from this window; its progress bar stays up until the next one. */
  activeRunId: string | null;
  progress: Record<string, RunProgress>;
  results: Record<string, ResultDocument | null>;
  resultStatus: LoadStatus;
  resultError: string | null;
  runError: string | null;
  /** Wall-clock cap (s) of the runs this window starts, as typed; checked when a run starts. */
  wallCapText: string;
  setWallCapText(text: string): void;
  loadRuns(scenarioId: string): Promise<void>;
  clearRuns(): void;
  selectRun(runId: string): Promise<void>;
  startRun(): Promise<void>;
  cancelRun(): Promise<void>;
  /** Names a run (null or '' clears it); resolves false, with `runsError` saying why, when not saved. */
  setRunLabel(runId: string, label: string | null): Promise<boolean>;
  handleRunEvent(event: RunEvent): void;
}

export type Theme = 'light' | 'dark';

export interface Toast {
  id: number;
  message: string;
  /** e.g. Undo; the toast closes after it runs. */
  action?: { label: string; run: () => void | Promise<void> };
}

export type PanelId = 'sidebar' | 'editor';

/** The side panels' widths (CSS px) and whether each is collapsed; remembered across reloads. */
export interface PanelLayout {
  sidebarWidth: number;
  editorWidth: number;
  sidebarCollapsed: boolean;
  editorCollapsed: boolean;
}

export interface UiSlice {
  theme: Theme;
  toggleTheme(): void;
  toast: Toast | null;
  showToast(message: string, action?: Toast['action']): void;
  dismissToast(): void;
  /** Presentation view (workshop mode): results full width, large type, high-contrast palette. */
  presenting: boolean;
  setPresenting(on: boolean): void;
  panels: PanelLayout;
  /** Clamped to the panel's limits (ui-slice: PANEL_LIMITS). */
  setPanelWidth(panel: PanelId, width: number): void;
  togglePanel(panel: PanelId): void;
  /** The keyboard shortcut sheet (also opened from the desktop Help menu). */
  shortcutsOpen: boolean;
  openShortcuts(): void;
  closeShortcuts(): void;
  /** Help → Licences: Headroom's, the bundled data's attributions, and the third-party packages'. */
  licencesOpen: boolean;
  setLicencesOpen(open: boolean): void;
}

export interface WhatIfSlice {
  /** Compare: the run the selected one is compared with, and the comparison (A = selected, B = that run). */
  compareWith: string | null;
  comparison: CompareDocument | null;
  comparisonStatus: LoadStatus;
  comparisonError: string | null;
  compareRuns(runIdA: string, runIdB: string): Promise<void>;
  clearComparison(): void;

  /** Analyses kept with the open scenario (newest first), the one shown, and the one running. */
  analyses: AnalysisSummary[];
  openAnalysis: AnalysisRecord | null;
  analysisJob: { requestId: string; kind: AnalysisRequest['kind']; fraction: number; label: string } | null;
  analysisError: string | null;
  /** Problems with the last request, each naming its field. */
  analysisIssues: ValidationIssue[];
  loadAnalyses(): Promise<void>;
  /** Runs and keeps an analysis of the saved scenario; false when it failed or was cancelled. */
  startAnalysis(request: AnalysisRequest): Promise<boolean>;
  cancelAnalysis(): Promise<void>;
  showAnalysis(id: string): Promise<void>;
  closeAnalysis(): void;
  deleteAnalysis(id: string): Promise<void>;

  /** Live what-if: slider values by input path, and the reduced preview run of them. */
  sliderValues: Record<string, number>;
  preview: Extract<PreviewOutcome, { ok: true }> | null;
  previewStatus: LoadStatus;
  previewError: string | null;
  /** Milliseconds from asking to having the preview (the redraw follows). */
  previewMs: number | null;
  setSliderValue(path: string, value: number): void;
  resetSliders(): void;
  runPreview(): Promise<void>;

  handleAnalysisEvent(event: RunEvent): void;
}

/**
 * Playback of a run over simulated time (workshop mode): one cursor that every time chart of the
 * run draws, a play/pause state and a speed. The animation itself lives in the playback bar.
 */
export interface PlaybackSlice {
  /** Simulated seconds from the run's start where the cursor is; null: no cursor. */
  playbackT: number | null;
  playing: boolean;
  /** Simulated seconds per wall-clock second, 1–1000. */
  playbackSpeed: number;
  setPlaybackT(t: number | null): void;
  setPlaying(playing: boolean): void;
  setPlaybackSpeed(speed: number): void;
}

export type AppState = LibrarySlice & OrganizeSlice & LibraryFileSlice & HistorySlice & EditorSlice & RunsSlice & UiSlice & WhatIfSlice & PlaybackSlice;
