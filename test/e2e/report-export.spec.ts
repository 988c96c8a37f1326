// "Export report…" in the browser preview: a finished run's report downloads as a file — the
// same self-contained HTML and Markdown memo as `headroom run --out` — carrying the figures the
// app shows; PDF downloads the HTML, and the app says to print it.
import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { inReportLocale, num } from '../../electron/backend/report/format';
import { collectConsoleProblems, expect, runQuickRiskCopy, test } from './fixtures';

async function exportAs(page: Page, format: string): Promise<{ download: Download; text: string }> {
  await page.getByLabel('Report format').selectOption({ label: format });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export report…' }).click()]);
  const file = await download.path();
  return { download, text: fs.readFileSync(file, 'utf8') };
}

test('a finished run exports its report as HTML, a Markdown memo, and HTML to print as PDF', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  await runQuickRiskCopy(page, appUrl, 'E2E report export');

  // The p99 the app shows for the service, e.g. "p99 1,349 ms: over the 200 ms budget by …".
  const note = page.locator('.chart-note').filter({ hasText: /^p99 / }).first();
  await expect(note).toBeVisible({ timeout: 60_000 });
  const shown = /^p99 ([\d,.]+) ms:/.exec((await note.textContent()) ?? '')?.[1];
  expect(shown).toBeTruthy();
  // Reports round to about three significant digits (the app keeps one decimal under 1,000 ms).
  const p99 = `${num(Number(shown!.replace(/,/g, '')))} ms`;

  // Keyboard reachable: the format and the button take focus in order.
  const format = page.getByLabel('Report format');
  const button = page.getByRole('button', { name: 'Export report…' });
  await expect(button).toBeEnabled();
  await format.focus();
  await page.keyboard.press('Tab');
  await expect(button).toBeFocused();

  const html = await exportAs(page, 'HTML');
  expect(html.download.suggestedFilename()).toMatch(/^e2e-report-export-run-[0-9a-f]{8}\.html$/);
  expect(html.text).toMatch(/^<!DOCTYPE html>/i);
  expect(html.text).toContain('<h1>E2E report export</h1>');
  expect(html.text).toContain(`p99 latency ${p99}`);
  // Self-contained: no scripts, no linked stylesheets, images or fonts, no external URLs.
  expect(html.text).not.toMatch(/<script|<link|<img|<iframe|src=|url\(|https?:\/\//i);
  await expect(page.getByRole('status').filter({ hasText: `Report downloaded: ${html.download.suggestedFilename()}` })).toBeVisible();

  const md = await exportAs(page, 'Markdown memo');
  expect(md.download.suggestedFilename()).toMatch(/^e2e-report-export-run-[0-9a-f]{8}\.md$/);
  expect(md.text).toContain('E2E report export');
  expect(md.text).toContain(`p99 latency ${p99}`);

  // PDF: a browser cannot write one by itself; the app says what happens, then downloads the HTML.
  await format.selectOption({ label: 'PDF' });
  await expect(page.getByText('The browser preview downloads the HTML report: open it and print it to PDF')).toBeVisible();
  const pdf = await exportAs(page, 'PDF');
  expect(pdf.download.suggestedFilename()).toMatch(/\.html$/);
  expect(pdf.text).toBe(html.text);
  await expect(page.getByRole('status').filter({ hasText: 'open it and print it to PDF' })).toBeVisible();

  expect(problems).toEqual([]);
});

test.describe('in a German browser', () => {
  test.use({ locale: 'de-DE' });

  test('the exported memo spells numbers as the app does (1.234,5), the CSV keeps plain numbers', async ({ page, appUrl }) => {
    const problems = collectConsoleProblems(page);
    await runQuickRiskCopy(page, appUrl, 'E2E report export de');
    const note = page.locator('.chart-note').filter({ hasText: /^p99 / }).first();
    await expect(note).toBeVisible({ timeout: 60_000 });
    // The app's "p99 1.349 ms" or "p99 843,9 ms": German grouping and decimal mark.
    const shown = /^p99 ([\d.,]+) ms:/.exec((await note.textContent()) ?? '')?.[1];
    expect(shown).toBeTruthy();
    const p99 = inReportLocale('de-DE', () => `${num(Number(shown!.replace(/\./g, '').replace(',', '.')))} ms`);
    const md = await exportAs(page, 'Markdown memo');
    expect(md.text).toContain(`p99 latency ${p99}`);
    expect(md.text).toMatch(/\d,\d%/);
    const csv = await exportAs(page, 'CSV of the metrics');
    // mean, ci95_low, ci95_high, analytic: empty or a number as JavaScript writes it ("0.7516").
    const cells = csv.text.trim().split('\r\n').slice(1).flatMap((line) => line.split(',').slice(3, 7)).filter((c) => c !== '');
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.filter((c) => String(Number(c)) !== c)).toEqual([]);
    expect(cells.some((c) => c.includes('.'))).toBe(true);
    expect(problems).toEqual([]);
  });
});
