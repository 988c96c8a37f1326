// Gallery thumbnails drawn from the example's own scenario, so they cannot drift from it: a
// serving service's offered load over the run against its capacity (the steps an autoscaler
// aims for), or its latency parts against the budget when the arrivals are a trace (whose file
// the renderer does not read); a pipeline's DAG, stage by stage; a cluster's pools as nodes of
// units, the allocated ones filled. Pure: ExampleGallery turns the shapes into SVG.
import { analyticSummary, analyzeScenario, distMean, parseScenarioText, type Scenario, type ServiceSpec } from '../../simulation';
import { layersOf } from '../charts/pipeline/dag-layout';
import type { ThumbnailFacet } from './example-catalogue';

/** The viewBox; the card scales it to its width. */
export const THUMB_WIDTH = 240;
export const THUMB_HEIGHT = 120;
const PAD = 8;

export type ThumbRole =
  | 'load' | 'load-line' | 'capacity' | 'baseline'
  | 'feature' | 'service' | 'network' | 'postprocess' | 'budget' | 'label'
  | 'edge' | 'task' | 'gate'
  | 'unit-busy' | 'unit-free' | 'node' | 'slow';

export type ThumbShape =
  | { kind: 'path'; role: ThumbRole; d: string }
  | { kind: 'rect'; role: ThumbRole; x: number; y: number; width: number; height: number }
  | { kind: 'text'; role: ThumbRole; x: number; y: number; text: string; anchor: 'start' | 'middle' | 'end' };

export interface Thumbnail {
  /** What is drawn: `budget` is the serving facet of a trace-driven service. */
  drawing: 'load' | 'budget' | 'dag' | 'pools';
  /** The picture in words: the SVG's accessible name. */
  label: string;
  shapes: ThumbShape[];
  legend: { role: ThumbRole; text: string }[];
}

const r1 = (v: number) => Math.round(v * 10) / 10;
const fmt = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : String(Math.round(v * 10) / 10));
const rect = (role: ThumbRole, x: number, y: number, width: number, height: number): ThumbShape =>
  ({ kind: 'rect', role, x: r1(x), y: r1(y), width: r1(width), height: r1(height) });

/** The thumbnail of an example's scenario text, or null when it does not parse or lacks the section. */
export function exampleThumbnail(json: string, facet: ThumbnailFacet | null): Thumbnail | null {
  const parsed = parseScenarioText(json);
  if (!parsed.ok) return null;
  const s = parsed.scenario;
  const chosen = facet ?? (s.serving ? 'serving' : s.pipeline ? 'pipeline' : s.cluster ? 'cluster' : null);
  if (chosen === 'serving' && s.serving) return servingThumbnail(s, s.serving.services[0]!);
  if (chosen === 'pipeline' && s.pipeline) return dagThumbnail(s.pipeline);
  if (chosen === 'cluster' && s.cluster) return poolsThumbnail(s.cluster);
  return null;
}

// ---- serving ------------------------------------------------------------------------------

/**
 * Requests/s one replica serves: concurrency ÷ mean slot time (a full batch's time ÷ max_batch);
 * for an `llm` service, the roofline's ceiling (docs/llm-serving.md, "Analytic figures"), NaN
 * when its token lengths come from trace columns.
 */
export function perReplicaRps(svc: ServiceSpec, s?: Scenario): number {
  if (svc.llm) return s ? llmPerReplicaRps(s, svc) : Number.NaN;
  const b = svc.batching;
  const slotMs = b ? (b.batch_time_ms.base + b.batch_time_ms.per_item * b.max_batch) / b.max_batch
    : svc.service_time_ms ? distMean(svc.service_time_ms) : Number.NaN;
  return svc.concurrency / (slotMs / 1000);
}

