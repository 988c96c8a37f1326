// Library benchmarks (issue 7), run by bench/run.ts. A library of 10,000 scenarios (some with
// several versions, all tagged and indexed) and 50,000 finished runs with stored results, in a
// real file on disk with the app's settings (WAL, synchronous=FULL). Medians of timed calls
// through the backend the shells use (validation, storage and mapping included; IPC excluded):
//   listing < 50 ms, search < 50 ms, opening a scenario < 20 ms, saving a version < 10 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary, type NewScenarioVersion } from '../db';
import { Backend } from '../electron/backend/backend';
import { sectionsOf, sha256OfScenario } from '../electron/backend/traces/scenario-source';
import { searchTextOf } from '../electron/backend/library/scenario-save';
import { validateScenario } from '../simulation';
import { median } from './util';

const SCENARIOS = Number(process.env.BENCH_LIBRARY_SCENARIOS ?? 10_000);
const RUNS = Number(process.env.BENCH_LIBRARY_RUNS ?? 50_000);
const SAMPLES = 31;
const WORDS = ['risk', 'chat', 'fraud', 'search', 'vision', 'ranking', 'speech', 'ads', 'embedding', 'summarise'];

function timeMedian(fn: (i: number) => unknown, samples = SAMPLES): number {
  fn(0); // warm-up: prepared statements, JIT
  const times: number[] = [];
  for (let i = 1; i <= samples; i++) {
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function timeMedianAsync(fn: (i: number) => Promise<unknown>, samples = SAMPLES): Promise<number> {
  await fn(0);
  const times: number[] = [];
  for (let i = 1; i <= samples; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  return median(times);
}

function populate(dataDir: string, example: Record<string, unknown>): string[] {
  const library = openLibrary(dataDir, { appVersion: 'bench' });
  const result = JSON.stringify({ series: Array.from({ length: 240 }, (_, i) => Math.round(Math.sin(i / 9) * 1000) / 10), note: 'bench' });
  const ids: string[] = [];
  const versionIds: string[] = [];
  const t0 = performance.now();
  const input = (i: number, v: number): NewScenarioVersion => {
    const raw = { ...example, name: `${WORDS[i % WORDS.length]} service ${i}${v > 1 ? ` rev ${v}` : ''}`, seed: i + v };
    const parsed = validateScenario(raw);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return {
      name: parsed.scenario.name, json: JSON.stringify(raw, null, 2), sections: sectionsOf(parsed.scenario),
      sha256: sha256OfScenario(raw), searchText: searchTextOf(parsed.scenario),
    };
  };
  const BATCH = 500;
  for (let start = 0; start < SCENARIOS; start += BATCH) {
    library.transaction(() => {
      for (let i = start; i < Math.min(SCENARIOS, start + BATCH); i++) {
        let rec = library.scenarios.createScenario(input(i, 1), [`team-${i % 40}`, i % 3 === 0 ? 'q3' : 'q4']);
        for (let v = 2; v <= 1 + (i % 4); v++) rec = library.scenarios.addVersion(rec.id, input(i, v));
        ids.push(rec.id);
        versionIds.push(rec.versionId);
      }
    });
  }
  for (let start = 0; start < RUNS; start += BATCH) {
    library.transaction(() => {
      for (let r = start; r < Math.min(RUNS, start + BATCH); r++) {
        const run = library.runs.createRun({ scenarioVersionId: versionIds[r % versionIds.length] as string, seed: r, replications: 5, engineVersion: 'bench' });
        library.runs.markRunning(run.id);
        library.runs.finishRun(run.id, { status: 'done', wallMs: 100, events: 1e6, resultJson: result, error: null });
      }
    });
  }
  library.close();
  const size = fs.statSync(path.join(dataDir, 'library.sqlite')).size / 1024 / 1024;
  console.log(`   built ${SCENARIOS} scenarios and ${RUNS} runs in ${((performance.now() - t0) / 1000).toFixed(1)} s (${size.toFixed(0)} MiB on disk)`);
  return ids;
}

export async function benchLibrary(): Promise<void> {
  console.log('== library');
  const example = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'assets', 'examples', 'risk-model-api.json'), 'utf8')) as Record<string, unknown>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-bench-library-'));
  try {
    const ids = populate(dataDir, example);
    const library = openLibrary(dataDir, { appVersion: 'bench' });
    const backend = new Backend({ library, dataDir, shell: 'web', threads: 1 });
    const pick = (i: number) => ids[(i * 7919) % ids.length] as string;

    const list = await timeMedianAsync(() => backend.listScenarios());
    const listed = (await backend.listScenarios()).length;
    const search = await timeMedianAsync((i) => backend.searchScenarios(`${WORDS[i % WORDS.length]} ${i % 97}`));
    const searchTag = await timeMedianAsync((i) => backend.searchScenarios(`team-${i % 40}`));
    // A word every scenario holds: the worst case (ranks them all, returns the best 1,000).
    const searchAll = await timeMedianAsync(() => backend.searchScenarios('service'));
    // Opening = what the renderer asks for when a scenario is clicked: its text and its runs.
    const open = await timeMedianAsync(async (i) => {
      const id = pick(i);
      await backend.getScenario(id);
      await backend.listRuns(id);
    });
    const history = await timeMedianAsync((i) => backend.listVersions(pick(i)));
    let n = 0;
    const save = await timeMedianAsync(async (i) => {
      const id = pick(i);
      const result = await backend.updateScenario(id, JSON.stringify({ ...example, name: `saved ${i}`, seed: 100_000 + n++ }, null, 2));
      if (!result.ok) throw new Error('save refused');
    });
    const repoSave = timeMedian((i) => library.scenarios.addVersion(pick(i), {
      name: `repo ${i}`, json: JSON.stringify({ ...example, seed: i }), sections: ['serving'], sha256: 'a'.repeat(64),
    }));
    await backend.shutdown();
    library.close();

    const verdict = (ms: number, target: number) => `${ms.toFixed(2)} ms (target < ${target} ms${ms < target ? '' : ' — MISSED'})`;
    console.log(`1. list all ${listed} scenarios: median ${verdict(list, 50)}`);
    console.log(`2. search (two words / a tag / a word in all of them): medians ${verdict(search, 50)} / ${verdict(searchTag, 50)} / ${verdict(searchAll, 50)}`);
    console.log(`3. open a scenario (text + its runs): median ${verdict(open, 20)}; its history list ${history.toFixed(2)} ms`);
    console.log(`4. save a version (validate, store, index, fsync): median ${verdict(save, 10)}; repository alone ${repoSave.toFixed(2)} ms`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
