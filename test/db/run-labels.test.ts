// What the runs list keeps per run (0004-run-labels): a label (trimmed, at most 80 characters,
// cleared by null or blanks), the headline of its verdict, and which run came before it.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MAX_RUN_LABEL_LENGTH, RecordNotFoundError, normalizeRunLabel, openLibrary } from '../../db';
import type { Library } from '../../db';
import { scenarioInput, tempDataDir, thrownBy, tickingClock } from './helpers';

function withRun(): { library: Library; scenarioId: string; versionId: string; runId: string } {
  const library = openLibrary(tempDataDir(), { now: tickingClock() });
  const scenario = library.scenarios.createScenario(scenarioInput('Chat'));
  const run = library.runs.createRun({ scenarioVersionId: scenario.versionId, seed: 1, replications: 2, engineVersion: '0.1.0' });
  return { library, scenarioId: scenario.id, versionId: scenario.versionId, runId: run.id };
}

describe('run labels', () => {
  it('sets, trims, replaces and clears a label', () => {
    const { library, runId } = withRun();
    const { runs } = library;
    expect(runs.getRun(runId)!.label).toBeNull();
    expect(runs.setLabel(runId, '  baseline\tat   peak ').label).toBe('baseline at peak');
    expect(runs.getRun(runId)!.label).toBe('baseline at peak');
    expect(runs.listRuns(runs.getRun(runId)!.scenarioId)[0]!.label).toBe('baseline at peak');
    expect(runs.setLabel(runId, 'ten replicas').label).toBe('ten replicas');
    expect(runs.setLabel(runId, '   ').label).toBeNull();
    runs.setLabel(runId, 'again');
    expect(runs.setLabel(runId, null).label).toBeNull();
    library.close();
  });

  it('refuses bad labels naming the field, and unknown runs', () => {
    const { library, runId } = withRun();
    const { runs } = library;
    const long = 'x'.repeat(MAX_RUN_LABEL_LENGTH + 1);
    expect(thrownBy(() => runs.setLabel(runId, long)).message).toBe('label: must be at most 80 characters (got 81)');
    expect(runs.setLabel(runId, ` ${'x'.repeat(MAX_RUN_LABEL_LENGTH)} `).label).toHaveLength(80); // trimmed first
    expect(thrownBy(() => runs.setLabel(runId, 'a\u0007b')).message).toBe('label: cannot hold control characters');
    expect(thrownBy(() => normalizeRunLabel(42)).message).toBe('label: must be a string or null');
    expect(() => runs.setLabel('nope', 'x')).toThrow(RecordNotFoundError);
    expect(runs.getRun(runId)!.label).toHaveLength(80); // the refusals changed nothing
    library.close();
  });

  it('the table refuses an empty or over-long label even past the repository', () => {
    const { library, runId } = withRun();
    library.close();
    const db = new Database(library.path);
    expect(() => db.prepare("UPDATE runs SET label = '' WHERE id = ?").run(runId)).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE runs SET label = ? WHERE id = ?').run('y'.repeat(81), runId)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE runs SET headline = '{oops' WHERE id = ?").run(runId)).toThrow(/CHECK/);
    db.close();
  });
});

describe('run headlines', () => {
  it('is pending until worked out, then stored with the final status or on its own', () => {
    const { library, versionId, runId } = withRun();
    const { runs } = library;
    expect(runs.getRun(runId)).toMatchObject({ headline: null, headlinePending: true });

    const done = runs.finishRun(runId, {
      status: 'done', wallMs: 1, events: 1, resultJson: '{}', error: null, headline: { tone: 'bad', text: 'Missed: p99 2.1 s over 300 ms' },
    });
    expect(done).toMatchObject({ headline: { tone: 'bad', text: 'Missed: p99 2.1 s over 300 ms' }, headlinePending: false });

    // An older run (finished without one) gets it later; null records "worked out: none".
    const old = runs.createRun({ scenarioVersionId: versionId, seed: 2, replications: 2, engineVersion: '0.1.0' });
    runs.finishRun(old.id, { status: 'done', wallMs: 1, events: 1, resultJson: '{}', error: null });
    expect(runs.getRun(old.id)).toMatchObject({ headline: null, headlinePending: true });
    expect(runs.setHeadline(old.id, null)).toMatchObject({ headline: null, headlinePending: false });
    expect(runs.setHeadline(old.id, { tone: 'good', text: 'Met' })).toMatchObject({ headline: { tone: 'good', text: 'Met' } });

    expect(thrownBy(() => runs.setHeadline(old.id, { tone: 'meh' as 'good', text: 'x' })).message).toMatch(/^headline\.tone: /);
    expect(thrownBy(() => runs.setHeadline(old.id, { tone: 'good', text: ' ' })).message).toMatch(/^headline\.text: /);
    expect(() => runs.setHeadline('nope', null)).toThrow(RecordNotFoundError);
    expect(runs.getRun(old.id)!.headline).toEqual({ tone: 'good', text: 'Met' });
    library.close();
  });
});

describe('the run before', () => {
  it('is the same scenario’s run created just before, across versions; null for the first', () => {
    const { library, scenarioId, versionId, runId: first } = withRun();
    const { runs, scenarios } = library;
    const other = scenarios.createScenario(scenarioInput('Other'));
    const otherRun = runs.createRun({ scenarioVersionId: other.versionId, seed: 1, replications: 1, engineVersion: '0.1.0' });
    const v2 = scenarios.addVersion(scenarioId, scenarioInput('Chat 2'));
    const second = runs.createRun({ scenarioVersionId: v2.versionId, seed: 1, replications: 2, engineVersion: '0.1.0' });
    const third = runs.createRun({ scenarioVersionId: versionId, seed: 3, replications: 2, engineVersion: '0.1.0' });

    expect(runs.getPreviousRun(first)).toBeNull();
    expect(runs.getPreviousRun(otherRun.id)).toBeNull();
    expect(runs.getPreviousRun(second.id)!.id).toBe(first);
    expect(runs.getPreviousRun(third.id)!.id).toBe(second.id);
    // The same order as the list: each run's previous is the next one down.
    const listed = runs.listRuns(scenarioId).map((r) => r.id);
    expect(listed).toEqual([third.id, second.id, first]);
    expect(() => runs.getPreviousRun('nope')).toThrow(RecordNotFoundError);
    library.close();
  });

  it('breaks a tie in creation time by insertion order, as the list does', () => {
    const dataDir = tempDataDir();
    const library = openLibrary(dataDir, { now: () => new Date(Date.UTC(2025, 0, 1)) });
    const scenario = library.scenarios.createScenario(scenarioInput('Same second'));
    const make = () => library.runs.createRun({ scenarioVersionId: scenario.versionId, seed: 1, replications: 1, engineVersion: '0' }).id;
    const [a, b, c] = [make(), make(), make()];
    expect(library.runs.listRuns(scenario.id).map((r) => r.id)).toEqual([c, b, a]);
    expect(library.runs.getPreviousRun(c)!.id).toBe(b);
    expect(library.runs.getPreviousRun(b)!.id).toBe(a);
    expect(library.runs.getPreviousRun(a)).toBeNull();
    library.close();
  });
});
