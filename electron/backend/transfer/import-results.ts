// A result or sweep computed elsewhere (`headroom run --json`, `headroom sweep --json`, or their
// `headroom merge` from shards), kept in the library as a run or an analysis of the scenario
// version it ran, so the app shows it like one of its own. A result names its scenario by the
// SHA-256 of the scenario's canonical JSON, the hash each saved version has; a sweep's points
// name their varied scenarios, so its base version is the one that, with each point's values
// set, hashes to each point's hash. Neither embeds the scenario: when no version matches, the
// import says which hash and asks for the scenario file first. The same document twice is kept
// once (its own hash, canonical JSON, is stored with it).
import path from 'node:path';
import { sha256Hex, type Library, type ScenarioVersionSummaryRecord } from '../../../db';
import { canonicalJson, type AnalysisDocument, type ResultDocument, type SweepDocument } from '../../../simulation';
import type { ImportedResult } from '../../common/contract';
import { headlineOf } from '../runs/run-headline';
import { parsePath, setAtPath, SweepUsageError } from '../tools/sweep';
import { applyOverrides, loadScenarioText, sha256OfScenario } from '../traces/scenario-source';
import type { PartialInfo, ResultFile } from './result-documents';

type Issue = { path: string; message: string };
export type ResultImport = { ok: true; imported: ImportedResult } | { ok: false; issues: Issue[] };

const MAX_LABEL = 80;
const short = (sha: string) => `${sha.slice(0, 12)}…`;

/** "imported from <file>" (and what a partial merge lacked), within the 80 characters of a run's label. */
export function importLabel(file: string, partial: PartialInfo | null, max = MAX_LABEL): string {
  const missing = partial ? `partial: ${partial.missingShards.length} of ${partial.shards} shards missing, ` : '';
  const room = max - missing.length - 'imported from '.length;
  const name = path.basename(file.replace(/\\/g, '/'));
  return `${missing}imported from ${name.length <= room ? name : `…${name.slice(name.length - room + 1)}`}`;
}

function missingText(partial: PartialInfo): string {
  const list = partial.missingShards.length > 10 ? `${partial.missingShards.slice(0, 10).join(', ')}, …` : partial.missingShards.join(', ');
  return `shard${partial.missingShards.length === 1 ? '' : 's'} ${list} of ${partial.shards} missing`;
}

/**
 * Keeps `file` (recognised in `parsed`, the file's JSON) in the library. The document's hash is
 * of the parsed JSON, so the same document re-indented or re-saved is still the same.
 */
export function importResultFile(lib: Library, file: Exclude<ResultFile, { kind: 'refused' }>, parsed: unknown, fileName: string): ResultImport {
  const documentSha = sha256Hex(Buffer.from(canonicalJson(parsed), 'utf8'));
  return file.kind === 'run' ? importRun(lib, file.doc, file.partial, fileName, documentSha) : importSweep(lib, file.doc, file.partial, fileName, documentSha);
}

function notInLibrary(what: string, sha: string, name: string, inTrash: ScenarioVersionSummaryRecord | undefined): Issue[] {
  if (inTrash) {
    return [{ path: what, message: `names v${inTrash.version} of “${inTrash.name}”, which is in the trash: restore the scenario from the trash, then import this file again` }];
  }
  return [{ path: what, message: `${sha} (“${name}”): no scenario version in the library has this hash; import the scenario file it ran (File → Import), then this file again` }];
}

function importRun(lib: Library, doc: ResultDocument, partial: PartialInfo | null, fileName: string, documentSha: string): ResultImport {
  const versions = lib.scenarios.findVersions({ sha256: doc.scenario.sha256 });
  const live = versions.find((v) => !v.inTrash);
  if (!live) return { ok: false, issues: notInLibrary('scenario.sha256', doc.scenario.sha256, doc.scenario.name, versions[0]) };
  const version = lib.scenarios.getVersion(live.id);
  const loaded = version ? loadScenarioText(version.json) : null;
  if (!loaded?.ok) return { ok: false, issues: [{ path: 'scenario.sha256', message: `names v${live.version} of “${live.name}”, whose saved text no longer reads as a scenario` }] };
  // The run's own seed, replications and horizon (the CLI's flags), as the app's runs record them.
  const patched = applyOverrides(loaded.raw, { seed: doc.seed, replications: doc.replications, horizon_s: doc.horizon_s });
  if (!patched.ok) return { ok: false, issues: patched.errors.map((e) => ({ path: e.path, message: `${e.message} (the document's value on v${live.version})` })) };
  const scenario = patched.scenario;
  const issues: Issue[] = [];
  for (const section of ['pipeline', 'cluster', 'serving'] as const) {
    if (doc[section] !== undefined && scenario[section] === undefined) issues.push({ path: section, message: `is in the document but not in v${live.version} of “${live.name}”` });
  }
  const ids = new Set((scenario.serving?.services ?? []).map((s) => s.id));
  for (const id of Object.keys(doc.serving ?? {})) if (!ids.has(id)) issues.push({ path: `serving.${id}`, message: `is not a service of v${live.version} of “${live.name}”` });
  if (issues.length > 0) return { ok: false, issues };

  const status = doc.truncated ? 'truncated' : 'done';
  const { run, existing } = lib.runs.importRun({
    scenarioVersionId: live.id,
    status,
    seed: doc.seed,
    replications: doc.replications,
    engineVersion: doc.engine.version,
    wallMs: doc.engine.wall_ms,
    events: doc.engine.events,
    resultJson: JSON.stringify(doc),
    label: importLabel(fileName, partial),
    headline: headlineOf(doc, scenario) ?? null,
    importSha256: documentSha,
  });
  return {
    ok: true,
    imported: {
      kind: 'run', file: fileName, id: run.id, scenarioId: run.scenarioId, scenarioName: run.scenarioName, scenarioVersion: run.scenarioVersion,
      alreadyImported: existing, missingShards: partial?.missingShards ?? [],
    },
  };
}

