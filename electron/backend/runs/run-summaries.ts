// Runs as the runs list shows them: each with what changed since the run of the scenario before
// it, and its headline (backfilled for runs finished before headlines were stored). The items of
// a pair of versions are cached: versions are immutable and their ids never reused.
import type { Library, RunRecord } from '../../../db';
import { runChanges, scenarioChangeItems } from '../../../simulation/present';
import type { RunSummary } from '../../common/contract';
import { toRunSummary } from '../library/to-contract';
import { backfillHeadline } from './run-headline';

const MAX_CACHED_DOCS = 64;
const MAX_CACHED_PAIRS = 1000;
const docs = new Map<string, unknown>();
const pairs = new Map<string, string[] | null>();

/** A small cache: forget everything once it is full (listings touch few versions at a time). */
function remember<T>(cache: Map<string, T>, max: number, key: string, make: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  if (cache.size >= max) cache.clear();
  const value = make();
  cache.set(key, value);
  return value;
}

/** A version's parsed document, or undefined when it cannot be read. */
function docOf(lib: Library, versionId: string): unknown {
  return remember(docs, MAX_CACHED_DOCS, versionId, () => {
    const json = lib.scenarios.getVersion(versionId)?.json;
    try {
      return json === undefined ? undefined : (JSON.parse(json) as unknown);
    } catch {
      return undefined;
    }
  });
}

/** The change items between two versions; null when either cannot be read. */
function versionItems(lib: Library, before: string, after: string): string[] | null {
  if (before === after) return [];
  return remember(pairs, MAX_CACHED_PAIRS, `${before}→${after}`, () => {
    const a = docOf(lib, before);
    const b = docOf(lib, after);
    return a === undefined || b === undefined ? null : scenarioChangeItems(a, b);
  });
}

function changesOf(lib: Library, previous: RunRecord | null, run: RunRecord): string[] {
  if (previous === null) return runChanges(null, run, []);
  const items = versionItems(lib, previous.scenarioVersionId, run.scenarioVersionId);
  return items === null ? [`v${previous.scenarioVersion} → v${run.scenarioVersion}`] : runChanges(previous, run, items);
}

/** The summaries of a scenario's runs as listRuns returns them (newest first). */
export function runSummaries(lib: Library, runs: readonly RunRecord[]): RunSummary[] {
  return runs.map((run, i) => toRunSummary(backfillHeadline(lib, run), changesOf(lib, runs[i + 1] ?? null, run)));
}

/** One run's summary, compared with the run of its scenario before it. */
export function runSummary(lib: Library, run: RunRecord): RunSummary {
  return toRunSummary(backfillHeadline(lib, run), changesOf(lib, lib.runs.getPreviousRun(run.id), run));
}
