// A part carries its scenario files' JSON but not the files they name: the merge needs only what
// the result document takes from them. Of a request trace that is its offered rate,
// length ÷ (last − first) × scale (simulation/run/document.ts, traceRates), so a part keeps those
// three numbers and the merge hands the engine a stand-in with just them; an llm service's token
// columns go whole, since its analytic figures read every row. (Job traces and
// per-worker step files feed the replications only, which the shards ran.)
import type { HostInputs, ValidationIssue } from '../../../simulation';
import { applyOverrides, sha256OfScenario, type Overrides } from '../traces/scenario-source';
import { setAtPath } from '../tools/sweep';
import type { SetValue, Variant } from '../whatif/variant';
import type { PartSource, TraceSummary } from './part-format';

export function summarizeTraces(inputs: HostInputs): Record<string, TraceSummary> {
  const out: Record<string, TraceSummary> = {};
  for (const [id, times] of Object.entries(inputs.traces ?? {})) {
    const n = times.length;
    out[id] = { length: n, first: n > 0 ? (times[0] as number) : 0, last: n > 0 ? (times[n - 1] as number) : 0 };
    const tokens = inputs.traceTokens?.[id];
    if (tokens?.prompt) out[id].prompt_tokens = Array.from(tokens.prompt);
    if (tokens?.output) out[id].output_tokens = Array.from(tokens.output);
  }
  return out;
}

/** Array-likes with a trace's length, first and last time, and its token columns: all the merge reads of a trace. */
export function traceStandIns(traces: Record<string, TraceSummary>): HostInputs {
  const out: Record<string, number[]> = {};
  const traceTokens: NonNullable<HostInputs['traceTokens']> = {};
  for (const [id, t] of Object.entries(traces)) {
    if (t.prompt_tokens || t.output_tokens) traceTokens[id] = { prompt: t.prompt_tokens, output: t.output_tokens };
    const like: Record<number, number> & { length: number } = { length: t.length };
    if (t.length > 0) {
      like[0] = t.first;
      like[t.length - 1] = t.last;
    }
    out[id] = like as unknown as number[];
  }
  return Object.keys(traceTokens).length > 0 ? { traces: out, traceTokens } : { traces: out };
}

export class PartScenarioError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  }
}

/** The scenario a shard simulated, rebuilt from its part as `prepareVariant` built it from the file. */
export function partVariant(src: PartSource, sets: readonly SetValue[], overrides: Overrides): Variant {
  let raw = src.raw;
  for (const s of sets) raw = setAtPath(raw, s.segments, s.value);
  const patched = applyOverrides(raw, overrides);
  if (!patched.ok) throw new PartScenarioError(patched.errors);
  return { raw, scenario: patched.scenario, inputs: traceStandIns(src.traces), sha256: sha256OfScenario(raw) };
}
