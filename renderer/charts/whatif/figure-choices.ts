// The figures an analysis can be about, by path into a result document
// (`serving.risk_model_api.latency_at_slo_ms`), with the catalogue's label and unit so that a
// select reads "Latency at the SLO percentile" rather than the path. From a result (every
// statistic it holds), or, before any run, from the scenario (the catalogue's statistics of
// each section it has). Pure.
import type { ResultDocument, Scenario } from '../../../simulation';
import { statLeaves } from '../../../simulation';
import {
  documentFigures, JOBS_FIGURES, LLM_LATENCY, LLM_SLO, LLM_THROUGHPUT, LLM_UTILIZATION, PIPELINE_FIGURES, POOL_FIGURES, SERVICE_SIMULATED, TASK_FIGURES,
  type Figure, type FigureDef, type LlmEntity, type Unit,
} from '../../../simulation/present';

export interface FigureChoice {
  path: string;
  label: string;
  unit: Unit;
  /** Where it belongs: "Service risk_model_api", "Pool h100_train", "Cluster jobs", … */
  group: string;
}

/** The sweep's own figure: what the services and pools cost per hour at each point. */
export const COST_PER_HOUR = 'cost_per_hour';

/** The result-document path of a catalogue row, or null for rows that are not statistics there. */
function rowPath(f: Figure): string | null {
  switch (f.section) {
    case 'serving': return `serving.${f.entity}.${f.metric}`;
    case 'cluster':
      if (f.entity === '') return `cluster.${f.metric}`;
      if (f.entity === 'jobs') return `cluster.jobs.${f.metric}`;
      if (f.entity === 'checkpoint') return null;
      return `cluster.pools.${f.entity}.${f.metric}`;
    case 'pipeline': return f.entity === '' ? `pipeline.${f.metric}` : `pipeline.tasks.${f.entity}.${f.metric}`;
    default: return null;
  }
}

/** The group a path belongs to, and the rest of the path (a fallback label). */
export function figureGroup(path: string, ids: { services: string[]; pools: string[]; tasks: string[] }): { group: string; rest: string } {
  const within = (prefix: string, list: string[]) => {
    // Ids may contain dots: the longest id that the path continues wins.
    const id = list.filter((x) => path.startsWith(`${prefix}${x}.`)).sort((a, b) => b.length - a.length)[0];
    return id === undefined ? null : { id, rest: path.slice(prefix.length + id.length + 1) };
  };
  const svc = within('serving.', ids.services);
  if (svc) return { group: `Service ${svc.id}`, rest: svc.rest };
  const pool = within('cluster.pools.', ids.pools);
  if (pool) return { group: `Pool ${pool.id}`, rest: pool.rest };
  if (path.startsWith('cluster.jobs.')) return { group: 'Cluster jobs', rest: path.slice('cluster.jobs.'.length) };
  if (path.startsWith('cluster.')) return { group: 'Cluster', rest: path.slice('cluster.'.length) };
  const task = within('pipeline.tasks.', ids.tasks);
  if (task) return { group: `Task ${task.id}`, rest: task.rest };
  if (path.startsWith('pipeline.')) return { group: 'Pipeline', rest: path.slice('pipeline.'.length) };
  return { group: 'Other', rest: path };
}

/** Every statistic of a result, labelled from the catalogue, in document order. */
export function figureChoices(doc: ResultDocument): FigureChoice[] {
  const byPath = new Map<string, Figure>();
  for (const f of documentFigures(doc)) {
    const p = rowPath(f);
    if (p !== null && !byPath.has(p)) byPath.set(p, f);
  }
  const ids = {
    services: Object.keys(doc.serving ?? {}),
    pools: Object.keys(doc.cluster?.analytic.pools ?? {}),
    tasks: Object.keys(doc.pipeline?.tasks ?? {}),
  };
  return [...statLeaves(doc).keys()].map((path) => {
    const f = byPath.get(path);
    const { group, rest } = figureGroup(path, ids);
    return { path, label: f?.label ?? rest, unit: f?.unit ?? '', group };
  });
}

