// `headroom run … --out FILE` as users run it: the built bundle in a child process, real files.
// The tests run concurrently (runCli runs two children at a time); each writes its own files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { runCli, type CliResult } from './run-cli';

const root = path.resolve(__dirname, '..', '..');
const example = path.join(root, 'assets', 'examples', 'risk-model-api.json');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-report-cli-'));
// Short runs: the example's three sections, two replications, 70 s of serving (60 s warm-up),
// one worker thread. What these tests check (the files, their ids, locale, escaping, the partial
// mark, the refusals) depends neither on the length nor on the thread count (results are
// byte-identical whatever it is), and each spared second and worker start is paid 11 times.
const quick = ['--replications', '2', '--horizon-s', '70', '--threads', '1'];

function headroom(args: string[], env: Record<string, string> = {}) {
  return runCli(args, { env: { ...process.env, HEADROOM_DATA_DIR: path.join(tmp, 'never-created'), ...env } });
}

const CHROMIUM = '/usr/bin/chromium';

/**
 * `run example --out <folder>/r.<kind>` in the default locale, once per kind: the en-US files the
 * locale test compares with are the same command, so it reads these. Each kind has a folder of
 * its own: no other report is being written beside it when its test looks for .tmp files.
 */
const defaultReports = new Map<string, Promise<{ dir: string; out: string; r: CliResult }>>();
function defaultReport(kind: string) {
  let report = defaultReports.get(kind);
  if (!report) {
    const dir = fs.mkdtempSync(path.join(tmp, `${kind}-`));
    const out = path.join(dir, `r.${kind}`);
    report = headroom(['run', example, ...quick, '--out', out]).then((r) => ({ dir, out, r }));
    defaultReports.set(kind, report);
  }
  return report;
}

