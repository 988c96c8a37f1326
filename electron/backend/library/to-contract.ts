// Library records → contract shapes. The db layer owns its records; the contract owns what the
// renderer sees; this is the one place that maps between them.
import type {
  RunRecord, ScenarioRecord as DbScenarioRecord, ScenarioSummaryRecord, ScenarioVersionRecord, ScenarioVersionSummaryRecord,
  TrashedScenarioRecord,
} from '../../../db';
import type {
  RunSummary, ScenarioRecord, ScenarioSummary, SectionName, TrashedScenario, VersionRecord, VersionSummary,
} from '../../common/contract';

const SECTIONS: readonly SectionName[] = ['pipeline', 'cluster', 'serving'];

/** The known section names (the list is shared and frozen when it holds only known ones). */
function sections(list: string[]): SectionName[] {
  return list.every((s) => (SECTIONS as readonly string[]).includes(s))
    ? (list as SectionName[])
    : list.filter((s): s is SectionName => (SECTIONS as readonly string[]).includes(s));
}

// Called 10,000 times to list a large library: no copies beyond the one object per scenario.
// (The arrays are the db layer's frozen, shared ones; the shells serialize them anyway.)
export function toScenarioSummary(r: ScenarioSummaryRecord): ScenarioSummary {
  return { id: r.id, name: r.name, version: r.version, sections: sections(r.sections), tags: r.tags, createdAt: r.createdAt, updatedAt: r.updatedAt };
}

export function toScenarioRecord(r: DbScenarioRecord): ScenarioRecord {
  return { ...toScenarioSummary(r), json: r.json, versionId: r.versionId };
}

export function toTrashedScenario(r: TrashedScenarioRecord): TrashedScenario {
  return { ...toScenarioSummary(r), deletedAt: r.deletedAt };
}

export function toVersionSummary(r: ScenarioVersionSummaryRecord): VersionSummary {
  return {
    id: r.id, scenarioId: r.scenarioId, version: r.version, name: r.name, sha256: r.sha256, note: r.note, size: r.size,
    createdAt: r.createdAt,
  };
}

export function toVersionRecord(r: ScenarioVersionRecord): VersionRecord {
  return { ...toVersionSummary(r), json: r.json, files: r.files.map((f) => ({ ...f })) };
}

/** `changes`: what changed since the scenario's run before (electron/backend/runs/run-summaries.ts). */
export function toRunSummary(r: RunRecord, changes: string[]): RunSummary {
  return {
    id: r.id,
    scenarioId: r.scenarioId,
    scenarioVersionId: r.scenarioVersionId,
    scenarioVersion: r.scenarioVersion,
    scenarioName: r.scenarioName,
    status: r.status,
    seed: r.seed,
    replications: r.replications,
    engineVersion: r.engineVersion,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
    wallMs: r.wallMs,
    error: r.error,
    replicationsStored: r.replicationsStored,
    label: r.label,
    headline: r.headline,
    changes,
  };
}
