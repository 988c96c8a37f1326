// The backend behind both shells: scenarios and runs over the library, simulations in worker
// threads. Plain Node, no Electron. Its methods get arguments already parsed with the method
// table's schemas (electron/common/api.ts: both shells call through callMethod), and every failure of
// the storage underneath (full disk, read-only file, a lock held elsewhere, damage) comes back
// as a message saying what was not done and what to do; nothing saved before is lost.
import fs from 'node:fs';
import path from 'node:path';
import { explainStorageError, LibraryStorageError, normalizeRunLabel, normalizeTags, type Library } from '../../db';
import { ENGINE_VERSION } from '../../simulation';
import type * as z from 'zod';
import type { ApiTable } from '../common/api';
import type { TraceRateResultSchema } from '../common/api-records';
import { BackupNameSchema, type CalibrationFileSchema, type CalibrationOptionsSchema, type CheckpointSweepOptionsSchema, type ExportOptionsSchema, type ImportFilesSchema, type RunOptionsSchema } from '../common/api-inputs';
import type { ImplOf } from '../common/api-types';
import { BadRequestError, parseNamed } from '../common/api-validate';
import type {
  AppInfo, BackupInfo, Licences, CalibrationResult, CheckpointSweepResult, ExampleScenario, ExportedFile, ImportResult, LibraryStatus,
  ResultDocument, RunEvent, RunReportKind, RunSummary, SaveResult, ScenarioRecord, ScenarioSummary, TrashedScenario, VersionRecord,
  VersionSummary,
} from '../common/contract';
import { writeFileAtomic } from './atomic-write';
import { readLicences } from './licences';
import { calibrateFile } from './tools/calibrate';
import { sweepSavedScenario } from './tools/cluster-tools';
import { WhatIfHost } from './whatif/app-whatif';
import type { AnalysisRequestSchema, PreviewOptionsSchema } from '../common/api-whatif';
import type { AnalysisOutcome, AnalysisRecord, AnalysisSummary, CompareDocument, PreviewOutcome } from '../common/contract';
import { exportScenarios, importFiles, importPaths, writeExport } from './transfer/import-export';
import { LibraryHost } from './library/library-host';
import { appPaths } from './paths';
import { RunManager } from './runs/run-manager';
import { runSummaries, runSummary } from './runs/run-summaries';
import { renderRunReport } from './report/run-report';
import { renderAnalysisReport } from './report/analysis-report';
import { commitVersion, prepareVersion, type PrepareOptions } from './library/scenario-save';
import { loadScenarioText } from './traces/scenario-source';
import { fileCacheDir, withStoredFiles } from './library/version-files';
import { savedTraceRate, type TraceRateCache } from './traces/saved-trace-rate';
import {
  toScenarioRecord, toScenarioSummary, toTrashedScenario, toVersionRecord, toVersionSummary,
} from './library/to-contract';
import type { AppLibraryOptions } from './library/open-app-library';

/** The backend's methods of the table, with parsed arguments, and the run events. */
export type BackendApi = ImplOf<ApiTable, 'backend'> & {
  subscribe(listener: (e: RunEvent) => void): () => void;
};

type Parsed<T extends z.ZodType> = z.output<T>;
type TraceRateResult = z.input<typeof TraceRateResultSchema>;

export interface BackendOptions {
  /** The open library, or null when it could not be opened (then `libraryMessage` says why). */
  library: Library | null;
  dataDir: string;
  shell: AppInfo['shell'];
  threads?: number;
  /** Why the library is unavailable or read-only, or a notice from opening it. */
  libraryMessage?: string | null;
  /** Options for reopening the library (tests shorten the busy timeout). */
  openOptions?: AppLibraryOptions;
  /** Wall-clock cap on one checkpoint sweep, in ms (default 120 s). */
  sweepMaxWallMs?: number;
  /** Wall-clock cap on one what-if analysis, in ms (default 600 s). */
  analysisMaxWallMs?: number;
}