describe.concurrent('headroom run --out', () => {
  it.for(['html', 'md', 'csv', 'json'])('writes a .%s report for the bundled example and exits 0', async (kind, { expect }) => {
    const { dir, out, r } = await defaultReport(kind);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`headroom: wrote ${out}`);
    const text = fs.readFileSync(out, 'utf8');
    // The memo escapes Markdown punctuation in ids (risk\_model\_api renders as risk_model_api).
    for (const id of ['risk_model_api', 'gpu_pool_a', 'train_model']) expect(text).toContain(kind === 'md' ? id.replace(/_/g, '\\_') : id);
    if (kind === 'html') {
      expect(text.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(text).not.toMatch(/https?:\/\/|<script/i);
    }
    if (kind === 'md') expect(text).toMatch(/^# Capacity memo: Risk model API/);
    if (kind === 'csv') expect(text.split('\r\n')[0]).toBe('section,entity,metric,mean,ci95_low,ci95_high,analytic,unit');
    if (kind === 'json') expect(JSON.parse(text)).toMatchObject({ format: 'headroom.result/v1', replications: 2 });
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('works with --json: stdout gets the document, the .json report is the same bytes', async ({ expect }) => {
    const out = path.join(tmp, 'same.json');
    const r = await headroom(['run', example, ...quick, '--json', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout) as { engine: { wall_ms: number } };
    const b = JSON.parse(fs.readFileSync(out, 'utf8')) as { engine: { wall_ms: number } };
    expect(b).toEqual(a);
    expect(fs.readFileSync(out, 'utf8')).toBe(r.stdout);
  });

  it('spells the report in --locale, en-US by default; the CSV keeps plain numbers', async ({ expect }) => {
    const outs = Object.fromEntries(['de.html', 'de.md', 'de.csv'].map((f) => [f, path.join(tmp, `locale-${f}`)]));
    const runs = await Promise.all([
      ...Object.values(outs).map((file) => headroom(['run', example, ...quick, '--locale', 'de-DE', '--out', file])),
      ...['html', 'csv'].map(async (kind) => {
        const { out, r } = await defaultReport(kind);
        outs[`us.${kind}`] = out;
        return r;
      }),
    ]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const read = (name: string) => fs.readFileSync(outs[name]!, 'utf8');
    // The wall-clock time is a real measurement: compare the figures around it, not whole files.
    expect(read('us.html')).toMatch(/<th scope="row">Seed<\/th><td>\d+<\/td>/);
    for (const name of ['de.html', 'de.md']) {
      expect(read(name), name).toMatch(/\d,\d%/); // "89,4%"
      expect(read(name).replace(/\d+\.\d+\.\d+/g, ''), name).not.toMatch(/\d\.\d%/); // the version aside
    }
    expect(read('us.html')).toMatch(/\d\.\d%/);
    expect(read('us.html')).not.toMatch(/\d,\d%/);
    expect(read('de.csv').split('\r\n')[0]).toBe('section,entity,metric,mean,ci95_low,ci95_high,analytic,unit');
    expect(read('de.csv').replace(/engine\.wall_ms,[^\r]*/, '')).toBe(read('us.csv').replace(/engine\.wall_ms,[^\r]*/, ''));
  });

  it('refuses a malformed --locale, or one without --out, naming --locale (exit 2), before simulating', async ({ expect }) => {
    const cases = [['--locale', 'de_DE', '--out', path.join(tmp, 'bad.html')], ['--locale', `en-${'x'.repeat(40)}`, '--out', path.join(tmp, 'bad.md')], ['--locale', 'de-DE']];
    const runs = await Promise.all(cases.map((args) => headroom(['run', example, ...quick, ...args])));
    for (const [i, args] of cases.entries()) {
      const r = runs[i]!;
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^--locale: /m);
      expect(r.stdout).toBe('');
    }
    expect(fs.existsSync(path.join(tmp, 'bad.html'))).toBe(false);
  });

  it('still writes the report of a truncated run, marked partial, and exits 3', async ({ expect }) => {
    const out = path.join(tmp, 'partial.html');
    const md = path.join(tmp, 'partial.md');
    const [r, rmd] = await Promise.all([out, md].map((file) => headroom(['run', example, ...quick, '--max-events', '20000', '--out', file])));
    expect(r!.code).toBe(3);
    expect(fs.readFileSync(out, 'utf8')).toContain('PARTIAL RESULT: the run stopped early (max_events)');
    expect(r!.stderr).toContain('partial');
    expect(rmd!.code).toBe(3);
    expect(fs.readFileSync(md, 'utf8')).toContain('**PARTIAL RESULT');
  });

  it('refuses an unknown extension before simulating: exit 2 naming --out and the kinds', async ({ expect }) => {
    const r = await headroom(['run', example, ...quick, '--out', path.join(tmp, 'r.docx')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--out');
    expect(r.stderr).toContain('.html, .pdf, .csv, .md, .json');
    expect(fs.existsSync(path.join(tmp, 'r.docx'))).toBe(false);
  });

  it('refuses an unwritable path: exit 2 with the path', async ({ expect }) => {
    const bad = path.join(tmp, 'missing-folder', 'r.html');
    const r = await headroom(['run', example, ...quick, '--out', bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(bad);
  });

  it('needs a value for --out and is listed in the usage', async ({ expect }) => {
    const [noValue, help] = await Promise.all([headroom(['run', example, '--out']), headroom(['--help'])]);
    expect(noValue.code).toBe(2);
    expect(help.stdout).toContain('[--out FILE]');
  });

  it('explains how to get a PDF when no browser is found (exit 2)', async ({ expect }) => {
    const r = await headroom(['run', example, ...quick, '--out', path.join(tmp, 'r.pdf')], { HEADROOM_CHROMIUM: path.join(tmp, 'no-browser') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PDF reports need Chromium or Chrome (set HEADROOM_CHROMIUM), or the desktop app; write .html and print it');
  });

  const hasChromium = fs.existsSync(CHROMIUM);
  if (!hasChromium) {
    console.warn(`\n*** SKIPPED: the .pdf report test needs ${CHROMIUM}; PDF output is NOT tested on this machine ***\n`);
  }
  (hasChromium ? it : it.skip)(`writes a .pdf report with ${CHROMIUM}`, async ({ expect }) => {
    const out = path.join(tmp, 'r.pdf');
    const r = await headroom(['run', example, ...quick, '--out', out], { HEADROOM_CHROMIUM: CHROMIUM });
    expect(r.code, r.stderr).toBe(0);
    const pdf = fs.readFileSync(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
  }, 120_000);
});
