// An in-memory backend behind the contract, for testing the store without SQLite or workers.
// It mirrors electron/backend/backend.ts where the store relies on it: every save is a new
// immutable version (even of an unchanged text), rename and restore save a version, duplicate
// makes "… (copy)" with the tags, delete moves to the trash, listings are newest first. Runs do
// not simulate: the test moves them (`progressRun`, `finishRun`) and they report through
// `onRunEvent` as the run manager does (the queued status event before startRun answers).
//
// Calls go through the shells' own gate (`callMethod` with the method table): arguments are
// parsed and every result and event is checked against the contract's schemas, then copied, as
// a transport would. So the fake cannot drift from the contract without a test failing.
import { API, API_EVENTS } from '../../../../electron/common/api';
import type { ImplOf } from '../../../../electron/common/api-types';
import { bindHandlers, callMethod, checkEvent } from '../../../../electron/common/api-validate';
import type {
  ExampleScenario, HeadroomApi, LibraryStatus, ResultDocument, RunEvent, RunStatus, RunSummary, ScenarioRecord, ScenarioSummary,
  VersionRecord, VersionSummary,
} from '../../../../electron/common/contract';
import { normalizeTags } from '../../../../db/scenario-search';
import { parseScenarioText } from '../../../../simulation/scenario/validate';
import { runChanges, scenarioChangeItems } from '../../../../simulation/present';

type Impl = ImplOf<typeof API, 'backend'> & ImplOf<typeof API, 'dialog'>;
type Method = keyof typeof API;

interface StoredVersion {
  id: string;
  version: number;
  name: string;
  json: string;
  sections: ScenarioSummary['sections'];
  note: string;
  createdAt: string;
}

interface StoredScenario {
  id: string;
  order: number;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  versions: StoredVersion[];
}

const SECTIONS = ['pipeline', 'cluster', 'serving'] as const;

export class FakeBackend implements Impl {
  readonly scenarios = new Map<string, StoredScenario>();
  readonly runs = new Map<string, RunSummary>();
  readonly results = new Map<string, ResultDocument>();
  /** Every method called through `api`, in order. */
  readonly calls: Method[] = [];
  /** The library file's state, as `libraryStatus` answers it. */
  status: LibraryStatus = { state: 'ok', message: null, file: '/fake/library.sqlite', schemaVersion: 1, backups: [] };
  /** What the next `openImport` dialog answers. */
  importAnswer: Awaited<ReturnType<Impl['openImport']>> = null;
  private readonly failures = new Map<Method, string>();
  private readonly listeners = new Set<(e: RunEvent) => void>();
  private seq = 0;
  private tick = 0;

  /** The contract the store is given. */
  readonly api: HeadroomApi;

  constructor(private readonly examples: ExampleScenario[] = []) {
    this.api = this.gate();
  }

  private gate(): HeadroomApi {
    const handlers = { ...bindHandlers(API, 'backend', this), ...bindHandlers(API, 'dialog', this) };
    const api: Record<string, unknown> = {};
    for (const method of Object.keys(API) as Method[]) {
      api[method] = async (...args: unknown[]) => {
        this.calls.push(method);
        const failure = this.failures.get(method);
        if (failure !== undefined) {
          this.failures.delete(method);
          throw new Error(failure);
        }
        return structuredClone(await callMethod(API, handlers, method, args, { checkResults: true }));
      };
    }
    const onRunEvent: HeadroomApi['onRunEvent'] = (listener) => {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    };
    return { ...api, onRunEvent } as HeadroomApi;
  }

  /** The next call of `method` throws `message` (a lost connection, a full disk). */
  failNext(method: Method, message: string): void {
    this.failures.set(method, message);
  }

  /** The live scenarios' ids, most recently updated first (as `listScenarios`). */
  liveIds(): string[] {
    return this.live().map((s) => s.id);
  }

  versionCount(id: string): number {
    return this.scenarios.get(id)?.versions.length ?? 0;
  }

  /** Marks a queued run running (with its status event), then reports progress. */
  progressRun(runId: string, fraction: number): void {
    const run = this.mustRun(runId);
    if (run.status === 'queued') this.setRun(run, { status: 'running' });
    const replications = run.replications;
    const done = Math.floor(fraction * replications);
    this.emit({ type: 'progress', progress: { runId, fraction, replicationsDone: done, replications, eventsPerSec: 1e6, etaMs: (1 - fraction) * 1000 } });
  }