/** `from:to[:step]` per parameter from the values the points took (the spelling of `--set`). */
function rangesText(doc: SweepDocument): string {
  return doc.parameters.map((p, i) => {
    const values = [...new Set(doc.points.map((pt) => pt.values[i] as number))].sort((a, b) => a - b);
    const from = values[0] as number;
    const to = values.at(-1) as number;
    const steps = values.slice(1).map((v, j) => v - (values[j] as number));
    const even = steps.length > 0 && steps.every((s) => Math.abs(s - (steps[0] as number)) <= 1e-9 * Math.max(1, Math.abs(to)));
    const step = even && steps[0] !== 1 ? `:${steps[0]}` : '';
    return even || values.length === 1 ? `${p}=${from}:${to}${step}` : `${p} (${values.length} values)`;
  }).join(' × ');
}

function importSweep(lib: Library, doc: SweepDocument, partial: PartialInfo | null, fileName: string, documentSha: string): ResultImport {
  let segments: (string | number)[][];
  try {
    segments = doc.parameters.map(parsePath);
  } catch (e) {
    if (e instanceof SweepUsageError) return { ok: false, issues: [{ path: 'parameters', message: e.message.replace(/^--set: /, '') }] };
    throw e;
  }
  const first = doc.points[0]!.result;
  const candidates = lib.scenarios.findVersions({ name: first.scenario.name });
  const fits = (versionId: string): boolean => {
    const version = lib.scenarios.getVersion(versionId);
    const loaded = version ? loadScenarioText(version.json) : null;
    if (!loaded?.ok) return false;
    try {
      return doc.points.every((pt) => {
        let raw = loaded.raw;
        pt.values.forEach((value, i) => { raw = setAtPath(raw, segments[i]!, value); });
        return sha256OfScenario(raw) === pt.result.scenario.sha256;
      });
    } catch (e) {
      if (e instanceof SweepUsageError) return false; // a path this version does not have
      throw e;
    }
  };
  const base = candidates.find((v) => !v.inTrash && fits(v.id));
  if (!base) {
    const trashed = candidates.find((v) => v.inTrash && fits(v.id));
    if (trashed) return { ok: false, issues: notInLibrary('points', '', first.scenario.name, trashed) };
    return {
      ok: false,
      issues: [{
        path: 'points[0].result.scenario.sha256',
        message: `no scenario version in the library named “${first.scenario.name}” gives ${short(first.scenario.sha256)} with ${doc.parameters.map((p, i) => `${p} = ${doc.points[0]!.values[i]}`).join(', ')}; import the scenario file the sweep ran (File → Import), then this file again`,
      }],
    };
  }
  const document: AnalysisDocument = { kind: 'sweep', seed: first.seed, replications: first.replications, sweep: doc };
  const prefix = partial ? `Partial sweep (${missingText(partial)})` : 'Sweep';
  const { summary, existing } = lib.analyses.importAnalysis({
    scenarioVersionId: base.id,
    kind: 'sweep',
    title: `${prefix} ${rangesText(doc)}, imported from ${path.basename(fileName.replace(/\\/g, '/'))}`.slice(0, 500),
    wallMs: doc.points.reduce((sum, pt) => sum + pt.result.engine.wall_ms, 0),
    json: JSON.stringify(document),
    importSha256: documentSha,
  });
  return {
    ok: true,
    imported: {
      kind: 'sweep', file: fileName, id: summary.id, scenarioId: summary.scenarioId,
      scenarioName: lib.scenarios.getScenario(summary.scenarioId)?.name ?? base.name, scenarioVersion: summary.scenarioVersion,
      alreadyImported: existing, missingShards: partial?.missingShards ?? [],
    },
  };
}
