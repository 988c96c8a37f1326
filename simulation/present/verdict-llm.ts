// The verdict of an `llm` serving service (docs/llm-serving.md) in TTFT and TPOT terms: each SLO
// judged at its percentile with 95% confidence as the request-level verdict judges latency
// (./verdict-serving.ts, judgeSlo: met when the CI's upper end is within the SLO, missed when its
// lower end is over); the headline says which SLO holds and which fails; why, from the run's own
// figures (the wait for the batch, the prefill alone, the iteration a decode shares with a
// prefill chunk, the replicas' utilizations, preemptions); and what fixes it (the roofline's
// stable count, solve's answer or a pointer to it, the scheduler's token budget).
import type { MaybeStat, ResultDocument, ServiceResult } from '../result/types';
import type { ServiceSpec } from '../scenario/schema';
import type { SolveResult } from '../serving/solve';
import { traceReplayNote } from './trace-replay-note';
import { judgeSlo, serviceCostPerHour, type SloJudgement } from './verdict-serving';
import { costNote, type VerdictText } from './verdict-text';
import type { Verdict, VerdictTone } from './verdicts';

type LlmSpec = NonNullable<ServiceSpec['llm']>;

/** "TTFT p99 ≤ 1,000 ms and TPOT p99 ≤ 50 ms": the two SLOs as solve and the verdict name them. */
export function llmSloText(x: VerdictText, llm: LlmSpec): string {
  const s = llm.slo;
  return `TTFT ${x.p(s.ttft_percentile)} ≤ ${x.ms(s.ttft_ms)} and TPOT ${x.p(s.tpot_percentile)} ≤ ${x.ms(s.tpot_ms)}`;
}

interface Part {
  name: 'TTFT' | 'TPOT';
  p: string;
  sloMs: number;
  at: MaybeStat;
  judged: SloJudgement;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);

