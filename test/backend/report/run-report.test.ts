// "Export report…" over the backend: a stored run's report is the CLI's report (renderReport)
// of its result and of the scenario version it ran; runs without a result and bad arguments
// are refused with messages naming what is wrong. Real SQLite in a temp dir, real worker threads.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend';
import { renderReport } from '../../../electron/backend/report';
import { loadScenarioText } from '../../../electron/backend/traces/scenario-source';
import type { RunSummary } from '../../../electron/common/contract';
import { checked, quickExample, tempBackendForEach, waitForFinal } from '../temp-backend';

function quick(over: Record<string, unknown> = {}): string {
  return quickExample({ name: 'Report: risk model API', ...over });
}

let backend: Backend;

tempBackendForEach('headroom-report-', (t) => ({ backend } = t));

async function finishedRun(json: string): Promise<{ scenarioId: string; run: RunSummary }> {
  const created = await backend.createScenario(json);
  if (!created.ok) throw new Error('create failed');
  const run = await backend.startRun(created.scenario.id);
  const final = await waitForFinal(backend, run.id);
  expect(final.status).toBe('done');
  return { scenarioId: created.scenario.id, run: final };
}

describe('renderRunReport', () => {
  it('renders each kind exactly as renderReport does over the stored result and the version run', async () => {
    const json = quick();
    const { scenarioId, run } = await finishedRun(json);
    // A later edit (new name, new budget) must not change the report of the earlier run.
    const edited = JSON.parse(json) as { name: string; serving: { services: { latency_budget_ms: number }[] } };
    edited.name = 'Renamed later';
    edited.serving.services[0]!.latency_budget_ms = 999;
    expect((await backend.updateScenario(scenarioId, JSON.stringify(edited))).ok).toBe(true);

    const doc = (await backend.getRunResult(run.id))!;
    const loaded = loadScenarioText(json);
    if (!loaded.ok) throw new Error('example invalid');
    const short = run.id.slice(0, 8);
    const media = { html: 'text/html', md: 'text/markdown', csv: 'text/csv', json: 'application/json' } as const;
    for (const kind of ['html', 'md', 'csv', 'json'] as const) {
      const report = await backend.renderRunReport(run.id, kind);
      expect(report.fileName).toBe(`report-risk-model-api-run-${short}.${kind}`);
      expect(report.mediaType).toBe(media[kind]);
      expect(report.companions).toEqual([]);
      expect(report.text).toBe(renderReport(kind, doc, loaded.scenario));
      // The app passes the user's locale: the HTML and the memo follow it, the CSV and JSON do not.
      const german = await backend.renderRunReport(run.id, kind, 'de-DE');
      expect(german.text).toBe(renderReport(kind, doc, loaded.scenario, 'de-DE'));
      if (kind === 'html' || kind === 'md') expect(german.text).not.toBe(report.text);
      else expect(german.text).toBe(report.text);
    }
    const html = (await backend.renderRunReport(run.id, 'html')).text;
    expect(html).toContain('Report: risk model API');
    expect(html).not.toContain('Renamed later');
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(JSON.parse((await backend.renderRunReport(run.id, 'json')).text)).toEqual(doc);
  });

  it('refuses unknown runs, runs without a result, and bad arguments, naming them', async () => {
    await expect(backend.renderRunReport('0123456789abcdef', 'html')).rejects.toThrow('no run with id 0123456789abcdef');
    await expect(checked(backend).renderRunReport('../x', 'html')).rejects.toThrow(/^runId: /);
    await expect(checked(backend).renderRunReport(42, 'html')).rejects.toThrow(/^runId: /);

    const created = await backend.createScenario(quick({ horizon_s: 100000, replications: 2 }));
    if (!created.ok) throw new Error('create failed');
    const run = await backend.startRun(created.scenario.id);
    await expect(backend.renderRunReport(run.id, 'html')).rejects.toThrow(/has no result to report: it (has not started yet|is still running)/);
    await new Promise<void>((resolve) => {
      const off = backend.subscribe((e) => { if (e.type === 'progress' && e.progress.runId === run.id) { off(); resolve(); } });
    });
    const final = waitForFinal(backend, run.id);
    await backend.cancelRun(run.id);
    expect((await final).status).toBe('cancelled');
    await expect(backend.renderRunReport(run.id, 'md')).rejects.toThrow(`run ${run.id} has no result to report: it was cancelled`);

    for (const kind of ['pdf', 'exe', 'HTML', 42, null, undefined]) {
      await expect(checked(backend).renderRunReport(run.id, kind)).rejects.toThrow("kind: must be one of 'html', 'md', 'csv', 'json'");
    }
  });
});
