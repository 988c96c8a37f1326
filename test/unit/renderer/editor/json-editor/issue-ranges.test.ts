import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, parseScenarioText, type ValidationIssue } from '../../../../../simulation';
import { issueRanges, parseIssuePath } from '../../../../../renderer/editor/json-editor/issue-ranges';

const EXAMPLE = fs.readFileSync(path.resolve(__dirname, '../../../../../assets/examples/risk-model-api.json'), 'utf8');

/** The problems the store would hold for `text` (the CLI's parser). */
function problems(text: string): ValidationIssue[] {
  const parse = parseScenarioText(text);
  if (parse.ok) throw new Error('expected the text to be invalid');
  return parse.errors;
}

/** Each problem's marked text and its 1-based line. */
function marked(text: string, issues = problems(text)) {
  return issueRanges(text, issues).map(({ from, to, issue }) => ({
    path: issue.path,
    text: text.slice(from, to),
    line: text.slice(0, from).split('\n').length,
  }));
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('parseIssuePath', () => {
  it('reads keys, indices and quoted keys', () => {
    expect(parseIssuePath('serving.services[0].replicas')).toEqual(['serving', 'services', 0, 'replicas']);
    expect(parseIssuePath('pipeline.tasks[2]["odd key"]')).toEqual(['pipeline', 'tasks', 2, 'odd key']);
    expect(parseIssuePath('a["b.c"]["say \\"[hi]\\""][10].d')).toEqual(['a', 'b.c', 'say "[hi]"', 10, 'd']);
    expect(parseIssuePath('[3]')).toEqual([3]);
    expect(parseIssuePath('(root)')).toEqual([]);
  });

  it('names no field for syntax errors, the "more problems" note or a malformed path', () => {
    expect(parseIssuePath('(json)')).toBeNull();
    expect(parseIssuePath('(scenario)')).toBeNull();
    expect(parseIssuePath('a[x]')).toBeNull();
    expect(parseIssuePath('a["open')).toBeNull();
    expect(parseIssuePath('a..b')).toBeNull();
  });

  it('reads back every path formatPath writes', () => {
    const segment = fc.oneof(fc.string(), fc.nat(1000), fc.constantFrom('odd key', 'a.b', '[0]', '"q"', 'back\\slash', ' '));
    const reserved = new Set(['(root)', '(json)', '(scenario)']);
    fc.assert(fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
      fc.pre(!(typeof segments[0] === 'string' && reserved.has(segments[0])));
      expect(parseIssuePath(formatPath(segments))).toEqual(segments);
    }), { numRuns: 500 });
  });
});

describe('issueRanges (problems from the CLI parser, placed in the text)', () => {
  it('marks a nested value in an array element', () => {
    const text = EXAMPLE.replace('"replicas": 8', '"replicas": -1');
    expect(marked(text)).toEqual([{ path: 'serving.services[0].replicas', text: '-1', line: lineOf(text, '"replicas"') }]);
  });

  it('marks the element of the index the path names', () => {
    const text = EXAMPLE.replace('"id": "transform_records", "duration_s": 1440', '"id": "transform_records", "duration_s": -5');
    expect(marked(text)).toEqual([{ path: 'pipeline.tasks[2].duration_s', text: '-5', line: lineOf(text, 'transform_records"') }]);
  });

  it('marks an unknown field whose key needs quoting', () => {
    const text = EXAMPLE.replace('{ "id": "transform_records",', '{ "odd key": true, "id": "transform_records",');
    expect(marked(text)).toEqual([{ path: 'pipeline.tasks[2]["odd key"]', text: 'true', line: lineOf(text, '"odd key"') }]);
  });

  it('marks a missing field at its object: the key, or the brace of an array element', () => {
    const noRate = EXAMPLE.replace('"process": "poisson", "rate_rps": 1200', '"process": "poisson"');
    const [rate] = marked(noRate);
    expect(rate).toMatchObject({ path: 'serving.services[0].arrivals.rate_rps', text: '"arrivals"', line: lineOf(noRate, '"arrivals"') });

    const noReplicas = EXAMPLE.replace('"replicas": 8,\n', '');
    const [replicas] = marked(noReplicas);
    expect(replicas!.path).toBe('serving.services[0].replicas');
    expect(replicas!.text).toBe('{');
    expect(replicas!.line).toBe(lineOf(noReplicas, '"id": "risk_model_api"') - 1);
  });

  it('marks an object that is wrong as a whole by its key, not the whole block', () => {
    const text = EXAMPLE.replace('"warmup_s": 60', '"warmup_s": 600');
    expect(marked(text)).toEqual([{ path: 'warmup_s', text: '600', line: 8 }]);
    const root = issueRanges(EXAMPLE, [{ path: '(root)', message: 'm' }, { path: 'serving', message: 'm' }]);
    expect(root.map((r) => EXAMPLE.slice(r.from, r.to))).toEqual(['{', '"serving"']);
  });

  it('places a syntax error at the line and column the parser reports', () => {
    const text = EXAMPLE.replace('"seed": 1,', '"seed": 1');
    const [issue] = problems(text);
    expect(issue!.message).toMatch(/^JSON syntax error at line 6, column 3:/);
    const [range] = issueRanges(text, [issue!]);
    expect(text.slice(range!.from, range!.to)).toBe('"'); // the "replications" key that needed a comma before it
    expect(text.slice(0, range!.from).split('\n').length).toBe(6);
  });

  it('places a syntax error at the end of the text, and skips the "more problems" note', () => {
    const text = '{"a": [1, 2';
    const issues = problems(text);
    expect(issueRanges(text, issues).map((r) => [r.from, r.to])).toEqual([[text.length, text.length]]);
    expect(issueRanges(EXAMPLE, [{ path: '(scenario)', message: 'and 3 more problems like these' }])).toEqual([]);
  });

  it('marks the nearest existing ancestor of a path the text does not have', () => {
    const [r] = issueRanges(EXAMPLE, [{ path: 'serving.services[5].replicas', message: 'm' }]);
    expect(EXAMPLE.slice(r!.from, r!.to)).toBe('"services"');
  });
});
