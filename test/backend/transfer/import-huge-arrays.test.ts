// Imports of files with huge arrays (found by test/fuzz/import-bundle.fuzz.test.ts: 100,000 bad
// items gave 100,000+ problems, and spreading them into one list overflowed the stack, an
// internal error): refused with the first problems and a count of the rest; 300,000 prototype
// keys are all found (their list is built without spreading one into another).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forbiddenKeyPaths } from '../../../electron/backend/transfer/json-safety';
import { closeTempBackend, openTempBackend, quickExample, type TempBackend } from '../temp-backend';

let t: TempBackend;
beforeEach(() => { t = openTempBackend('headroom-import-huge-'); });
afterEach(async () => { await closeTempBackend(t); });

describe('huge arrays at import', () => {
  it('100,000 bad tasks: refused with 200 problems and a count of the rest, nothing imported', async () => {
    const s = JSON.parse(quickExample()) as { pipeline: { tasks: unknown[] } };
    s.pipeline.tasks = Array.from({ length: 100_000 }, () => ({}));
    const result = await t.backend.importScenarios([{ name: 'huge.json', text: JSON.stringify(s) }]);
    expect(result.imported).toEqual([]);
    expect(result.problems).toHaveLength(201);
    expect(result.problems[200]).toEqual({ file: 'huge.json', path: '(file)', message: expect.stringMatching(/^and \d+ more problems like these$/) });
    expect(await t.backend.listScenarios()).toEqual([]);
  });

  it('300,000 objects with a __proto__ key each: every path found', () => {
    const text = `{"tasks":[${Array.from({ length: 300_000 }, () => '{"__proto__":1}').join(',')}]}`;
    const paths = forbiddenKeyPaths(JSON.parse(text));
    expect(paths).toHaveLength(300_000);
    expect(paths[299_999]).toBe('tasks[299999].__proto__');
  });
});
