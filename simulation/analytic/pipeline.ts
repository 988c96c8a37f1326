// Analytic view of a pipeline DAG: reliability without and with retries (∏(1−p),
// ∏(1 − p^(r+1))), the sum of mean task durations, the deterministic critical path and the
// structural blast radius of each task.
//
// The critical path is CPM on mean durations — a task takes mean(approval delay) + mean(duration)
// — evaluated with the model's own trigger semantics in the run where every attempt succeeds
// (so for all_success DAGs it is textbook CPM; an `always` task starts at 0, a one_success task
// when its first upstream ends, an all_failed task is skipped and adds nothing). Retries and
// timeouts are ignored. The path is traced exactly as the simulator traces a run's realised
// critical path (pipeline/collector.ts), ties broken the same way, so it is deterministic.
//
// Blast radius of task X (structural): in that same run but with X's attempts failing, how many
// of X's descendants end upstream_failed or skipped; null when X would not run at all. Omitted
// for DAGs too large to evaluate once per task (BLAST_WORK_LIMIT).
import { PipelineCollector } from '../pipeline/collector';
import { compileDag, type Dag } from '../pipeline/dag';
import { evaluateRun, RunRecord } from '../pipeline/evaluate';
import { modalCriticalPath } from '../pipeline/merge';
import { SKIPPED, UPSTREAM_FAILED } from '../pipeline/types';
import { distMean } from '../random/dist-mean';
import type { PipelineAnalytic } from '../result/types';
import type { PipelineSpec } from '../scenario/schema';

const BLAST_WORK_LIMIT = 4e7;

export function pipelineAnalytic(p: PipelineSpec, dag: Dag = compileDag(p)): PipelineAnalytic {
  const n = dag.n;
  const elapsed = Float64Array.from(p.tasks.map((t) =>
    (typeof t.gate === 'object' ? distMean(t.gate.approval_delay_s) : 0) + distMean(t.duration_s)));
  const ok = new Uint8Array(n).fill(1);
  const attempts = new Int32Array(n).fill(1);
  const rec = new RunRecord(n);
  evaluateRun(dag, elapsed, ok, attempts, rec);
  const collector = new PipelineCollector(dag);
  collector.addRun(rec);
  const nominal = collector.figures(1);
  const out: PipelineAnalytic = {
    reliability: p.tasks.reduce((r, t) => r * (1 - t.failure_probability), 1),
    reliability_with_retries: p.tasks.reduce((r, t) => r * (1 - t.failure_probability ** (t.retries + 1)), 1),
    total_duration_s: p.tasks.reduce((sum, t) => sum + distMean(t.duration_s), 0),
    critical_path_s: nominal.makespan_s.mean ?? 0,
    critical_path: modalCriticalPath(dag, [nominal]),
  };
  // One partial evaluation per task, of the tasks after it in topological order: ~n(n + e)/2.
  if ((n * (n + dag.predList.length)) / 2 <= BLAST_WORK_LIMIT) out.blast_radius = blastRadius(dag, elapsed, rec);
  return out;
}

function blastRadius(dag: Dag, elapsed: Float64Array, nominal: RunRecord): Record<string, number | null> {
  const n = dag.n;
  const ok = new Uint8Array(n).fill(1);
  const attempts = new Int32Array(n).fill(1);
  const rec = new RunRecord(n);
  const pos = new Int32Array(n);
  dag.topo.forEach((t, i) => { pos[t] = i; });
  const out: Record<string, number | null> = {};
  const mark = new Uint8Array(n);
  for (let x = 0; x < n; x++) {
    // Only tasks after x in topological order can change: start from the nominal run there.
    const from = pos[x]!;
    rec.state.set(nominal.state);
    rec.finish.set(nominal.finish);
    rec.ran.set(nominal.ran);
    ok[x] = 0;
    evaluateRun(dag, elapsed, ok, attempts, rec, from);
    ok[x] = 1;
    if (rec.ran[x] === 0) { out[dag.ids[x] as string] = null; continue; }
    // Descendants of x, by a pass in topological order.
    mark.fill(0);
    mark[x] = 1;
    let c = 0;
    for (let i = from + 1; i < n; i++) {
      const t = dag.topo[i]!;
      for (let e = dag.predStart[t]!; e < dag.predStart[t + 1]!; e++) {
        if (mark[dag.predList[e]!] === 1) { mark[t] = 1; break; }
      }
      if (mark[t] === 1 && (rec.state[t] === UPSTREAM_FAILED || rec.state[t] === SKIPPED)) c++;
    }
    out[dag.ids[x] as string] = c;
  }
  return out;
}
