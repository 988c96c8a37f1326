// Number formatting, report kinds, target checks and atomic writing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReportTarget, findChromium, reportKindOf, ReportError, writeReport } from '../../../electron/backend/report';
import { num, pct, statText } from '../../../electron/backend/report/format';
import { riskExample } from './fixtures';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-report-'));

describe('report number formatting', () => {
  it('shows a mean and its CI in one unit, with decimals the interval warrants', () => {
    expect(statText({ mean: 1349, ci95: [795.885, 1902.115] }, 'ms')).toBe('1,349 ms [796, 1,902]');
    expect(statText({ mean: 0.7629999999999999, ci95: [0.72098, 0.80501] }, 'fraction')).toBe('76.3% [72.1, 80.5]');
    expect(statText({ mean: 0.99912, ci95: [0.99839, 0.99985] }, 'fraction')).toBe('99.91% [99.84, 99.98]');
    expect(statText({ mean: 25391.7, ci95: [11470.6, 39312.9] }, 's')).toBe('7.05 h [3.19, 10.92]');
    expect(statText({ mean: -1149, ci95: [-1702.1, -595.9] }, 'ms')).toBe('−1,149 ms [−1,702, −596]');
    expect(statText({ mean: 180, ci95: [180, 180] }, 'ms')).toBe('180 ms');
    expect(statText(null, 'ms')).toBe('—');
  });

  it('never prints NaN, Infinity or long floats', () => {
    expect(num(Number.NaN)).toBe('—');
    expect(num(null)).toBe('—');
    expect(num(0.1 + 0.2)).toBe('0.3');
    expect(num(-0.0001, 2)).toBe('0.00');
    expect(pct(0.75158755814774)).toBe('75.2%');
    expect(pct(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('report kinds and targets', () => {
  it('takes the kind from the extension', () => {
    expect(['a.html', 'b.PDF', 'c.csv', 'd.md', 'e.json', 'f.txt', 'g'].map(reportKindOf)).toEqual(['html', 'pdf', 'csv', 'md', 'json', null, null]);
  });

  it('refuses an unknown extension, listing the kinds, and an unwritable folder, naming the path', () => {
    expect(() => checkReportTarget(path.join(tmp, 'r.docx'))).toThrow(/\.html, \.pdf, \.csv, \.md, \.json/);
    const missing = path.join(tmp, 'no-such-folder', 'r.html');
    expect(() => checkReportTarget(missing)).toThrow(ReportError);
    expect(() => checkReportTarget(missing)).toThrow(missing);
    fs.mkdirSync(path.join(tmp, 'folder.html'));
    expect(() => checkReportTarget(path.join(tmp, 'folder.html'))).toThrow(/it is a folder/);
  });

  it('reports a HEADROOM_CHROMIUM that is not an executable', () => {
    const env = { HEADROOM_CHROMIUM: path.join(tmp, 'nope') };
    expect(findChromium(env)).toBeNull();
    expect(() => checkReportTarget(path.join(tmp, 'r.pdf'), env)).toThrow(/HEADROOM_CHROMIUM=.*nope is not an executable file\. PDF reports need Chromium or Chrome/);
  });

  it('writes atomically, leaving no temporary file, and replaces an existing report', async () => {
    const { doc, raw } = riskExample();
    const file = path.join(tmp, 'memo.md');
    fs.writeFileSync(file, 'old');
    expect(await writeReport(file, doc, raw)).toBe('md');
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^# Capacity memo: /);
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const json = path.join(tmp, 'doc.json');
    await writeReport(json, doc);
    expect(fs.readFileSync(json, 'utf8')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });
});
