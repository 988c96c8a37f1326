import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RecordNotFoundError, openLibrary } from '../../db';
import { scenarioInput, tempDataDir, tickingClock } from './helpers';

const open = () => openLibrary(tempDataDir(), { now: tickingClock() });

describe('scenarios repository', () => {
  it('creates a scenario at version 1 and saves further versions', () => {
    const library = open();
    const { scenarios } = library;
    const first = scenarios.createScenario(scenarioInput('Chat', ['serving']));
    expect(first).toMatchObject({ name: 'Chat', version: 1, sections: ['serving'] });
    expect(first.createdAt).toBe(first.updatedAt);
    expect(first.json).toBe(scenarioInput('Chat', ['serving']).json);

    const second = scenarios.addVersion(first.id, scenarioInput('Chat v2', ['serving', 'cluster']));
    expect(second).toMatchObject({ id: first.id, name: 'Chat v2', version: 2, sections: ['serving', 'cluster'] });
    expect(second.versionId).not.toBe(first.versionId);
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.updatedAt > first.updatedAt).toBe(true);
    expect(scenarios.getScenario(first.id)).toEqual(second);

    // The old version is still there, exactly as saved.
    expect(scenarios.getVersion(first.versionId)).toMatchObject({
      scenarioId: first.id, version: 1, name: 'Chat', json: first.json, sha256: scenarioInput('Chat').sha256,
    });
    expect(scenarios.getVersion('nope')).toBeNull();
    expect(scenarios.getScenario('nope')).toBeNull();
    expect(() => scenarios.addVersion('nope', scenarioInput('x'))).toThrow(RecordNotFoundError);
    library.close();
  });

  it('lists live scenarios most recently updated first, with their latest version', () => {
    const library = open();
    const { scenarios } = library;
    const a = scenarios.createScenario(scenarioInput('A', ['pipeline']));
    const b = scenarios.createScenario(scenarioInput('B'));
    expect(scenarios.listScenarios().map((s) => s.name)).toEqual(['B', 'A']);
    scenarios.addVersion(a.id, scenarioInput('A2', ['pipeline', 'serving']));
    const list = scenarios.listScenarios();
    expect(list.map((s) => [s.name, s.version])).toEqual([['A2', 2], ['B', 1]]);
    expect(list[0]).toEqual({
      id: a.id, name: 'A2', version: 2, sections: ['pipeline', 'serving'], tags: [],
      createdAt: a.createdAt, updatedAt: list[0]!.updatedAt,
    });
    expect(list[1]!.id).toBe(b.id);
    library.close();
  });

  it('soft-deletes and restores', () => {
    const library = open();
    const { scenarios } = library;
    expect(scenarios.countAll()).toBe(0);
    const a = scenarios.createScenario(scenarioInput('A'));
    scenarios.createScenario(scenarioInput('B'));
    expect(scenarios.deleteScenario(a.id)).toBe(true);
    expect(scenarios.deleteScenario(a.id)).toBe(false);
    expect(scenarios.listScenarios().map((s) => s.name)).toEqual(['B']);
    expect(scenarios.getScenario(a.id)).toBeNull();
    expect(scenarios.getVersion(a.versionId)).not.toBeNull(); // runs still reach their version
    expect(() => scenarios.addVersion(a.id, scenarioInput('A2'))).toThrow(RecordNotFoundError);

    expect(scenarios.countAll()).toBe(2); // deleted ones still count

    expect(scenarios.restoreScenario(a.id)).toBe(true);
    expect(scenarios.restoreScenario(a.id)).toBe(false);
    expect(scenarios.getScenario(a.id)).toEqual(a);
    expect(scenarios.listScenarios().map((s) => s.name).sort()).toEqual(['A', 'B']);
    library.close();
  });

  it('keeps versions immutable: an UPDATE raises', () => {
    const library = open();
    const a = library.scenarios.createScenario(scenarioInput('A'));
    library.close();
    const db = new Database(library.path);
    expect(() => db.prepare("UPDATE scenario_versions SET json = '{}' WHERE id = ?").run(a.versionId)).toThrow(
      /scenario versions are immutable/,
    );
    db.close();
  });

  it('rejects malformed input at the schema', () => {
    const library = open();
    expect(() => library.scenarios.createScenario({ ...scenarioInput('A'), sha256: 'short' })).toThrow(/CHECK/);
    expect(library.scenarios.listScenarios()).toEqual([]); // the transaction left nothing behind
    library.close();
  });
});
