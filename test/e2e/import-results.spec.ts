// Back on the desktop (issue 18, docs/scale-out.md): a sweep sharded over two processes with the
// built CLI, merged, then imported into the app with the scenario it ran; the app opens it as
// one of its own analyses, with every point and its verdict, and the same figures as the merged
// document. Indented wider than 10 MiB (the same document), it still imports: a merged sweep may
// be as large as 200 MiB.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callApi, collectConsoleProblems, expect, test } from './fixtures';

const root = path.resolve(__dirname, '..', '..');
const NAME = 'E2E imported sweep';

function headroom(...args: string[]): string {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'headroom.cjs'), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`headroom ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
}

test('a merged sweep from the CLI imports as an analysis of its scenario, shown like a local one', async ({ page, appUrl }) => {
  test.setTimeout(120_000);
  const problems = collectConsoleProblems(page);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-e2e-import-results-'));
  const example = JSON.parse(fs.readFileSync(path.join(root, 'assets/examples/risk-model-api.json'), 'utf8'));
  Object.assign(example, { name: NAME, replications: 2, horizon_s: 60, warmup_s: 10 });
  delete example.pipeline;
  delete example.cluster;
  const scenario = path.join(dir, 'scenario.json');
  fs.writeFileSync(scenario, JSON.stringify(example, null, 2));

  // Two shards as a Kubernetes Indexed Job would run them, then the merge.
  const set = ['--set', 'serving.services[0].replicas=8:12'];
  for (const i of [0, 1]) headroom('sweep', scenario, ...set, '--shard', `${i}/2`, '--out', path.join(dir, `part-${i}.json`), '--threads', '1');
  const merged = path.join(dir, 'merged.json');
  headroom('merge', path.join(dir, 'part-0.json'), path.join(dir, 'part-1.json'), '--out', merged);
  const doc = JSON.parse(fs.readFileSync(merged, 'utf8')) as { points: { values: number[]; result: { serving: Record<string, { latency_at_slo_ms: { mean: number; ci95: [number, number] } }> } }[] };
  expect(doc.points.map((p) => p.values[0])).toEqual([8, 9, 10, 11, 12]);

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(appUrl);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import…' }).click()]);
  await chooser.setFiles([scenario, merged]);
  await expect(page.getByRole('status').filter({ hasText: `Imported 1 scenario and a sweep of “${NAME}” v1` })).toBeVisible();
  await expect(page.getByLabel('Scenario name')).toHaveValue(NAME);

  // It opens as the app's own sweep: the chart, the verdict, every point with the merged figures.
  const panel = page.getByRole('region', { name: 'What-if analyses', exact: true });
  await expect(panel.getByRole('img', { name: /^Sweep: Latency at the SLO percentile vs service risk_model_api · replicas/ })).toBeVisible();
  await expect(panel.getByText('Sweep serving.services[0].replicas=8:12, imported from merged.json').first()).toBeVisible();
  await panel.getByText('Points (5)').click();
  const rows = panel.getByRole('table', { name: 'Sweep points' }).getByRole('row');
  await expect(rows).toHaveCount(6);
  for (const [i, p] of doc.points.entries()) {
    const shown = (await rows.nth(i + 1).getByRole('cell').nth(1).textContent())!;
    const mean = p.result.serving.risk_model_api!.latency_at_slo_ms.mean;
    expect(Math.abs(Number(/^([\d,.]+)/.exec(shown)![1]!.replace(/,/g, '')) - mean)).toBeLessThanOrEqual(0.005 * mean);
  }
  await page.screenshot({ path: path.join(dir, 'imported-sweep.png') });

  // The same document indented past 10 MiB: still a sweep to import (and the one already kept).
  const wide = path.join(dir, 'merged-wide.json');
  const text = fs.readFileSync(merged, 'utf8');
  const pad = ' '.repeat(Math.ceil((11 * 1024 * 1024) / text.split('\n').length));
  fs.writeFileSync(wide, text.split('\n').join(`\n${pad}`));
  expect(fs.statSync(wide).size).toBeGreaterThan(10 * 1024 * 1024);
  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import…' }).click()]);
  await again.setFiles(wide);
  await expect(page.getByRole('status').filter({ hasText: `This sweep of “${NAME}” v1 was imported before` })).toBeVisible();
  const scenarios = await callApi<{ id: string; name: string }[]>(appUrl, 'listScenarios');
  const kept = await callApi<{ kind: string }[]>(appUrl, 'listAnalyses', scenarios.find((s) => s.name === NAME)!.id);
  expect(kept.map((a) => a.kind)).toEqual(['sweep']);
  fs.rmSync(dir, { recursive: true, force: true });
  expect(problems).toEqual([]);
});
