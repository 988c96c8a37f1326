import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inputMatches, numberFromInput } from '../../../renderer/editor/field-input';
import { issuesAt } from '../../../renderer/editor/field-issues';
import { getAtPath, setAtPath } from '../../../renderer/editor/json-path';
import { formatScenarioJson } from '../../../renderer/editor/scenario-json-format';
import { EMPTY_HISTORY, recordEdit, redoText, undoText } from '../../../renderer/editor/text-history';
import { parseScenarioText } from '../../../simulation/scenario/validate';

const example = readFileSync(new URL('../../../assets/examples/risk-model-api.json', import.meta.url), 'utf8');

describe('json-path', () => {
  it('reads, writes and deletes without mutating the original', () => {
    const raw = JSON.parse(example) as unknown;
    const path = ['serving', 'services', 0, 'replicas'] as const;
    const next = setAtPath(raw, path, 10);
    expect(getAtPath(next, path)).toBe(10);
    expect(getAtPath(raw, path)).toBe(8);
    const without = setAtPath(raw, ['serving', 'services', 0, 'latency_ms', 'feature'], undefined);
    expect(getAtPath(without, ['serving', 'services', 0, 'latency_ms'])).toEqual({ network: 35, postprocess: 20 });
    expect(Array.isArray(getAtPath(next, ['serving', 'services']))).toBe(true);
  });
});

describe('formatScenarioJson', () => {
  it('round-trips the bundled example and keeps short containers on one line', () => {
    const raw = JSON.parse(example) as unknown;
    const text = formatScenarioJson(raw);
    expect(JSON.parse(text)).toEqual(raw);
    expect(text).toContain('{ "id": "ingest_raw_data", "duration_s": 1080, "failure_probability": 0.03 }');
    expect(text).toContain('["ingest_raw_data", "validate_schema"]');
    const containerLines = text.split('\n').filter((l) => !l.includes('"description"'));
    expect(Math.max(...containerLines.map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(parseScenarioText(text).ok).toBe(true);
  });
});

describe('text history', () => {
  it('coalesces quick edits of one field and undoes/redoes them as one step', () => {
    let h = recordEdit(EMPTY_HISTORY, 'a', 'name', 0);
    h = recordEdit(h, 'ab', 'name', 300);
    h = recordEdit(h, 'abc', 'replicas', 400);
    expect(h.past).toEqual(['a', 'abc']);
    const u1 = undoText(h, 'abcd')!;
    expect(u1.text).toBe('abc');
    const u2 = undoText(u1.history, u1.text)!;
    expect(u2.text).toBe('a');
    expect(undoText(u2.history, u2.text)).toBeNull();
    const r = redoText(u2.history, u2.text)!;
    expect(r.text).toBe('abc');
    expect(redoText(r.history, r.text)!.text).toBe('abcd');
  });

  it('does not coalesce edits separated by a pause, and a new edit clears redo', () => {
    let h = recordEdit(EMPTY_HISTORY, 'a', 'json', 0);
    h = recordEdit(h, 'ab', 'json', 5000);
    expect(h.past).toEqual(['a', 'ab']);
    const u = undoText(h, 'abc')!;
    expect(recordEdit(u.history, u.text, 'json', 9000).future).toEqual([]);
  });
});

describe('form field input', () => {
  it('maps text to a JSON value: empty removes, numbers are numbers, the rest is kept for the validator', () => {
    expect(numberFromInput('')).toBeUndefined();
    expect(numberFromInput(' 12.5 ')).toBe(12.5);
    expect(numberFromInput('1e3')).toBe(1000);
    expect(numberFromInput('12a')).toBe('12a');
    expect(inputMatches('1.', 1)).toBe(true);
    expect(inputMatches('2', 1)).toBe(false);
  });

  it('attributes issues to a field and the fields below it', () => {
    const issues = [
      { path: 'serving.services[0].service_time_ms.mean', message: 'must be a number > 0' },
      { path: 'serving.services[0].replicas', message: 'is required' },
      { path: 'serving.services[0].replicas_extra', message: 'unknown field' },
    ];
    expect(issuesAt(issues, 'serving.services[0].service_time_ms')).toHaveLength(1);
    expect(issuesAt(issues, 'serving.services[0].replicas')).toHaveLength(1);
    expect(issuesAt(issues, 'serving.services[0]')).toHaveLength(3);
  });
});
