// Library records → contract shapes. The db layer owns its records; the contract owns what the
// renderer sees; this is the one place that maps between them.
import type { RunRecord, ScenarioRecord as DbScenarioRecord, ScenarioSummaryRecord } from '../../db';
import type { RunSummary, ScenarioRecord, ScenarioSummary, SectionName } from '../common/contract';

const SECTIONS: readonly SectionName[] = ['pipeline', 'cluster', 'serving'];

function sections(list: string[]): SectionName[] {
  return list.filter((s): s is SectionName => (SECTIONS as readonly string[]).includes(s));
}

export function toScenarioSummary(r: ScenarioSummaryRecord): ScenarioSummary {
  return { id: r.id, name: r.name, version: r.version, sections: sections(r.sections), createdAt: r.createdAt, updatedAt: r.updatedAt };
}

export function toScenarioRecord(r: DbScenarioRecord): ScenarioRecord {
  return { ...toScenarioSummary(r), json: r.json, versionId: r.versionId };
}

export function toRunSummary(r: RunRecord): RunSummary {
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
  };
}
