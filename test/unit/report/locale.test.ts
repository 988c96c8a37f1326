// Reports in the user's locale: the HTML (tables and charts) and the memo spell numbers as the
// locale does; the CSV stays plain numbers; en-US is the default and what an unknown tag gives.
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../electron/backend/report';
import { inReportLocale, num, statText } from '../../../electron/backend/report/format';
import { isLocaleTag, reportLocale } from '../../../electron/common/locale';
import { formatNumber } from '../../../renderer/format/numbers';
import { clusterExample, riskExample } from './fixtures';

/** The text outside tags, with the engine version ("0.2.0", not a number) taken out. */
const words = (text: string, version: string) => text.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]*>/g, ' ').split(version).join('V');
/** en-US numbers respelled as de-DE writes them: "1,234.5" → "1.234,5" (not "p99.9", a name). */
const asGerman = (text: string) => text.replace(/(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?/g, (n) => n.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')));

describe('report locale', () => {
  it('spells the helpers in the locale for one render, then returns to en-US', () => {
    expect(inReportLocale('de-DE', () => [num(1234.5, 1), statText({ mean: 1349, ci95: [795.885, 1902.115] }, 'ms'), formatNumber(1234.5, 1)]))
      .toEqual(['1.234,5', '1.349 ms [796, 1.902]', '1.234,5']);
    expect(num(1234.5, 1)).toBe('1,234.5');
    expect(formatNumber(1234.5, 1)).toBe('1,234.5');
    expect(() => inReportLocale('de-DE', () => { throw new Error('boom'); })).toThrow('boom');
    expect(num(1234.5, 1)).toBe('1,234.5');
  });

  it('writes the HTML tables and charts and the memo in de-DE, the CSV in plain numbers', () => {
    const { raw, doc } = riskExample();
    for (const kind of ['html', 'md'] as const) {
      const us = words(renderReport(kind, doc, raw), doc.engine.version);
      const de = words(renderReport(kind, doc, raw, 'de-DE'), doc.engine.version);
      expect(de).not.toBe(us);
      // The same figures, every one of them respelled (tables, headlines, chart labels and ticks).
      expect(de).toBe(asGerman(us));
    }
    expect(num(1234, 0)).toBe('1,234'); // en-US again after the render
    const html = renderReport('html', doc, raw, 'de-DE');
    // A latency chart's <desc> is written by the app's chart component, in the report's locale.
    expect(html.match(/<desc[^>]*>([^<]*)<\/desc>/)?.[1]).toMatch(/\d,\d/);
    const csv = renderReport('csv', doc, raw, 'de-DE');
    expect(csv).toBe(renderReport('csv', doc, raw));
    expect(csv).toMatch(/,\d+\.\d+,/); // plain JavaScript numbers: "0.7516", no grouping
    expect(renderReport('json', doc, raw, 'de-DE')).toBe(renderReport('json', doc, raw));
  });

  it('is en-US by default, for a malformed tag and for a tag this runtime does not support', () => {
    const { raw, doc } = clusterExample();
    const html = renderReport('html', doc, raw);
    expect(renderReport('html', doc, raw, 'en-US')).toBe(html);
    expect(renderReport('html', doc, raw, 'xx-YY')).toBe(html);
    expect(renderReport('md', doc, raw, 'not a tag')).toBe(renderReport('md', doc, raw));
  });

  it('checks the tag and falls back to en-US', () => {
    expect(['de-DE', 'en', 'zh-Hant-TW', 'fr-CA'].every(isLocaleTag)).toBe(true);
    expect(['', 'e', 'de_DE', 'de-', '-DE', `en-${'a'.repeat(40)}`, 'de-DE-x-verylongsubtag1'].some(isLocaleTag)).toBe(false);
    expect(reportLocale('de-de')).toBe('de-DE');
    expect(reportLocale('xx-YY')).toBe('en-US');
    expect(reportLocale('en-US-US')).toBe('en-US');
    expect(reportLocale(null)).toBe('en-US');
  });
});
