// The live what-if preview's panels, read from the golden result documents: each service's
// percentiles against its budget with the SLO percentile judged, the pools' utilization against
// their targets with the p95 queueing delay, the pipeline's success rates and makespan; and the
// bar geometry (a bar many budgets long is cut at the axis end and marked).
import { describe, expect, it } from 'vitest';
import { formatDurationS } from '../../../../renderer/charts/cluster/duration-unit';
import { formatMs, formatPercent } from '../../../../renderer/format/numbers';
import { latencyDomain, panelLayout, panelSummary, previewPanels, type PreviewPanel } from '../../../../renderer/whatif/preview-chart';
import type { ResultDocument } from '../../../../simulation';
import risk from '../../../golden/documents/risk-model-api.result.json';
import gpu from '../../../golden/documents/gpu-training-cluster.result.json';

const riskDoc = risk as unknown as ResultDocument;
const gpuDoc = gpu as unknown as ResultDocument;

describe('previewPanels', () => {
  it('draws the article service over its budget, and its pipeline; its pools have no jobs, so no cluster panel', () => {
    const panels = previewPanels(riskDoc, () => 99);
    expect(panels.map((p) => p.key)).toEqual(['service:risk_model_api', 'pipeline']);
    const svc = panels[0]!;
    const lat = (riskDoc.serving!.risk_model_api as { latency_ms: Record<string, { mean: number }> }).latency_ms;
    expect(svc.bars.map((b) => b.label)).toEqual(['p50', 'p95', 'p99', 'p99.9']);
    expect(svc.bars.map((b) => b.text)).toEqual([lat.p50!, lat.p95!, lat.p99!, lat.p999!].map((s) => formatMs(s.mean)));
    expect(svc.bars.find((b) => b.emphasis)?.label).toBe('p99');
    expect(svc.reference).toEqual({ value: 200, label: `budget ${formatMs(200)}` });
    const slo = svc.figures.find((f) => f.key === 'slo')!;
    expect(slo).toMatchObject({ label: 'p99', tone: 'over' });
    expect(slo.text).toBe(`${formatMs(lat.p99!.mean)}, over the ${formatMs(200)} budget by ${formatMs(lat.p99!.mean - 200)}`);
    expect(svc.figures.map((f) => f.key)).toEqual(['slo', 'utilization', 'throughput', 'stable']);
    expect(svc.bars.map((b) => b.tone)).toEqual(['neutral', 'neutral', 'over', 'neutral']); // the budget judges the p99 only

    const pipe = panels[1]!;
    expect(pipe.figures.find((f) => f.key === 'success')!.text).toBe(formatPercent(riskDoc.pipeline!.success_rate!.mean));
    expect(pipe.figures.find((f) => f.key === 'makespan')!.text).toBe(
      `mean ${formatDurationS(riskDoc.pipeline!.makespan_s!.mean!.mean)}, p95 ${formatDurationS(riskDoc.pipeline!.makespan_s!.p95!.mean)}`,
    );
    expect(pipe.bars[0]!.mark?.value).toBe(riskDoc.pipeline!.analytic.reliability_with_retries);
  });

  it('judges the percentile the scenario names, adding a bar for it when it is not one of the four', () => {
    const panel = previewPanels(riskDoc, () => 90)[0]!;
    expect(panel.bars.map((b) => b.label)).toEqual(['p50', 'p95', 'p99', 'p99.9', 'p90']);
    expect(panel.bars.filter((b) => b.emphasis).map((b) => b.label)).toEqual(['p90']);
  });

  it('draws the GPU cluster: one bar per pool with its target, the p95 queueing delay beside', () => {
    const panels = previewPanels(gpuDoc);
    expect(panels.map((p) => p.key)).toEqual(['cluster']);
    const c = panels[0]!;
    expect(c.bars.map((b) => [b.label, b.text, b.mark?.value])).toEqual([
      ['h100_train', formatPercent(gpuDoc.cluster!.pools!.h100_train!.utilization!.mean), 0.85],
      ['a10_finetune', formatPercent(gpuDoc.cluster!.pools!.a10_finetune!.utilization!.mean), 0.7],
    ]);
    expect(c.figures.find((f) => f.key === 'queue')!.text).toBe(formatDurationS(gpuDoc.cluster!.jobs!.queue_delay_s.p95!.mean));
    expect(c.figures.find((f) => f.key === 'target')).toMatchObject({ tone: 'ok' });
    expect(c.domainMax).toBe(1);
  });
});

describe('latencyDomain', () => {
  it('shows the budget and the bars near it, cutting bars past four budgets', () => {
    expect(latencyDomain([50, 120, null], 200)).toBeCloseTo(216);
    expect(latencyDomain([50, 300], 200)).toBeCloseTo(324);
    expect(latencyDomain([50, 30_000], 200)).toBeCloseTo(864);
  });
});

describe('panelLayout', () => {
  const panel: PreviewPanel = {
    key: 'x', title: 'x', figures: [], domainMax: 100, reference: { value: 50, label: 'budget' }, what: 'latency',
    bars: [
      { key: 'a', label: 'a', value: 25, text: '25' },
      { key: 'b', label: 'b', value: 400, text: '400' },
      { key: 'c', label: 'c', value: null, text: '—' },
    ],
  };
  it('scales bars to the axis, cuts the long one at its end and puts the reference where its value is', () => {
    const l = panelLayout(panel, 504);
    const span = l.plot.right - l.plot.left;
    expect(l.bars.map((b) => b.width)).toEqual([span / 4, span, 0]);
    expect(l.bars.map((b) => b.cut)).toEqual([false, true, false]);
    expect(l.referenceX).toBe(l.plot.left + span / 2);
    expect(l.bars[1]!.y).toBeGreaterThan(l.bars[0]!.y + l.barHeight);
    expect(l.height).toBeGreaterThan(l.bars[2]!.y + l.barHeight);
  });
  it('summarises every bar for screen readers', () => {
    expect(panelSummary(panel)).toBe('x: a 25, b 400, c —; budget.');
  });
});
