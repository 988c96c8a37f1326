// The shape of the one app store, made of four slices. Components select small pieces of it.
import type {
  ExampleScenario, ResultDocument, RunEvent, RunProgress, RunSummary, ScenarioRecord, ScenarioSummary, ValidationIssue,
} from '../../electron/common/contract';
import type { ParseResult } from '../../simulation/scenario/validate';
import type { Scenario } from '../../simulation/scenario/schema';
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
  deleteScenario(id: string): Promise<void>;
  dismissLibraryError(): void;
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
  setField(path: JsonPath, value: unknown): void;
  undo(): void;
  redo(): void;
  /** Saves a new version when dirty and valid; resolves to true when the text is saved. */
  saveScenario(): Promise<boolean>;
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
  loadRuns(scenarioId: string): Promise<void>;
  clearRuns(): void;
  selectRun(runId: string): Promise<void>;
  startRun(): Promise<void>;
  cancelRun(): Promise<void>;
  handleRunEvent(event: RunEvent): void;
}

export type Theme = 'light' | 'dark';

export interface UiSlice {
  theme: Theme;
  toggleTheme(): void;
}

export type AppState = LibrarySlice & EditorSlice & RunsSlice & UiSlice;