export function llmVerdict(doc: ResultDocument, id: string, svc: ServiceResult, spec: ServiceSpec, x: VerdictText, solve?: SolveResult): Verdict {
  const llm = spec.llm as LlmSpec;
  const fig = svc.llm;
  const a = svc.analytic.llm;
  const s = llm.slo;
  const parts: Part[] = [
    { name: 'TTFT', p: x.p(s.ttft_percentile), sloMs: s.ttft_ms, at: fig?.ttft_at_slo_ms ?? null, judged: judgeSlo(fig?.ttft_at_slo_ms ?? null, s.ttft_ms) },
    { name: 'TPOT', p: x.p(s.tpot_percentile), sloMs: s.tpot_ms, at: fig?.tpot_at_slo_ms ?? null, judged: judgeSlo(fig?.tpot_at_slo_ms ?? null, s.tpot_ms) },
  ];
  const [ttft, tpot] = parts as [Part, Part];
  // A run whose outputs all have one token has no TPOT to measure: such requests meet it (vLLM's goodput rule).
  if (tpot.judged === 'unmeasured' && ttft.judged !== 'unmeasured') tpot.judged = 'met';
  const slo = llmSloText(x, llm);
  const statOf = (q: Part) => `${q.name} ${q.p} ${x.stat(q.at, 'ms')}`;
  const sloOf = (q: Part) => `${q.name} ${q.p} ≤ ${x.ms(q.sloMs)}`;
  const offered = svc.offered_rps;
  const replicasText = x.plural(spec.replicas, 'replica');
  const rate = spec.cost_per_replica_hour;
  const costOf = (n: number) => (rate === undefined ? null : n * rate);
  const sig = x.cost; // a plain number at about three significant digits
  const why: string[] = [];
  const fix: string[] = [];
  let tone: VerdictTone, status: string, headline: string;

  const allMet = parts.every((q) => q.judged === 'met');
  const anyMissed = parts.some((q) => q.judged === 'missed');
  const saturated = a !== undefined && offered >= a.max_sustainable_rps;
  if (!svc.stable) {
    tone = 'bad';
    status = 'Unstable';
    headline = saturated
      ? `${replicasText} can serve at most ${x.rps(a.max_sustainable_rps)} by the roofline, under the ${x.rps(offered)} offered: the waiting lines never drain`
      : 'The waiting lines had not drained when the run ended';
    if (a) why.push(`${saturated ? 'Saturation' : 'Capacity'}: a replica sustains ${x.rps(a.per_replica_max_rps)} (${a.bound}-bound at ${x.n(a.saturation_batch)} sequences)${spec.replicas === 1 ? '' : `, ${replicasText} ${x.rps(a.max_sustainable_rps)}`}; ${x.rps(offered)} offered${saturated ? '' : ' on average, but the load varies faster than the lines drain'}`);
    why.push(`Waits grow for as long as the run lasts, so ${statOf(ttft)} is not a steady-state figure`);
  } else if (ttft.judged === 'unmeasured') {
    tone = 'warn';
    status = 'No data';
    headline = `No request completed in the measured window, so the TTFT ${ttft.p} is unknown`;
  } else if (allMet) {
    tone = 'good';
    status = 'Met';
    const measured = parts.filter((q) => q.at !== null).map(statOf);
    headline = `Meets ${slo} with 95% confidence: ${measured.join(', ')}`;
    why.push(parts.filter((q) => q.at !== null).map((q) => `${x.ms(q.sloMs - q.at!.ci95[1])} of ${q.name} headroom`).join(' and ') + ' at the upper ends of the 95% CIs');
  } else {
    tone = anyMissed ? 'bad' : 'warn';
    status = anyMissed ? 'Missed' : 'Undecided';
    const clauses = parts.filter((q) => q.judged !== 'met').map((q) => (q.judged === 'missed'
      ? `${statOf(q)} is over the ${x.ms(q.sloMs)} SLO with 95% confidence`
      : `the 95% CI of ${statOf(q)} straddles the ${x.ms(q.sloMs)} SLO`));
    const held = parts.filter((q) => q.judged === 'met').map((q) => (q.at ? `${statOf(q)} meets the ${x.ms(q.sloMs)} SLO` : `${sloOf(q)} holds (no output had two tokens)`));
    headline = capital([...clauses, ...held].join('; '));
  }

  if (svc.stable && fig && a) {
    const waitP99 = svc.wait_ms.p99?.mean ?? 0;
    if (ttft.judged === 'missed' || ttft.judged === 'undecided') {
      // How far the TTFT at its percentile is over the SLO; a p99 wait at least that long is what to cut.
      const over = ttft.at!.mean - ttft.sloMs;
      const bursts = spec.arrivals.process === 'poisson' ? '' : ` (${spec.arrivals.process} arrivals come in bursts and peaks)`;
      if (waitP99 >= over) {
        why.push(`TTFT is mostly the wait for the batch: requests wait ${x.ms(waitP99)} at the p99 before their prefill starts${bursts}, while a mean prompt's prefill alone takes ${x.ms(a.ttft_unloaded_ms)}; more replicas shorten the wait`);
      } else {
        why.push(`TTFT is mostly the prefill itself: requests wait ${x.ms(waitP99)} at the p99, but a prefill takes ${x.ms(a.prefill_ms_per_1k_tokens)} per 1,000 prompt tokens (${x.ms(a.ttft_unloaded_ms)} for a mean prompt) alone on a replica, so more replicas help little: faster GPUs, more GPUs per replica, or shorter prompts`);
      }
    }
    if (tpot.judged === 'missed' || tpot.judged === 'undecided') {
      const budget = llm.scheduler.max_num_batched_tokens;
      const chunkMs = (budget / 1000) * a.prefill_ms_per_1k_tokens;
      if (a.decode_ms_per_token_batch_1 > tpot.sloMs) {
        why.push(`Even alone, a decode step takes ${x.ms(a.decode_ms_per_token_batch_1)} (the weights are read once per token): over the ${x.ms(tpot.sloMs)} TPOT SLO at any replica count; faster memory or more GPUs per replica`);
      } else if (chunkMs > tpot.sloMs) {
        why.push(`Decodes share iterations with prefill chunks of up to ${x.n(budget)} tokens (${x.id('max_num_batched_tokens')}), and such a chunk takes about ${x.ms(chunkMs)} of compute: a decode in that iteration waits for it`);
      } else if (a.decode_ms_per_token_at_max_num_seqs > tpot.sloMs) {
        why.push(`Large batches are slow: a decode step of ${x.n(llm.scheduler.max_num_seqs)} sequences (${x.id('max_num_seqs')}) takes ${x.ms(a.decode_ms_per_token_at_max_num_seqs)}`);
      }
    }
    why.push(`The replicas use ${x.pct(fig.flop_utilization?.mean ?? 0)} of their FLOP/s, ${x.pct(fig.bandwidth_utilization?.mean ?? 0)} of their memory bandwidth and ${x.pct(fig.kv_cache_utilization?.mean ?? 0)} of their KV cache, with ${sig(fig.mean_batch_seqs?.mean ?? 0)} sequences per iteration on average`);
    if (fig.preemptions > 0) {
      why.push(`${x.n(fig.preemptions)} ${verb(fig.preemptions, 'preemption', 'preemptions')} threw away ${x.n(fig.recomputed_tokens)} tokens to recompute: the KV cache (${x.n(a.kv_cache_tokens)} tokens per replica) is short at this load`);
    }
  }

  // What fixes it: first a stable count, then the SLOs.
  const stableN = svc.analytic.stable_replicas;
  if (stableN !== undefined && spec.replicas < stableN) {
    fix.push(`${x.plural(stableN, 'replica')} ${verb(stableN, 'makes', 'make')} it stable by the roofline${costNote(x, costOf(stableN))}`);
  } else if (!svc.stable) {
    fix.push('More replicas absorb the peaks');
  }
  const mine = solve?.service === id ? solve : undefined;
  if (!allMet || !svc.stable) {
    if (status === 'Undecided' && svc.stable) fix.push(`More replications (now ${x.n(doc.replications)}) narrow the 95% CIs enough to decide`);
    if (tpot.judged !== 'met' && a) {
      const budget = llm.scheduler.max_num_batched_tokens;
      if ((budget / 1000) * a.prefill_ms_per_1k_tokens > tpot.sloMs && a.decode_ms_per_token_batch_1 <= tpot.sloMs) {
        fix.push(`A smaller ${x.id('max_num_batched_tokens')} (now ${x.n(budget)}) cuts prefills into shorter chunks, so decodes wait less; prompts then take more iterations to prefill`);
      }
    }
    if (mine) {
      fix.push(mine.replicas !== null
        ? `${x.plural(mine.replicas, 'replica')} ${verb(mine.replicas, 'meets', 'meet')} ${slo} with 95% confidence${costNote(x, costOf(mine.replicas))}`
        : `No count from ${x.n(mine.estimate)} to ${x.n(mine.search_max)} replicas meets ${slo} with 95% confidence`);
    } else if (!(tpot.judged !== 'met' && a && a.decode_ms_per_token_batch_1 > tpot.sloMs)) {
      fix.push(`Solve finds the fewest replicas that meet ${slo} with 95% confidence`);
    }
  } else if (mine && mine.replicas !== null && mine.replicas < spec.replicas) {
    fix.push(`${x.plural(mine.replicas, 'replica')} also ${verb(mine.replicas, 'meets', 'meet')} ${slo} with 95% confidence${costNote(x, costOf(mine.replicas))}`);
  }

  const replayNote = traceReplayNote(svc, x.id);
  if (replayNote) why.push(replayNote);
  if (doc.truncated) why.push(`Partial result: the run stopped early (${doc.truncated.reason})`);
  return { layer: 'serving', subject: id, tone, status, headline, why, fix, costPerHour: serviceCostPerHour(doc, spec, svc) };
}