export class Backend implements BackendApi {
  private readonly host: LibraryHost;
  private runManager: RunManager | null = null;
  private readonly listeners = new Set<(e: RunEvent) => void>();
  /** Checkpoint sweeps in progress, by request id (anonymous ones get a private id). */
  private readonly sweeps = new Map<string, AbortController>();
  /** The form's trace previews, by stored file, time column and scale. */
  private readonly traceRates: TraceRateCache = new Map();

  private readonly whatIf: WhatIfHost;

  constructor(private readonly options: BackendOptions) {
    this.host = new LibraryHost(options.dataDir, options.library, options.libraryMessage ?? null, options.openOptions ?? {});
    this.whatIf = new WhatIfHost({
      lib: () => this.lib,
      dataDir: options.dataDir,
      threads: options.threads,
      maxWallMs: options.analysisMaxWallMs,
      emit: (e) => this.emit(e),
    });
  }

  private get lib(): Library {
    return this.host.library();
  }

  private get runs(): RunManager {
    if (!this.runManager) {
      this.runManager = new RunManager(this.lib, { threads: this.options.threads });
      this.runManager.subscribe((e) => this.emit(e));
    }
    return this.runManager;
  }

  /** Runs `fn` against the library, turning storage failures into messages that say what to do. */
  private guard<T>(action: string, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      const explained = explainStorageError(error, action);
      if (explained instanceof LibraryStorageError) this.host.noteProblem(explained);
      throw explained;
    }
  }

  /** The library, if it may be written. */
  private writable(action: string): Library {
    const lib = this.lib;
    if (lib.readonly) throw new LibraryStorageError('read-only', `Could not ${action}: ${this.host.message() ?? 'the library is open read-only'}`);
    return lib;
  }

  /** First start: an empty library gets the bundled examples, so there is something to open. */
  seedExamplesIfEmpty(): void {
    const lib = this.host.current();
    if (!lib || lib.readonly || lib.scenarios.countAll() > 0) return;
    for (const ex of this.readExamples()) void this.createScenario(ex.json);
  }

  subscribe(listener: (e: RunEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: RunEvent): void {
    for (const listener of this.listeners) listener(e);
  }

  async info(): Promise<AppInfo> {
    return { version: __HEADROOM_VERSION__, engineVersion: ENGINE_VERSION, dataDir: this.options.dataDir, shell: this.options.shell };
  }

  async licences(): Promise<Licences> {
    return readLicences();
  }

  async listScenarios(): Promise<ScenarioSummary[]> {
    return this.guard('list the library', () => this.lib.scenarios.listScenarios().map(toScenarioSummary));
  }

  async searchScenarios(q: string): Promise<ScenarioSummary[]> {
    return this.guard('search the library', () => this.lib.scenarios.searchScenarios(q).map(toScenarioSummary));
  }

  async getScenario(sid: string): Promise<ScenarioRecord> {
    return this.guard('open the scenario', () => toScenarioRecord(this.mustScenario(sid)));
  }

  async createScenario(text: string): Promise<SaveResult> {
    return this.save('save the scenario', text, {}, (lib, input) => lib.scenarios.createScenario(input));
  }

  async updateScenario(sid: string, text: string): Promise<SaveResult> {
    const previous = this.guard('save the scenario', () => this.mustScenario(sid));
    return this.save('save the scenario', text, { previousVersionId: previous.versionId }, (lib, input) => lib.scenarios.addVersion(sid, input));
  }

  async renameScenario(sid: string, newName: string): Promise<SaveResult> {
    const current = this.guard('rename the scenario', () => this.mustScenario(sid));
    if (current.name === newName) return { ok: true, scenario: toScenarioRecord(current) };
    const raw = JSON.parse(current.json) as Record<string, unknown>;
    raw.name = newName;
    const text = `${JSON.stringify(raw, null, 2)}\n`;
    return this.save('rename the scenario', text, { previousVersionId: current.versionId, note: `renamed from “${current.name}”` }, (lib, input) =>
      lib.scenarios.addVersion(sid, input),
    );
  }

  async duplicateScenario(sid: string): Promise<SaveResult> {
    const current = this.guard('duplicate the scenario', () => this.mustScenario(sid));
    const raw = JSON.parse(current.json) as Record<string, unknown>;
    raw.name = `${current.name.slice(0, 193)} (copy)`;
    const text = `${JSON.stringify(raw, null, 2)}\n`;
    return this.save('duplicate the scenario', text, { previousVersionId: current.versionId, note: `duplicated from “${current.name}” v${current.version}` }, (lib, input) =>
      lib.scenarios.createScenario(input, current.tags),
    );
  }

  async restoreVersion(sid: string, vid: string): Promise<SaveResult> {
    const old = this.guard('restore the version', () => this.lib.scenarios.getVersion(vid));
    if (!old || old.scenarioId !== sid) throw new BadRequestError(`versionId: not a version of scenario ${sid}`);
    return this.save('restore the version', old.json, { previousVersionId: old.id, note: `restored from v${old.version}` }, (lib, input) =>
      lib.scenarios.addVersion(sid, input),
    );
  }

  /** Validates, finds the named files, and stores them with the new version in one transaction. */
  private save(
    action: string,
    text: string,
    options: PrepareOptions,
    store: (lib: Library, input: Extract<ReturnType<typeof prepareVersion>, { ok: true }>['input']) => Parameters<typeof toScenarioRecord>[0],
  ): SaveResult {
    return this.guard(action, () => {
      const lib = this.writable(action);
      // Relative names resolve as for runs: the bundled examples' folder ships their data files.
      const prepared = prepareVersion(lib, text, { baseDirs: [appPaths().examplesDir], ...options });
      if (!prepared.ok) return { ok: false, errors: prepared.errors };
      return { ok: true, scenario: toScenarioRecord(commitVersion(lib, prepared, () => store(lib, prepared.input))) };
    });
  }

  async setTags(sid: string, tags: string[]): Promise<ScenarioSummary> {
    let normalized: string[];
    try {
      normalized = normalizeTags(tags);
    } catch (error) {
      throw new BadRequestError(`tags: ${(error as Error).message}`);
    }
    return this.guard('change the tags', () => toScenarioSummary(this.writable('change the tags').scenarios.setTags(sid, normalized)));
  }

  async deleteScenario(sid: string): Promise<void> {
    this.guard('move the scenario to the trash', () => this.writable('move the scenario to the trash').scenarios.deleteScenario(sid));
  }

  async listTrash(): Promise<TrashedScenario[]> {
    return this.guard('list the trash', () => this.lib.scenarios.listTrash().map(toTrashedScenario));
  }

  async restoreFromTrash(sid: string): Promise<ScenarioSummary> {
    return this.guard('restore the scenario', () => {
      const lib = this.writable('restore the scenario');
      lib.scenarios.restoreScenario(sid);
      return toScenarioSummary(this.mustScenario(sid));
    });
  }

  async purgeScenario(sid: string): Promise<void> {
    this.guard('delete the scenario for good', () => {
      if (this.runManager?.hasWork()) throw new Error('Could not delete the scenario for good while a run is in progress; wait for it or cancel it');
      if (!this.writable('delete the scenario for good').scenarios.purgeScenario(sid)) throw new BadRequestError(`id: scenario ${sid} is not in the trash`);
    });
  }

  async listVersions(sid: string): Promise<VersionSummary[]> {
    return this.guard('list the versions', () => this.lib.scenarios.listVersions(sid).map(toVersionSummary));
  }

  async getVersion(vid: string): Promise<VersionRecord> {
    return this.guard('open the version', () => {
      const v = this.lib.scenarios.getVersion(vid);
      if (!v) throw new Error(`no version with id ${vid}`);
      return toVersionRecord(v);
    });
  }

  async exportScenarios(ids: string[], options?: Parsed<typeof ExportOptionsSchema> | null): Promise<ExportedFile> {
    return this.guard('export', () => exportScenarios(this.lib, ids, options ?? {}, __HEADROOM_VERSION__, new Date()));
  }

  async importScenarios(files: Parsed<typeof ImportFilesSchema>): Promise<ImportResult> {
    return this.guard('import', () => importFiles(this.writable('import'), files));
  }

  /** Desktop: writes an export where the user chose (never called by the renderer directly). */
  exportToPath(ids: string[], options: { history?: boolean }, target: string): string {
    const exported = this.guard('export', () => exportScenarios(this.lib, ids, options, __HEADROOM_VERSION__, new Date()));
    return writeExport(exported, target);
  }

  /** Desktop: imports files the user chose in a dialog. */
  importFromPaths(paths: string[]): ImportResult {
    return this.guard('import', () => importPaths(this.writable('import'), paths));
  }

  async libraryStatus(): Promise<LibraryStatus> {
    return this.host.status();
  }

  async backupLibrary(): Promise<BackupInfo> {
    return this.guard('back up the library', () => this.host.backupToFolder());
  }

  /** Desktop: a verified copy of the library at a path the user chose. */
  backupToPath(target: string): string {
    this.guard('back up the library', () => this.lib.backupTo(target));
    return target;
  }

  /** The path of a backup in the backups folder (the browser preview's download endpoint). */
  backupFilePath(name: unknown): string {
    return this.host.backupFile(parseNamed(BackupNameSchema, name, 'name'));
  }

  async restoreLibraryBackup(name: string): Promise<LibraryStatus> {
    const file = this.host.backupFile(name);
    return this.restoreFromPath(file);
  }

  /** Replaces the library with a validated backup file (desktop dialog, browser upload, or the backups folder). */
  async restoreFromPath(file: string): Promise<LibraryStatus> {
    if (this.runManager?.hasWork()) throw new Error('Could not restore the library while a run is in progress; wait for it or cancel it');
    return this.guard('restore the library', () => this.host.restoreFrom(file));
  }

  async listExamples(): Promise<ExampleScenario[]> {
    return this.readExamples();
  }

  async startRun(sid: string, options?: Parsed<typeof RunOptionsSchema> | null): Promise<RunSummary> {
    const opts = options ?? {};
    return this.guard('start the run', () => {
      this.writable('start the run');
      const rec = this.mustScenario(sid);
      const loaded = loadScenarioText(rec.json);
      if (!loaded.ok) throw new Error(`the saved scenario is invalid: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
      const withFiles = withStoredFiles(this.lib, rec.versionId, loaded, fileCacheDir(this.options.dataDir));
      return runSummary(this.lib, this.runs.start(rec.versionId, withFiles, opts));
    });
  }

  async cancelRun(rid: string): Promise<void> {
    this.guard('cancel the run', () => this.runs.cancel(rid));
  }

  async listRuns(sid: string): Promise<RunSummary[]> {
    return this.guard('list the runs', () => runSummaries(this.lib, this.lib.runs.listRuns(sid)));
  }

  async traceRate(sid: string, serviceIndex: number): Promise<TraceRateResult> {
    return this.guard('read the trace', () => {
      const rec = this.mustScenario(sid);
      return savedTraceRate(this.lib, rec.versionId, serviceIndex, fileCacheDir(this.options.dataDir), this.traceRates);
    });
  }

  async getRunResult(rid: string): Promise<ResultDocument | null> {
    const text = this.guard('read the result', () => this.lib.runs.getRunResult(rid));
    return text === null ? null : (JSON.parse(text) as ResultDocument);
  }

  async setRunLabel(rid: string, label: string | null): Promise<RunSummary> {
    let text: string | null;
    try {
      text = normalizeRunLabel(label);
    } catch (error) {
      throw new BadRequestError((error as Error).message); // names the field: "label: …"
    }
    return this.guard('label the run', () => {
      const lib = this.writable('label the run');
      if (!lib.runs.getRun(rid)) throw new BadRequestError(`runId: no run with id ${rid}`);
      return runSummary(lib, lib.runs.setLabel(rid, text));
    });
  }

  async renderRunReport(rid: string, k: RunReportKind, locale?: string | null): Promise<ExportedFile> {
    return this.guard('export the report', () => renderRunReport(this.lib, rid, k, locale));
  }

  /** Desktop: writes a report (its text, or the PDF the shell printed) where the user chose, atomically. */
  writeReportFile(target: string, data: string | Buffer): string {
    try {
      writeFileAtomic(target, data);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new Error(`Could not save the report to ${target}: ${err.code ?? err.message}`);
    }
    return target;
  }

  async calibrateStragglers(file: Parsed<typeof CalibrationFileSchema>, options?: Parsed<typeof CalibrationOptionsSchema> | null): Promise<CalibrationResult> {
    return calibrateFile(file, options ?? {});
  }

  async checkpointSweep(sid: string, options?: Parsed<typeof CheckpointSweepOptionsSchema> | null): Promise<CheckpointSweepResult> {
    const opts = options ?? {};
    const saved = this.guard('open the scenario', () => {
      const rec = this.mustScenario(sid);
      const loaded = loadScenarioText(rec.json);
      return { scenarioId: sid, version: rec.version, loaded: loaded.ok ? withStoredFiles(this.lib, rec.versionId, loaded, fileCacheDir(this.options.dataDir)) : loaded };
    });
    return sweepSavedScenario(saved, opts, { sweeps: this.sweeps, threads: this.options.threads, maxWallMs: this.options.sweepMaxWallMs });
  }

  async cancelCheckpointSweep(requestId: string): Promise<void> {
    this.sweeps.get(requestId)?.abort();
  }

  async compareRuns(a: string, b: string): Promise<CompareDocument> {
    return this.guard('compare the runs', () => this.whatIf.compareRuns(a, b));
  }

  async runAnalysis(sid: string, request: Parsed<typeof AnalysisRequestSchema>): Promise<AnalysisOutcome> {
    this.guard('run the analysis', () => this.writable('keep the analysis'));
    return this.whatIf.runAnalysis(sid, request);
  }

  async cancelAnalysis(requestId: string): Promise<void> {
    this.whatIf.cancel(requestId);
  }

  async listAnalyses(sid: string): Promise<AnalysisSummary[]> {
    return this.guard('list the analyses', () => this.whatIf.listAnalyses(sid));
  }

  async getAnalysis(id: string): Promise<AnalysisRecord> {
    return this.guard('read the analysis', () => this.whatIf.getAnalysis(id));
  }

  async renderAnalysisReport(id: string, k: RunReportKind, locale?: string | null): Promise<ExportedFile> {
    return this.guard('export the analysis report', () => renderAnalysisReport(this.lib, id, k, locale));
  }

  async deleteAnalysis(id: string): Promise<void> {
    this.guard('delete the analysis', () => {
      this.writable('delete the analysis');
      this.whatIf.deleteAnalysis(id);
    });
  }

  async previewRun(sid: string, options: Parsed<typeof PreviewOptionsSchema>): Promise<PreviewOutcome> {
    return this.whatIf.preview(sid, options);
  }

  /** Cancels active runs and sweeps, and waits for the runs to be recorded. */
  async shutdown(): Promise<void> {
    for (const sweep of this.sweeps.values()) sweep.abort();
    this.whatIf.shutdown();
    await this.runManager?.shutdown();
  }

  /** Closes the library (after shutdown): marks a clean shutdown and releases the lock. */
  close(): void {
    this.host.close();
  }

  private mustScenario(id: string) {
    const rec = this.lib.scenarios.getScenario(id);
    if (!rec) throw new Error(`no scenario with id ${id}`);
    return rec;
  }

  private readExamples(): ExampleScenario[] {
    const dir = appPaths().examplesDir;
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => {
        const json = fs.readFileSync(path.join(dir, f), 'utf8');
        const meta = JSON.parse(json) as { name?: string; description?: string };
        return { id: f.replace(/\.json$/, ''), name: meta.name ?? f, description: meta.description ?? '', json };
      });
  }
}
