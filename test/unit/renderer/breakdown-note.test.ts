// The latency breakdown stacks means, so its note claims nothing about the SLO: it states the mean
// total and where the budget applies, in a neutral tone, whether the mean is under or over.
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { BreakdownFigure } from '../../../renderer/charts/BreakdownFigure';
import { breakdownNote } from '../../../renderer/charts/latency-breakdown';
import type { Stat } from '../../../simulation/result/types';

const s = (mean: number): Stat => ({ mean, ci95: [mean - 1, mean + 1] });
const ms = (x: number) => `${x} ms`;

describe('breakdownNote', () => {
  it('names the mean total and the percentile the budget applies to', () => {
    expect(breakdownNote(1765, 2000, 99, ms)).toBe('Mean total 1765 ms; the 2000 ms budget applies to the p99');
    expect(breakdownNote(250, 200, 99.9, ms)).toBe('Mean total 250 ms; the 200 ms budget applies to the p99.9');
    expect(breakdownNote(150, 200, null, ms)).toBe('Mean total 150 ms; the 200 ms budget applies to the SLO percentile');
  });

  it('is neutral in the figure, under or over the budget: no green "≤ budget" beside a percentile SLO', () => {
    for (const queue of [10, 5000]) {
      const html = renderToStaticMarkup(createElement(BreakdownFigure, {
        serviceId: 'svc', components: { feature: s(45), queue: s(queue), service: s(80), network: s(35), postprocess: s(20) }, budgetMs: 200, sloPercentile: 99, width: 600,
      }));
      expect(html).toContain('<p class="chart-note neutral">Mean total ');
      expect(html).toContain('the 200 ms budget applies to the p99</p>');
      expect(html).not.toMatch(/chart-note (ok|over)/);
    }
  });
});
