// What the serving form writes when a service's optional block is switched on, and the list
// operations on services (duplicate, which groups stay open). Pure.
import { uniqueId } from '../section-starters';
import { meanRateOf } from './arrivals-process';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

export type OptionalBlock = 'batching' | 'autoscaling' | 'replica_failures';

/** The mean of a `Dist` as written (a number, a fixed value or a mean), or null. */
export function writtenMean(dist: unknown): number | null {
  if (positive(dist)) return dist;
  if (!isObject(dist)) return null;
  if (dist.dist === 'fixed') return positive(dist.value) ? dist.value : null;
  return positive(dist.mean) ? dist.mean : null;
}

/**
 * The block a switch writes for `service` (its raw object). Batching splits the current mean
 * service time into base and per item, so a batch of one takes as long as a request did;
 * autoscaling brackets the current replicas (from 1 to twice as many), which it must lie within;
 * replica failures: one an hour, back after a minute.
 */
export function blockStarter(block: OptionalBlock, service: unknown): Record<string, unknown> {
  const svc = isObject(service) ? service : {};
  switch (block) {
    case 'batching': {
      const m = writtenMean(svc.service_time_ms) ?? 50;
      const half = Math.round((m / 2) * 1000) / 1000;
      return { max_batch: 8, max_wait_ms: 10, batch_time_ms: { base: half, per_item: half } };
    }
    case 'autoscaling': {
      const replicas = typeof svc.replicas === 'number' && Number.isInteger(svc.replicas) && svc.replicas >= 1 ? svc.replicas : 1;
      return { min_replicas: 1, max_replicas: Math.max(2, replicas * 2), target_utilization: 0.7, interval_s: 30 };
    }
    case 'replica_failures':
      return { mtbf_s: 3600, restart_s: 60 };
  }
}

/** A copy of `service` under a new id (`<id>_2`, …) unique among `takenIds`. */
export function duplicateService(service: unknown, takenIds: readonly unknown[]): Record<string, unknown> {
  const svc = isObject(service) ? service : {};
  const base = typeof svc.id === 'string' && svc.id !== '' ? svc.id : 'service_1';
  return { ...structuredClone(svc), id: uniqueId(base, takenIds) };
}

/** Open groups after an item is inserted at `index` (those at or after it move down one). */
export function openAfterInsert(open: ReadonlySet<number>, index: number): Set<number> {
  return new Set([...open].map((i) => (i >= index ? i + 1 : i)));
}

/** Open groups after the item at `index` is removed (it closes; those after it move up one). */
export function openAfterRemove(open: ReadonlySet<number>, index: number): Set<number> {
  return new Set([...open].filter((i) => i !== index).map((i) => (i > index ? i - 1 : i)));
}

/** One line for a collapsed service: its arrivals and replicas as written ("diurnal, mean 1200 rps · 8 replicas"), and whether it is an LLM. */
export function serviceSummary(service: unknown): string {
  const svc = isObject(service) ? service : {};
  const parts: string[] = [];
  const a = isObject(svc.arrivals) ? svc.arrivals : {};
  const process = typeof a.process === 'string' ? a.process : null;
  const mean = meanRateOf(a);
  if (process) parts.push(mean === null ? process : `${process}, ${process === 'poisson' ? '' : 'mean '}${Number(mean.toPrecision(4))} rps`);
  if (typeof svc.replicas === 'number') parts.push(`${svc.replicas} replica${svc.replicas === 1 ? '' : 's'}`);
  if (svc.llm !== undefined) parts.push('LLM, token level');
  return parts.join(' · ');
}
