// Analytic view of a pipeline DAG: reliability without and with retries, the sum of mean task
// durations, and the critical path (CPM on mean durations). Ties go to the earlier task in
// `tasks[]`, so the path is deterministic.
import { distMean } from '../random/dist-mean';
import type { PipelineAnalytic } from '../result/types';
import type { PipelineSpec } from '../scenario/schema';

export function pipelineAnalytic(p: PipelineSpec): PipelineAnalytic {
  const n = p.tasks.length;
  const index = new Map(p.tasks.map((t, i) => [t.id, i]));
  const preds: number[][] = p.tasks.map(() => []);
  const succs: number[][] = p.tasks.map(() => []);
  for (const [from, to] of p.edges) {
    const a = index.get(from), b = index.get(to);
    if (a === undefined || b === undefined) continue;
    preds[b]!.push(a);
    succs[a]!.push(b);
  }
  const duration = p.tasks.map((t) => distMean(t.duration_s));
  // Kahn's algorithm, always taking the earliest ready task in tasks[] order.
  const indegree = preds.map((ps) => ps.length);
  const ready = indegree.flatMap((d, i) => (d === 0 ? [i] : []));
  const finish = new Array<number>(n).fill(0);
  const via = new Array<number>(n).fill(-1);
  while (ready.length > 0) {
    ready.sort((x, y) => x - y);
    const t = ready.shift() as number;
    let start = 0;
    for (const q of [...preds[t]!].sort((x, y) => x - y)) {
      if (via[t] === -1 || finish[q]! > start) { start = finish[q]!; via[t] = q; }
    }
    finish[t] = start + duration[t]!;
    for (const s of succs[t]!) if (--indegree[s]! === 0) ready.push(s);
  }
  let end = 0;
  for (let i = 1; i < n; i++) if (finish[i]! > finish[end]!) end = i;
  const path: string[] = [];
  for (let t = n > 0 ? end : -1; t !== -1; t = via[t]!) path.unshift(p.tasks[t]!.id);
  return {
    reliability: p.tasks.reduce((r, t) => r * (1 - t.failure_probability), 1),
    reliability_with_retries: p.tasks.reduce((r, t) => r * (1 - t.failure_probability ** (t.retries + 1)), 1),
    total_duration_s: duration.reduce((a, b) => a + b, 0),
    critical_path_s: n > 0 ? finish[end]! : 0,
    critical_path: path,
  };
}
