// The backend behind both shells: scenarios and runs over the library, simulations in worker
// threads. Plain Node, no Electron. Every public method validates its arguments (they arrive
// over IPC or HTTP from a renderer that is not trusted to be well-formed).
import fs from 'node:fs';
import path from 'node:path';
import type { Library } from '../../db';
import { ENGINE_VERSION } from '../../simulation';
import type {
  AppInfo, ExampleScenario, HeadroomApi, ResultDocument, RunEvent, RunOptions, RunSummary,
  SaveResult, ScenarioRecord, ScenarioSummary,
} from '../common/contract';
import { checkId, checkJsonText, checkRunOptions } from './check-args';
import { appPaths } from './paths';
import { RunManager } from './run-manager';
import { loadScenarioText, sectionsOf } from './scenario-source';
import { toRunSummary, toScenarioRecord, toScenarioSummary } from './to-contract';

export type BackendApi = Omit<HeadroomApi, 'onRunEvent'> & {
  subscribe(listener: (e: RunEvent) => void): () => void;
};

export interface BackendOptions {
  library: Library;
  dataDir: string;
  shell: AppInfo['shell'];
  threads?: number;
}

export class Backend implements BackendApi {
  private readonly lib: Library;
  private readonly runs: RunManager;

  constructor(private readonly options: BackendOptions) {
    this.lib = options.library;
    this.runs = new RunManager(this.lib, { threads: options.threads });
  }

  /** First start: an empty library gets the bundled examples, so there is something to open. */
  seedExamplesIfEmpty(): void {
    if (this.lib.scenarios.countAll() > 0) return;
    for (const ex of this.readExamples()) void this.createScenario(ex.json);
  }

  subscribe(listener: (e: RunEvent) => void): () => void {
    return this.runs.subscribe(listener);
  }

  async info(): Promise<AppInfo> {
    return { version: __HEADROOM_VERSION__, engineVersion: ENGINE_VERSION, dataDir: this.options.dataDir, shell: this.options.shell };
  }

  async listScenarios(): Promise<ScenarioSummary[]> {
    return this.lib.scenarios.listScenarios().map(toScenarioSummary);
  }

  async getScenario(id: unknown): Promise<ScenarioRecord> {
    const rec = this.lib.scenarios.getScenario(checkId(id, 'id'));
    if (!rec) throw new Error(`no scenario with id ${String(id)}`);
    return toScenarioRecord(rec);
  }

  async createScenario(json: unknown): Promise<SaveResult> {
    const loaded = loadScenarioText(checkJsonText(json));
    if (!loaded.ok) return { ok: false, errors: loaded.errors };
    const rec = this.lib.scenarios.createScenario({
      name: loaded.scenario.name, json: json as string, sections: sectionsOf(loaded.scenario), sha256: loaded.sha256,
    });
    return { ok: true, scenario: toScenarioRecord(rec) };
  }

  async updateScenario(id: unknown, json: unknown): Promise<SaveResult> {
    const sid = checkId(id, 'id');
    const loaded = loadScenarioText(checkJsonText(json));
    if (!loaded.ok) return { ok: false, errors: loaded.errors };
    const rec = this.lib.scenarios.addVersion(sid, {
      name: loaded.scenario.name, json: json as string, sections: sectionsOf(loaded.scenario), sha256: loaded.sha256,
    });
    return { ok: true, scenario: toScenarioRecord(rec) };
  }

  async deleteScenario(id: unknown): Promise<void> {
    this.lib.scenarios.deleteScenario(checkId(id, 'id'));
  }

  async listExamples(): Promise<ExampleScenario[]> {
    return this.readExamples();
  }

  async startRun(scenarioId: unknown, options?: unknown): Promise<RunSummary> {
    const sid = checkId(scenarioId, 'scenarioId');
    const opts: RunOptions = checkRunOptions(options);
    const rec = this.lib.scenarios.getScenario(sid);
    if (!rec) throw new Error(`no scenario with id ${sid}`);
    const loaded = loadScenarioText(rec.json);
    if (!loaded.ok) throw new Error(`the saved scenario is invalid: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    return toRunSummary(this.runs.start(rec.versionId, loaded, opts));
  }

  async cancelRun(runId: unknown): Promise<void> {
    this.runs.cancel(checkId(runId, 'runId'));
  }

  async listRuns(scenarioId: unknown): Promise<RunSummary[]> {
    return this.lib.runs.listRuns(checkId(scenarioId, 'scenarioId')).map(toRunSummary);
  }

  async getRunResult(runId: unknown): Promise<ResultDocument | null> {
    const text = this.lib.runs.getRunResult(checkId(runId, 'runId'));
    return text === null ? null : (JSON.parse(text) as ResultDocument);
  }

  /** Cancels active runs and waits for them to be recorded. */
  async shutdown(): Promise<void> {
    await this.runs.shutdown();
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
