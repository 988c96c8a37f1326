// An imported result (a run computed by the CLI, docs/scale-out.md) opens as a local run would:
// its scenario, then that run selected with its result; the toast says what was kept, or that
// it was kept before.
import { describe, expect, it } from 'vitest';
import type { ImportedResult, ImportResult } from '../../../../electron/common/contract';
import { importToast } from '../../../../renderer/store/import-toast';
import { makeStore, openExample, settle, stubBrowserForEachTest } from './store-harness';

stubBrowserForEachTest();

const kept = (over: Partial<ImportedResult> = {}): ImportedResult => ({
  kind: 'run', file: 'merged.json', id: 'r1', scenarioId: 's1', scenarioName: 'Chat', scenarioVersion: 3, alreadyImported: false, missingShards: [], ...over,
});
const answer = (results: ImportedResult[], over: Partial<ImportResult> = {}): ImportResult => ({ imported: [], results, problems: [], ...over });

describe('the toast after an import', () => {
  it('says what was kept, partial or before, beside scenarios and refused files', () => {
    expect(importToast(answer([kept()]))).toBe('Imported a run of “Chat” v3');
    expect(importToast(answer([kept({ kind: 'sweep', missingShards: [2] })]))).toBe('Imported a sweep of “Chat” v3 (partial: 1 shard missing)');
    expect(importToast(answer([kept({ alreadyImported: true })]))).toBe('This run of “Chat” v3 was imported before');
    expect(importToast(answer([kept(), kept({ alreadyImported: true })]))).toBe('Imported 1 result (1 imported before)');
    const problems = [{ file: 'x.json', path: 'scenario.sha256', message: 'no scenario version…' }];
    expect(importToast(answer([kept()], { problems }))).toBe('Imported a run of “Chat” v3 (some files were refused)');
    expect(importToast(answer([], { problems }))).toBeNull();
    expect(importToast({ imported: [], problems: [] })).toBeNull();
  });
});

describe('opening an imported run', () => {
  it('opens its scenario and selects that run (not the newest) with its result', async () => {
    const { store, fake } = makeStore();
    const scenarioId = await openExample(store);
    await store.getState().startRun();
    const older = store.getState().activeRunId!;
    fake.finishRun(older, 'done');
    await settle();
    await store.getState().startRun();
    const newer = store.getState().activeRunId!;
    fake.finishRun(newer, 'done');
    await settle();
    await openExample(store, 'risk-model-api');
    expect(store.getState().editorScenarioId).not.toBe(scenarioId);

    fake.importAnswer = answer([kept({ id: older, scenarioId, scenarioName: 'Small API', scenarioVersion: 1 })]);
    await store.getState().importScenarios();
    await settle();
    const s = store.getState();
    expect(s.editorScenarioId).toBe(scenarioId);
    expect(s.selectedRunId).toBe(older);
    expect(s.resultStatus).toBe('ready');
    expect(s.results[older]).toBeDefined();
    expect(s.toast?.message).toBe('Imported a run of “Small API” v1');
  });
});