/**
 * Statistic definitions only. A label function needs a result: it is given `blank` where its
 * labels read only optional parts (an `llm` service's: "TTFT at its SLO percentile", as a
 * result's figures without the scenario's SLOs read), else the key stands in.
 */
function catalogue<E>(defs: readonly FigureDef<E>[], prefix: string, group: string, blank?: E): FigureChoice[] {
  return defs.filter((d) => d.stat).map((d) => ({
    path: `${prefix}${d.key}`,
    label: typeof d.label === 'string' ? d.label : blank !== undefined ? d.label(blank) : d.key,
    unit: d.unit,
    group,
  }));
}

/** An llm service's figures before a run: only the optional parts (SLOs, roofline) are read by labels, and absent. */
const NO_RESULT = { slo: undefined, analytic: undefined } as unknown as LlmEntity;

/** Before any run: the catalogue's statistics of the scenario's sections. */
export function scenarioFigureChoices(scenario: Scenario): FigureChoice[] {
  const out: FigureChoice[] = [];
  for (const s of scenario.serving?.services ?? []) {
    out.push(...catalogue(SERVICE_SIMULATED, `serving.${s.id}.`, `Service ${s.id}`));
    // An llm service's token-level figures: TTFT and TPOT, the SLOs' attainment, tokens/s, utilizations.
    if (s.llm) out.push(...catalogue([...LLM_SLO, ...LLM_LATENCY, ...LLM_THROUGHPUT, ...LLM_UTILIZATION], `serving.${s.id}.`, `Service ${s.id}`, NO_RESULT));
  }
  if (scenario.cluster) {
    for (const p of scenario.cluster.pools) out.push(...catalogue(POOL_FIGURES, `cluster.pools.${p.id}.`, `Pool ${p.id}`));
    out.push(...catalogue(JOBS_FIGURES, 'cluster.jobs.', 'Cluster jobs'));
  }
  if (scenario.pipeline) {
    out.push(...catalogue(PIPELINE_FIGURES, 'pipeline.', 'Pipeline'));
    for (const t of scenario.pipeline.tasks) out.push(...catalogue(TASK_FIGURES, `pipeline.tasks.${t.id}.`, `Task ${t.id}`));
  }
  return out;
}

/** The first service's latency at its SLO percentile (an `llm` service's TTFT at its SLO percentile), else the first figure. */
export function defaultFigure(choices: readonly FigureChoice[]): string | null {
  const latency = choices.find((c) => c.path.startsWith('serving.') && c.path.endsWith('.latency_at_slo_ms'));
  const ttft = latency && choices.find((c) => c.path === `${latency.path.slice(0, -'latency_at_slo_ms'.length)}llm.ttft_at_slo_ms`);
  return (ttft ?? latency)?.path ?? choices[0]?.path ?? null;
}

/** Choices grouped in their order, for <optgroup>s. */
export function groupChoices(choices: readonly FigureChoice[]): [string, FigureChoice[]][] {
  const groups = new Map<string, FigureChoice[]>();
  for (const c of choices) {
    const list = groups.get(c.group);
    if (list) list.push(c);
    else groups.set(c.group, [c]);
  }
  return [...groups];
}

/** "Service risk_model_api: Latency at the SLO percentile", or the path when it is not a choice. */
export function choiceText(choices: readonly FigureChoice[], path: string): string {
  const c = choices.find((x) => x.path === path);
  return c ? `${c.group}: ${c.label}` : path;
}

/** A latency in milliseconds of a service (where the service's budget applies). */
export function isLatencyFigure(path: string): boolean {
  return /\.latency_at_slo_ms$|\.latency_ms\.(?:mean|p50|p95|p99|p999|max)$/.test(path) && path.startsWith('serving.');
}