/** The analytic block of the `llm` service alone (poisson arrivals need no trace data). */
function llmPerReplicaRps(s: Scenario, svc: ServiceSpec): number {
  if (svc.arrivals.process === 'trace') return Number.NaN;
  try {
    const doc = analyzeScenario({ ...s, pipeline: undefined, cluster: undefined, serving: { services: [svc] } }, { sha256: '' });
    return doc.serving?.[svc.id]?.analytic.llm?.per_replica_max_rps ?? Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** The engine time of a mean request alone on a replica (ms): one request's model time, for the budget picture. */
function llmAloneMs(s: Scenario, svc: ServiceSpec): number {
  const total = analyticSummary({ ...s, pipeline: undefined, cluster: undefined, serving: { services: [svc] } }).serving_total_latency_ms;
  return total === undefined ? Number.NaN : total - extrasMs(svc);
}

function extrasMs(svc: ServiceSpec): number {
  const l = svc.latency_ms;
  return [l.feature, l.network, l.postprocess].reduce((sum, d) => sum + (d ? distMean(d) : 0), 0);
}

/** The offered rate at time t for the analytic processes (docs/scenario-format.md); null for a trace. */
export function rateAt(a: ServiceSpec['arrivals'], t: number): number | null {
  switch (a.process) {
    case 'poisson':
      return a.rate_rps;
    case 'diurnal':
      return a.mean_rps * (1 - (a.peak_to_mean - 1) * Math.cos((2 * Math.PI * t) / a.period_s));
    case 'bursty': {
      const k = Math.floor(t / a.burst_every_s);
      return k >= 1 && t - k * a.burst_every_s < a.burst_duration_s ? a.burst_rate_rps : a.rate_rps;
    }
    case 'trace':
      return null;
  }
}

/** Samples across the run; bursty arrivals get more so that short bursts still show. */
const samplesFor = (a: ServiceSpec['arrivals']) => (a.process === 'bursty' ? 480 : 120);

function servingThumbnail(s: Scenario, svc: ServiceSpec): Thumbnail {
  const horizonS = s.horizon_s;
  const per = perReplicaRps(svc, s);
  // A trace's rate is in its file; an llm service whose lengths are trace columns has no ceiling here.
  if (svc.arrivals.process === 'trace' || !(per > 0 && Number.isFinite(per))) return budgetThumbnail(s, svc);
  const n = samplesFor(svc.arrivals);
  const ts = Array.from({ length: n + 1 }, (_, i) => (horizonS * i) / n);
  const rates = ts.map((t) => rateAt(svc.arrivals, t) ?? 0);
  const as = svc.autoscaling;
  // The replicas the autoscaler aims for at each moment (⌈load ÷ (per replica × target)⌉, clamped):
  // what it would run with no lag — the simulation shows how far behind it really is.
  const replicas = rates.map((r) => (as ? Math.min(as.max_replicas, Math.max(as.min_replicas, Math.ceil(r / (per * as.target_utilization) - 1e-9))) : svc.replicas));
  const capacity = replicas.map((k) => k * per);
  const top = Math.max(...rates, ...capacity) * 1.08;
  const x0 = PAD, x1 = THUMB_WIDTH - PAD, y0 = PAD + 16, y1 = THUMB_HEIGHT - PAD;
  const x = (i: number) => r1(x0 + ((x1 - x0) * i) / n);
  const y = (v: number) => r1(y1 - ((y1 - y0) * v) / top);
  const line = rates.map((r, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(r)}`).join('');
  const area = `M${x0},${y1}${rates.map((r, i) => `L${x(i)},${y(r)}`).join('')}L${x1},${y1}Z`;
  let cap = `M${x(0)},${y(capacity[0]!)}`;
  for (let i = 1; i <= n; i++) {
    if (capacity[i] !== capacity[i - 1]) cap += `H${x(i)}V${y(capacity[i]!)}`;
  }
  cap += `H${x(n)}`;
  const lo = Math.min(...rates), hi = Math.max(...rates);
  const load = lo === hi ? `${fmt(lo)} requests/s` : `${fmt(lo)} to ${fmt(hi)} requests/s`;
  const kMin = Math.min(...replicas), kMax = Math.max(...replicas);
  const capText = as
    ? `the autoscaler aims for ${kMin} to ${kMax} replicas, ${fmt(kMin * per)} to ${fmt(kMax * per)} requests/s`
    : `capacity ${svc.replicas} replicas, ${fmt(svc.replicas * per)} requests/s${svc.llm ? ' (the roofline’s ceiling)' : ''}`;
  const span = (a: number, b: number) => (a === b ? fmt(a) : `${fmt(a)}–${fmt(b)}`);
  const headline = as
    ? `${span(lo, hi)}/s offered · ${span(kMin, kMax)} replicas`
    : `${span(lo, hi)}/s offered · capacity ${fmt(svc.replicas * per)}/s`;
  return {
    drawing: 'load',
    label: `${svc.id}: offered load over the run, ${svc.arrivals.process}, ${load}; ${capText}`,
    shapes: [
      { kind: 'path', role: 'load', d: area },
      { kind: 'path', role: 'load-line', d: line },
      { kind: 'path', role: 'capacity', d: cap },
      { kind: 'path', role: 'baseline', d: `M${x0},${y1}H${x1}` },
      { kind: 'text', role: 'label', x: x0, y: PAD + 4, text: headline, anchor: 'start' },
    ],
    legend: [
      { role: 'load-line', text: 'offered load' },
      { role: 'capacity', text: as ? 'capacity the autoscaler aims for' : 'capacity' },
    ],
  };
}

const PART_LABEL: Record<'feature' | 'service' | 'network' | 'postprocess', string> = {
  feature: 'features', service: 'model', network: 'network', postprocess: 'post-processing',
};

/**
 * The mean latency parts of one request (a whole batch for its model time; an `llm` request's
 * prefill and decodes alone on a replica) against the budget.
 */
function budgetThumbnail(s: Scenario, svc: ServiceSpec): Thumbnail {
  const b = svc.batching;
  const llmMs = svc.llm ? llmAloneMs(s, svc) : 0;
  const model = svc.llm ? (Number.isFinite(llmMs) ? llmMs : 0)
    : b ? b.batch_time_ms.base + b.batch_time_ms.per_item * b.max_batch : svc.service_time_ms ? distMean(svc.service_time_ms) : 0;
  const l = svc.latency_ms;
  const parts = ([
    ['feature', l.feature ? distMean(l.feature) : 0],
    ['service', model],
    ['network', l.network ? distMean(l.network) : 0],
    ['postprocess', l.postprocess ? distMean(l.postprocess) : 0],
  ] as const).filter(([, ms]) => ms > 0);
  const total = parts.reduce((sum, [, ms]) => sum + ms, 0);
  const scale = Math.max(total, svc.latency_budget_ms) * 1.08;
  const x0 = PAD, x1 = THUMB_WIDTH - PAD;
  const x = (ms: number) => x0 + ((x1 - x0) * ms) / scale;
  const barY = 46, barH = 30;
  const shapes: ThumbShape[] = [rect('baseline', x0, barY, x(svc.latency_budget_ms) - x0, barH)];
  let at = 0;
  for (const [role, ms] of parts) {
    shapes.push(rect(role, x(at), barY, x(at + ms) - x(at), barH));
    at += ms;
  }
  const bx = r1(x(svc.latency_budget_ms));
  shapes.push({ kind: 'path', role: 'budget', d: `M${bx},${barY - 12}V${barY + barH + 12}` });
  // Labels sit centred on their mark unless that would cross the picture's edge.
  const anchorAt = (px: number) => (px > THUMB_WIDTH - 48 ? 'end' : px < 48 ? 'start' : 'middle');
  shapes.push({ kind: 'text', role: 'label', x: bx, y: barY - 16, text: `budget ${fmt(svc.latency_budget_ms)} ms`, anchor: anchorAt(bx) });
  shapes.push({ kind: 'text', role: 'label', x: r1(x(total)), y: barY + barH + 24, text: `${fmt(total)} ms before queueing`, anchor: anchorAt(x(total)) });
  const kind = svc.arrivals.process === 'trace' ? 'trace arrivals' : `${svc.arrivals.process} arrivals`;
  const unknownModel = svc.llm && !Number.isFinite(llmMs) ? ' (the model’s time follows the trace’s token counts)' : '';
  return {
    drawing: 'budget',
    label: `${svc.id} (${kind}): ${parts.map(([role, ms]) => `${PART_LABEL[role]} ${fmt(ms)} ms`).join(', ')}, ${fmt(total)} ms in all${unknownModel} against a budget of ${fmt(svc.latency_budget_ms)} ms`,
    shapes,
    legend: [...parts.map(([role]) => ({ role, text: PART_LABEL[role] })), { role: 'budget' as const, text: 'budget' }],
  };
}

// ---- pipeline ------------------------------------------------------------------------------

function dagThumbnail(p: NonNullable<Scenario['pipeline']>): Thumbnail {
  const ids = p.tasks.map((t) => t.id);
  const layer = layersOf(ids, p.edges);
  const stages = Math.max(...layer.values()) + 1;
  const columns: string[][] = Array.from({ length: stages }, () => []);
  for (const id of ids) columns[layer.get(id)!]!.push(id);
  const rows = Math.max(...columns.map((c) => c.length));
  const x0 = PAD, x1 = THUMB_WIDTH - PAD, y0 = PAD, y1 = THUMB_HEIGHT - PAD;
  const colW = (x1 - x0) / stages, rowH = (y1 - y0) / rows;
  const w = Math.max(2, Math.min(colW * 0.62, 34)), h = Math.max(2, Math.min(rowH * 0.62, 18));
  const centre = new Map<string, { x: number; y: number }>();
  columns.forEach((col, c) => col.forEach((id, j) => {
    // Each column is centred vertically, so a chain is one straight line.
    centre.set(id, { x: x0 + (c + 0.5) * colW, y: (y0 + y1) / 2 + (j - (col.length - 1) / 2) * rowH });
  }));
  const edges: ThumbShape[] = p.edges.flatMap(([a, b]) => {
    const s = centre.get(a), e = centre.get(b);
    if (!s || !e) return [];
    const sx = s.x + w / 2, ex = e.x - w / 2, mx = (sx + ex) / 2;
    return [{ kind: 'path' as const, role: 'edge' as const, d: `M${r1(sx)},${r1(s.y)}C${r1(mx)},${r1(s.y)} ${r1(mx)},${r1(e.y)} ${r1(ex)},${r1(e.y)}` }];
  });
  const gates = p.tasks.filter((t) => t.gate !== false).length;
  const nodes = p.tasks.map((t) => {
    const c = centre.get(t.id)!;
    return rect(t.gate !== false ? 'gate' : 'task', c.x - w / 2, c.y - h / 2, w, h);
  });
  return {
    drawing: 'dag',
    label: `pipeline of ${p.tasks.length} tasks in ${stages} stages${gates > 0 ? `, ${gates} of them gates` : ''}, ${p.edges.length} dependencies`,
    shapes: [...edges, ...nodes],
    legend: [{ role: 'task', text: 'task' }, ...(gates > 0 ? [{ role: 'gate' as const, text: 'gate' }] : [])],
  };
}

// ---- cluster -------------------------------------------------------------------------------

/** Nodes drawn one by one up to this many per pool; a bigger pool is one bar. */
const MAX_DRAWN_NODES = 48;

/** units_per_node's default (docs/scenario-format.md): 8 when units is a multiple of 8, else one node. */
const unitsPerNode = (pool: { units: number; units_per_node?: number | undefined }) =>
  pool.units_per_node ?? (pool.units % 8 === 0 ? 8 : pool.units);

function poolsThumbnail(c: NonNullable<Scenario['cluster']>): Thumbnail {
  const x0 = PAD, x1 = THUMB_WIDTH - PAD, y0 = PAD, y1 = THUMB_HEIGHT - PAD;
  const rowH = (y1 - y0) / c.pools.length;
  const slowP = c.stragglers.slowdown > 1 ? c.stragglers.slow_node_probability : 0;
  const shapes: ThumbShape[] = [];
  const words: string[] = [];
  let slowTotal = 0;
  c.pools.forEach((pool, i) => {
    const top = y0 + i * rowH;
    const upn = unitsPerNode(pool);
    const nodes = Math.ceil(pool.units / upn);
    const allocated = Math.min(pool.units, Math.round(pool.allocated_units ?? 0));
    shapes.push({ kind: 'text', role: 'label', x: x0, y: r1(top + 11), text: `${pool.id} · ${pool.units} units`, anchor: 'start' });
    const blockY = top + 15, blockH = Math.max(4, Math.min(rowH - 20, 34));
    // Which nodes are slow is drawn per replication; the expected number is marked, last first.
    const slow = Math.round(slowP * nodes);
    slowTotal += slow;
    if (nodes > MAX_DRAWN_NODES) {
      shapes.push(rect('unit-free', x0, blockY, x1 - x0, blockH));
      if (allocated > 0) shapes.push(rect('unit-busy', x0, blockY, ((x1 - x0) * allocated) / pool.units, blockH));
    } else {
      const gap = 3, nodeW = Math.min(((x1 - x0) - gap * (nodes - 1)) / nodes, 40);
      for (let k = 0; k < nodes; k++) {
        const nx = x0 + k * (nodeW + gap);
        const busy = Math.max(0, Math.min(upn, allocated - k * upn));
        if (upn <= 16 && nodeW / upn >= 2) {
          const cellW = nodeW / upn;
          for (let u = 0; u < upn; u++) shapes.push(rect(u < busy ? 'unit-busy' : 'unit-free', nx + u * cellW, blockY, cellW, blockH));
        } else {
          shapes.push(rect('unit-free', nx, blockY, nodeW, blockH));
          if (busy > 0) shapes.push(rect('unit-busy', nx, blockY, (nodeW * busy) / upn, blockH));
        }
        shapes.push(rect(k >= nodes - slow ? 'slow' : 'node', nx, blockY, nodeW, blockH));
      }
    }
    words.push(`${pool.id}, ${pool.units} units in ${nodes} node${nodes === 1 ? '' : 's'}${pool.allocated_units !== undefined ? `, ${fmt(pool.allocated_units)} allocated` : ''}`);
  });
  const slowText = slowTotal > 0 ? `; about ${Math.round(slowP * 100)}% of nodes slow (${c.stragglers.slowdown}×)` : '';
  const failText = c.failures ? `; nodes fail about every ${fmtDuration(c.failures.node_mtbf_s)}` : '';
  return {
    drawing: 'pools',
    label: `pools: ${words.join('; ')}${slowText}${failText}`,
    shapes,
    legend: [
      { role: 'unit-busy', text: 'allocated' },
      { role: 'unit-free', text: 'free' },
      ...(slowTotal > 0 ? [{ role: 'slow' as const, text: 'slow node (expected count)' }] : []),
    ],
  };
}

function fmtDuration(s: number): string {
  if (s >= 86_400) return `${fmt(s / 86_400)} days`;
  if (s >= 3600) return `${fmt(s / 3600)} h`;
  return `${fmt(s)} s`;
}
