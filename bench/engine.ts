// Engine benchmarks (issue 3), run by bench/run.ts. Prints medians; CI does not gate on them.
//   1. M/M/c, λ = 1200/s, c = 9, μ = 150/s, 600 simulated s: customers (and events) per
//      wall-second, with SimPy's figure for the same model from the same run when Debian's SimPy
//      is present; and the same model written SimPy-style on the kernel's processes and Resource
//      (test/validation/kernel-models.ts), for the cost of that clearer flavour.
//   2. The seed service for one simulated hour (10 replicas × 12 slots): wall time, one core.
//   3. Peak RSS for 10 simulated hours vs 1 hour (statistics must not grow with requests).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runReplication, validateScenario, type Scenario } from '../simulation';
import { mmcOnProcesses } from '../test/validation/kernel-models';

import { median, REPEATS } from './util';

function scenario(raw: Record<string, unknown>): Scenario {
  const r = validateScenario({ format: 'headroom.scenario/v1', name: 'bench', replications: 1, ...raw });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

function service(over: Record<string, unknown>) {
  return { serving: { services: [{ id: 'svc', arrivals: { process: 'poisson', rate_rps: 1200 }, latency_budget_ms: 200, ...over }] } };
}

function timeReplication(s: Scenario): { ms: number; customers: number; events: number } {
  const t0 = performance.now();
  const out = runReplication(s, 0, { now: () => performance.now() });
  const ms = performance.now() - t0;
  return { ms, customers: out.serving.svc?.requests ?? 0, events: out.events };
}

function benchMmc(): void {
  const s = scenario({ horizon_s: 600, ...service({ replicas: 9, service_time_ms: { dist: 'exponential', mean: 1000 / 150 } }) });
  // Two warm-up runs (the JIT needs more than one ~0.2 s run to settle), then at least 5 timed
  // runs: a single run is short, so its median needs more samples than the longer benches.
  timeReplication(s);
  timeReplication(s);
  const runs = Array.from({ length: Math.max(REPEATS, 5) }, () => timeReplication(s));
  const rate = median(runs.map((r) => r.customers / (r.ms / 1000)));
  const eventRate = median(runs.map((r) => r.events / (r.ms / 1000)));
  console.log(`1. M/M/c λ=1200 c=9 μ=150, 600 s: ${runs[0]?.customers} customers, median ${(rate / 1e6).toFixed(2)}M customers/s, ${(eventRate / 1e6).toFixed(2)}M events/s (${runs.length} runs; target ≥ 2.8M/s)`);
  const processRate = median(Array.from({ length: REPEATS }, () => {
    const t0 = performance.now();
    const run = mmcOnProcesses(9, 1.2, 1000 / 150, 600_000, 0, 1, 0); // ms clock
    return run.customers / ((performance.now() - t0) / 1000);
  }));
  console.log(`   the same model on processes + Resource (SimPy-style kernel API): ${(processRate / 1e3).toFixed(0)}k customers/s`);
  const python = '/usr/bin/python3';
  const script = path.join(__dirname, 'simpy_mmc.py');
  const probe = fs.existsSync(python) ? spawnSync(python, ['-c', 'import simpy'], { encoding: 'utf8' }) : null;
  if (!probe || probe.status !== 0) {
    console.log('   SimPy: not installed (Debian python3-simpy3); ratio not measured');
    return;
  }
  const simpy = Array.from({ length: runs.length }, (_, i) => {
    const out = spawnSync(python, [script, '1200', '9', '150', '600', String(i + 1)], { encoding: 'utf8' }).stdout.trim().split(/\s+/);
    return Number(out[0]) / Number(out[1]);
  });
  const simpyRate = median(simpy);
  console.log(`   SimPy ${(simpyRate / 1e3).toFixed(0)}k customers/s (median of ${simpy.length}); Headroom/SimPy = ${(rate / simpyRate).toFixed(1)}× (target ≥ 20×); processes/SimPy = ${(processRate / simpyRate).toFixed(1)}×`);
}

function benchSeedHour(): void {
  const s = scenario({
    horizon_s: 3600,
    ...service({ replicas: 10, concurrency: 12, service_time_ms: { dist: 'exponential', mean: 80 }, latency_ms: { feature: 45, network: 35, postprocess: 20 } }),
  });
  const runs = Array.from({ length: REPEATS }, () => timeReplication(s));
  const eventRate = median(runs.map((r) => r.events / (r.ms / 1000)));
  console.log(`2. seed service, 1 simulated hour, 10 replicas × 12 slots: ${runs[0]?.customers} requests, median ${(median(runs.map((r) => r.ms)) / 1000).toFixed(2)} s wall, ${(eventRate / 1e6).toFixed(2)}M events/s (target < 2 s)`);
}

function peakRss(hours: number): number {
  const code = `
    const { runReplication, validateScenario } = require(${JSON.stringify(path.join(__dirname, '..', 'simulation', 'index.ts'))});
    const r = validateScenario({ format: 'headroom.scenario/v1', name: 'rss', replications: 1, horizon_s: ${hours * 3600},
      serving: { services: [{ id: 'svc', arrivals: { process: 'poisson', rate_rps: 1200 }, replicas: 10, concurrency: 12,
        service_time_ms: { dist: 'exponential', mean: 80 }, latency_budget_ms: 200 }] } });
    runReplication(r.scenario, 0, {});
    console.log(process.resourceUsage().maxRSS);`;
  const out = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return Number(out.stdout.trim()) / 1024;
}

function benchMemory(): void {
  const one = peakRss(1);
  const ten = peakRss(10);
  console.log(`3. peak RSS: 1 h ${one.toFixed(0)} MiB, 10 h ${ten.toFixed(0)} MiB, ratio ${(ten / one).toFixed(2)} (target ≤ 1.20)`);
}

export function benchEngine(): void {
  console.log('== engine');
  benchMmc();
  benchSeedHour();
  benchMemory();
}