  /** Ends a run as the run manager does: a result for done/truncated, an error for failed. */
  finishRun(runId: string, status: Extract<RunStatus, 'done' | 'truncated' | 'failed'>, error = 'worker crashed'): void {
    const run = this.mustRun(runId);
    if (run.status === 'queued') this.setRun(run, { status: 'running' });
    if (status !== 'failed') this.results.set(runId, fakeResult(run, status === 'truncated'));
    this.setRun(run, {
      status,
      finishedAt: this.now(),
      wallMs: status === 'failed' ? null : 12,
      error: status === 'failed' ? error : null,
      replicationsStored: status === 'failed' ? 0 : run.replications,
      headline: status === 'failed' ? null : { tone: status === 'done' ? 'good' : 'warn', text: `fake verdict of ${run.id}` },
    });
  }

  // The contract's methods.

  async info() {
    return { version: '0.0.0-test', engineVersion: 'test', dataDir: '/fake', shell: 'web' as const };
  }

  async licences() {
    return {
      headroom: { licence: 'MIT', text: 'MIT License' },
      data: { attribution: '# Attribution', licences: [{ file: 'data/LICENSE-CC-BY-4.0.txt', text: 'Attribution 4.0 International' }] },
      thirdParty: [{ name: 'react', version: '19.0.0', licence: 'MIT', homepage: null, repository: null, licenceText: 'MIT License' }],
    };
  }

  async listScenarios() {
    return this.live().map(summary);
  }

  async searchScenarios(query: string) {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return this.live()
      .filter((s) => {
        const v = latest(s);
        const haystack = [v.name, ...s.tags, v.json].join(' ').toLowerCase().split(/[^\p{L}\p{N}_]+/u);
        return words.every((w) => haystack.some((h) => h.startsWith(w)));
      })
      .map(summary);
  }

  async getScenario(id: string) {
    return record(this.mustLive(id));
  }

  async createScenario(json: string) {
    return this.save(json, '', (v) => this.insert(v, []));
  }

  async updateScenario(id: string, json: string) {
    const s = this.mustLive(id);
    return this.save(json, '', (v) => this.append(s, v));
  }

  async renameScenario(id: string, name: string) {
    const s = this.mustLive(id);
    const current = latest(s);
    if (current.name === name) return { ok: true as const, scenario: record(s) };
    const raw = JSON.parse(current.json) as Record<string, unknown>;
    raw.name = name;
    return this.save(`${JSON.stringify(raw, null, 2)}\n`, `renamed from “${current.name}”`, (v) => this.append(s, v));
  }

  async duplicateScenario(id: string) {
    const s = this.mustLive(id);
    const current = latest(s);
    const raw = JSON.parse(current.json) as Record<string, unknown>;
    raw.name = `${current.name.slice(0, 193)} (copy)`;
    const note = `duplicated from “${current.name}” v${current.version}`;
    return this.save(`${JSON.stringify(raw, null, 2)}\n`, note, (v) => this.insert(v, s.tags));
  }

  async restoreVersion(id: string, versionId: string) {
    const s = this.scenarios.get(id);
    const old = s?.versions.find((v) => v.id === versionId);
    if (!s || !old) throw new Error(`versionId: not a version of scenario ${id}`);
    return this.save(old.json, `restored from v${old.version}`, (v) => this.append(this.mustLive(id), v));
  }

  async setTags(id: string, tags: string[]) {
    const s = this.mustLive(id);
    s.tags = normalizeTags(tags);
    s.updatedAt = this.now();
    return summary(s);
  }

  async deleteScenario(id: string) {
    const s = this.scenarios.get(id);
    if (s && s.deletedAt === null) s.deletedAt = this.now();
  }

  async listTrash() {
    return [...this.scenarios.values()]
      .filter((s) => s.deletedAt !== null)
      .sort((a, b) => b.deletedAt!.localeCompare(a.deletedAt!) || b.order - a.order)
      .map((s) => ({ ...summary(s), deletedAt: s.deletedAt! }));
  }

  async restoreFromTrash(id: string) {
    const s = this.scenarios.get(id);
    if (s) s.deletedAt = null;
    return summary(this.mustLive(id));
  }

  async purgeScenario(id: string) {
    const s = this.scenarios.get(id);
    if (!s || s.deletedAt === null) throw new Error(`id: scenario ${id} is not in the trash`);
    this.scenarios.delete(id);
    for (const run of [...this.runs.values()]) if (run.scenarioId === id) this.runs.delete(run.id);
  }

