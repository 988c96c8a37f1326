// What a report needs from the scenario besides the result document: each service's latency
// budget and SLO percentile, and the scenario's description. Read defensively from the raw JSON
// (or the parsed scenario): without a scenario, the budget is recovered from the analytic block
// (total latency + margin) and the SLO percentile defaults to 99, as in the scenario format.
import type { ResultDocument } from '../../../simulation';
import type { LlmSlo } from '../../../simulation/present';

export interface ServiceInfo {
  budgetMs: number | null;
  sloPercentile: number;
  /** The service's `arrivals` as the scenario gives them (unchecked): diurnal and bursty loads vary in time. */
  arrivals?: unknown;
  /** An `llm` service's TTFT and TPOT SLOs (percentiles default to 99, as in the format); absent otherwise. */
  llmSlo?: LlmSlo;
}

export interface ScenarioInfo {
  description: string;
  services: Record<string, ServiceInfo>;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const finite = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export function scenarioInfo(doc: ResultDocument, scenario: unknown): ScenarioInfo {
  const raw = isObject(scenario) ? scenario : {};
  const serving = isObject(raw.serving) ? raw.serving : {};
  const specs = Array.isArray(serving.services) ? serving.services.filter(isObject) : [];
  const services: Record<string, ServiceInfo> = {};
  for (const [id, svc] of Object.entries(doc.serving ?? {})) {
    const spec = specs.find((s) => s.id === id);
    const a = svc.analytic;
    services[id] = {
      budgetMs: finite(spec?.latency_budget_ms) ?? (Number.isFinite(a.total_latency_ms + a.latency_margin_ms) ? a.total_latency_ms + a.latency_margin_ms : null),
      sloPercentile: finite(spec?.slo_percentile) ?? 99,
      arrivals: spec?.arrivals,
    };
    const llmSlo = llmSloOf(spec?.llm);
    if (llmSlo) services[id]!.llmSlo = llmSlo;
  }
  return { description: typeof raw.description === 'string' ? raw.description : '', services };
}

/** The `slo` of an `llm` block, when its two times are numbers. */
function llmSloOf(llm: unknown): LlmSlo | null {
  const slo = isObject(llm) && isObject(llm.slo) ? llm.slo : null;
  const ttft = finite(slo?.ttft_ms), tpot = finite(slo?.tpot_ms);
  if (ttft === null || tpot === null) return null;
  return { ttft_ms: ttft, ttft_percentile: finite(slo?.ttft_percentile) ?? 99, tpot_ms: tpot, tpot_percentile: finite(slo?.tpot_percentile) ?? 99 };
}

export { percentileName } from '../../../simulation/present';
