// Appending imported jobs to the scenario text: one job per line after the last one, the rest of
// the text untouched, and the result parses to the same jobs.
import { describe, expect, it } from 'vitest';
import { appendJobsText, oneLineJson } from '../../../../renderer/editor/cluster/jobs-text';

const JOBS = [
  { id: 'x', pool: 'gpu', arrival_s: 0, units: 2, steps: 10, step_time_s: 1.5 },
  { id: 'y', pool: 'gpu', arrival_s: 5, units: 1, steps: 3, step_time_s: 0.25, priority: 2 },
];

const TEXT = `{
  "name": "keep   my spacing",
  "cluster": {
    "pools": [ { "id": "gpu", "units": 8 } ],
    "jobs": [
      { "id": "a", "pool": "gpu", "arrival_s": 0, "units": 1, "steps": 1, "step_time_s": 1 }
    ],
    "stragglers": {}
  }
}
`;

describe('appendJobsText', () => {
  it('appends one line per job after the last job, indented alike, and changes nothing else', () => {
    const out = appendJobsText(TEXT, JOBS);
    const anchor = '"step_time_s": 1 }';
    const at = TEXT.indexOf(anchor) + anchor.length;
    expect(out.slice(0, at)).toBe(TEXT.slice(0, at));
    expect(out.endsWith(TEXT.slice(at))).toBe(true);
    expect(out.slice(at, out.length - (TEXT.length - at))).toBe(
      ',\n      { "id": "x", "pool": "gpu", "arrival_s": 0, "units": 2, "steps": 10, "step_time_s": 1.5 }' +
      ',\n      { "id": "y", "pool": "gpu", "arrival_s": 5, "units": 1, "steps": 3, "step_time_s": 0.25, "priority": 2 }',
    );
    expect(JSON.parse(out).cluster.jobs.map((j: { id: string }) => j.id)).toEqual(['a', 'x', 'y']);
  });

  it('fills an empty list and creates a missing one', () => {
    const empty = TEXT.replace(/"jobs": \[[^\]]*\]/, '"jobs": []');
    const filled = appendJobsText(empty, JOBS);
    expect(JSON.parse(filled).cluster.jobs).toEqual(JOBS);
    expect(filled).toContain('"jobs": [\n      { "id": "x"');
    expect(filled).toContain('"priority": 2 }\n    ]');
    const missing = TEXT.replace(/"jobs": \[[^\]]*\],\n\s*/, '');
    expect(JSON.parse(missing).cluster.jobs).toBeUndefined();
    expect(JSON.parse(appendJobsText(missing, JOBS)).cluster.jobs).toEqual(JOBS);
  });

  it('keeps CRLF line ends and appends to a list written on one line', () => {
    const crlf = TEXT.replace(/\n/g, '\r\n');
    const out = appendJobsText(crlf, JOBS);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(JSON.parse(out).cluster.jobs).toHaveLength(3);
    const inline = '{"cluster":{"pools":[{"id":"gpu","units":8}],"jobs":[{"id":"a"}]}}';
    expect(JSON.parse(appendJobsText(inline, JOBS)).cluster.jobs.map((j: { id: string }) => j.id)).toEqual(['a', 'x', 'y']);
  });

  it('appends thousands of jobs quickly (the form\'s edit path takes seconds for hundreds)', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ ...JOBS[0], id: `j${i}` }));
    const t = performance.now();
    const out = appendJobsText(TEXT, many);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(JSON.parse(out).cluster.jobs).toHaveLength(2001);
  });

  it('leaves the text alone when there is nothing to add', () => {
    expect(appendJobsText(TEXT, [])).toBe(TEXT);
  });
});

describe('oneLineJson', () => {
  it('writes keys in order on one spaced line and skips undefined values', () => {
    expect(oneLineJson({ id: 'a"b', n: 1, skip: undefined, d: { dist: 'fixed', value: 2 } })).toBe('{ "id": "a\\"b", "n": 1, "d": {"dist":"fixed","value":2} }');
    expect(oneLineJson({})).toBe('{}');
  });
});