  async listVersions(id: string): Promise<VersionSummary[]> {
    const s = this.scenarios.get(id);
    if (!s) throw new Error(`no scenario with id ${id}`);
    return [...s.versions].reverse().map((v) => versionSummary(s, v));
  }

  async getVersion(versionId: string): Promise<VersionRecord> {
    for (const s of this.scenarios.values()) {
      const v = s.versions.find((x) => x.id === versionId);
      if (v) return { ...versionSummary(s, v), json: v.json, files: [] };
    }
    throw new Error(`no version with id ${versionId}`);
  }

  async listExamples() {
    return this.examples;
  }

  async startRun(id: string) {
    const s = this.mustLive(id);
    const v = latest(s);
    const parsed = parseScenarioText(v.json);
    if (!parsed.ok) throw new Error(`the saved scenario is invalid: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    const run: RunSummary = {
      id: `r-${++this.seq}`, scenarioId: id, scenarioVersionId: v.id, scenarioVersion: v.version, scenarioName: v.name,
      status: 'queued', seed: parsed.scenario.seed, replications: parsed.scenario.replications, engineVersion: 'test',
      createdAt: this.now(), finishedAt: null, wallMs: null, error: null, replicationsStored: 0,
      label: null, headline: null, changes: this.changesSince(id, v, parsed.scenario),
    };
    this.runs.set(run.id, run);
    this.emit({ type: 'status', run });
    return run;
  }

  async cancelRun(runId: string) {
    const run = this.mustRun(runId);
    if (run.status === 'queued' || run.status === 'running') this.setRun(run, { status: 'cancelled', finishedAt: this.now(), wallMs: 0 });
  }

  async listRuns(id: string) {
    return [...this.runs.values()].filter((r) => r.scenarioId === id).reverse();
  }

  async setRunLabel(runId: string, label: string | null) {
    const run = this.mustRun(runId);
    const next = { ...run, label: label === '' ? null : label };
    this.runs.set(runId, next);
    return next;
  }

  async getRunResult(runId: string) {
    this.mustRun(runId);
    return this.results.get(runId) ?? null;
  }

  async libraryStatus(): Promise<LibraryStatus> {
    return this.status;
  }

  async backupLibrary() {
    const backup = { name: `library-v1-backup-${++this.seq}.sqlite`, size: 1, createdAt: this.now(), schemaVersion: 1 };
    this.status = { ...this.status, backups: [backup, ...this.status.backups] };
    return backup;
  }

  /** A restore here empties the library (the backup's contents are not modelled) and makes it usable. */
  async restoreLibraryBackup(name: string) {
    if (!this.status.backups.some((b) => b.name === name)) throw new Error(`name: no backup named ${name}`);
    this.scenarios.clear();
    this.runs.clear();
    this.status = { ...this.status, state: 'ok', message: null };
    return this.status;
  }

  async saveExport(ids: string[]) {
    return `/fake/export-${ids.length}.json`;
  }

  async openImport() {
    return this.importAnswer;
  }

  async saveLibraryBackup() {
    return null;
  }

  async openLibraryBackup() {
    return null;
  }

  // Not used by the store: a call says so instead of pretending.
  exportScenarios = notHere;
  importScenarios = notHere;
  calibrateStragglers = notHere;
  traceRate = notHere;
  checkpointSweep = notHere;
  cancelCheckpointSweep = notHere;
  renderRunReport = notHere;
  saveRunReport = notHere;
  renderAnalysisReport = notHere;
  /** What-if methods a test supplies (the fake has no engine); others refuse. */
  readonly whatIf: Partial<Pick<HeadroomApi, 'compareRuns' | 'runAnalysis' | 'cancelAnalysis' | 'listAnalyses' | 'getAnalysis' | 'deleteAnalysis' | 'previewRun'>> = {};
  compareRuns = (...a: Parameters<HeadroomApi['compareRuns']>) => (this.whatIf.compareRuns ?? notHere)(...a);
  runAnalysis = (...a: Parameters<HeadroomApi['runAnalysis']>) => (this.whatIf.runAnalysis ?? notHere)(...a);
  cancelAnalysis = (...a: Parameters<HeadroomApi['cancelAnalysis']>) => (this.whatIf.cancelAnalysis ?? notHere)(...a);
  listAnalyses = (...a: Parameters<HeadroomApi['listAnalyses']>) => (this.whatIf.listAnalyses ?? notHere)(...a);
  getAnalysis = (...a: Parameters<HeadroomApi['getAnalysis']>) => (this.whatIf.getAnalysis ?? notHere)(...a);
  deleteAnalysis = (...a: Parameters<HeadroomApi['deleteAnalysis']>) => (this.whatIf.deleteAnalysis ?? notHere)(...a);
  previewRun = (...a: Parameters<HeadroomApi['previewRun']>) => (this.whatIf.previewRun ?? notHere)(...a);

  // Internals.

  /** Strictly increasing timestamps, one millisecond apart, as ISO strings. */
  private now(): string {
    return new Date(Date.UTC(2025, 0, 1) + ++this.tick).toISOString();
  }

  private live(): StoredScenario[] {
    return [...this.scenarios.values()]
      .filter((s) => s.deletedAt === null)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.order - b.order);
  }

  private mustLive(id: string): StoredScenario {
    const s = this.scenarios.get(id);
    if (!s || s.deletedAt !== null) throw new Error(`no scenario with id ${id}`);
    return s;
  }

  /** What the backend's runs list says changed since the scenario's previous run. */
  private changesSince(scenarioId: string, v: StoredVersion, run: { seed: number; replications: number }): string[] {
    const previous = [...this.runs.values()].filter((r) => r.scenarioId === scenarioId).at(-1);
    if (!previous) return runChanges(null, run, []);
    const before = this.scenarios.get(scenarioId)!.versions.find((x) => x.id === previous.scenarioVersionId)!;
    return runChanges(previous, run, before.id === v.id ? [] : scenarioChangeItems(JSON.parse(before.json), JSON.parse(v.json)));
  }

  private mustRun(id: string): RunSummary {
    const run = this.runs.get(id);
    if (!run) throw new Error(`no run with id ${id}`);
    return run;
  }

  private setRun(run: RunSummary, change: Partial<RunSummary>): void {
    const next = { ...run, ...change };
    this.runs.set(run.id, next);
    this.emit({ type: 'status', run: next });
  }

  private emit(event: RunEvent): void {
    checkEvent('onRunEvent', API_EVENTS.onRunEvent, event);
    for (const listener of this.listeners) listener(structuredClone(event));
  }

  /** Validates as the CLI does, then stores a version; invalid text stores nothing. */
  private save(json: string, note: string, store: (v: StoredVersion) => StoredScenario) {
    const parsed = parseScenarioText(json);
    if (!parsed.ok) return { ok: false as const, errors: parsed.errors };
    const version: StoredVersion = {
      id: `v-${++this.seq}`, version: 0, name: parsed.scenario.name, json, note, createdAt: this.now(),
      sections: SECTIONS.filter((k) => parsed.scenario[k] !== undefined),
    };
    return { ok: true as const, scenario: record(store(version)) };
  }

  private insert(v: StoredVersion, tags: string[]): StoredScenario {
    const s: StoredScenario = {
      id: `s-${++this.seq}`, order: this.seq, tags: [...tags], createdAt: v.createdAt, updatedAt: v.createdAt, deletedAt: null,
      versions: [{ ...v, version: 1 }],
    };
    this.scenarios.set(s.id, s);
    return s;
  }

  private append(s: StoredScenario, v: StoredVersion): StoredScenario {
    s.versions.push({ ...v, version: s.versions.length + 1 });
    s.updatedAt = v.createdAt;
    return s;
  }
}

async function notHere(): Promise<never> {
  throw new Error('not implemented by the fake backend');
}

const latest = (s: StoredScenario): StoredVersion => s.versions[s.versions.length - 1]!;

function summary(s: StoredScenario): ScenarioSummary {
  const v = latest(s);
  return { id: s.id, name: v.name, version: v.version, sections: v.sections, tags: s.tags, createdAt: s.createdAt, updatedAt: s.updatedAt };
}

function record(s: StoredScenario): ScenarioRecord {
  const v = latest(s);
  return { ...summary(s), json: v.json, versionId: v.id };
}

function versionSummary(s: StoredScenario, v: StoredVersion): VersionSummary {
  return { id: v.id, scenarioId: s.id, version: v.version, name: v.name, sha256: `sha-${v.id}`, note: v.note, size: v.json.length, createdAt: v.createdAt };
}

/** The store only keeps and hands on a result: a stub with the run's identity is enough. */
function fakeResult(run: RunSummary, truncated: boolean): ResultDocument {
  const doc = { format: 'headroom.result/v1', scenario: { name: run.scenarioName, sha256: run.scenarioVersionId }, seed: run.seed, replications: run.replications };
  return (truncated ? { ...doc, truncated: { reason: 'max-events' } } : doc) as unknown as ResultDocument;
}
