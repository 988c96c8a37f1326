// Switching a service's arrival process keeps its mean rate and writes what the CLI's own parser
// accepts (a trace waits for its file name); replay and time column as the format reads them.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../../../simulation';
import {
  arrivalsForProcess, meanRateOf, replayForMethod, replayMethodOf, timeColumnFromInput, type ArrivalProcess,
} from '../../../../../renderer/editor/serving/arrivals-process';
import { serviceStarter } from '../../../../../renderer/editor/section-starters';

const ctx = { fallbackRate: Number.NaN, horizonS: 600 };

/** A minimal scenario with one service whose arrivals are `arrivals`, through the CLI's parser. */
function parseWith(arrivals: unknown) {
  const service = { ...serviceStarter('svc'), arrivals };
  return parseScenarioText(JSON.stringify({ format: 'headroom.scenario/v1', name: 't', horizon_s: 600, serving: { services: [service] } }));
}

describe('meanRateOf', () => {
  it('reads the long-run mean of each analytic process', () => {
    expect(meanRateOf({ process: 'poisson', rate_rps: 1200 })).toBe(1200);
    expect(meanRateOf({ process: 'diurnal', mean_rps: 300, peak_to_mean: 1.8, period_s: 86400 })).toBe(300);
    // Bursts of 10 s every 40 s at 100 rps, 20 rps between: 20·¾ + 100·¼ = 40.
    expect(meanRateOf({ process: 'bursty', rate_rps: 20, burst_rate_rps: 100, burst_every_s: 40, burst_duration_s: 10 })).toBe(40);
    // A burst longer than its period covers all of it.
    expect(meanRateOf({ process: 'bursty', rate_rps: 20, burst_rate_rps: 100, burst_every_s: 40, burst_duration_s: 90 })).toBe(100);
  });

  it('is null for a trace and for rates not yet valid', () => {
    expect(meanRateOf({ process: 'trace', path: 'a.csv' })).toBeNull();
    expect(meanRateOf({ process: 'poisson', rate_rps: -1 })).toBeNull();
    expect(meanRateOf({ process: 'poisson' })).toBeNull();
    expect(meanRateOf('poisson')).toBeNull();
  });
});

describe('arrivalsForProcess', () => {
  const poisson = { process: 'poisson', rate_rps: 1200 };

  it.each(['poisson', 'diurnal', 'bursty'] as ArrivalProcess[])('to %s: keeps the mean rate and validates', (process) => {
    const next = arrivalsForProcess(process, poisson, ctx);
    expect((next as { process: string }).process).toBe(process);
    expect(meanRateOf(next)).toBeCloseTo(1200, 6);
    const parsed = parseWith(next);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it('gives a diurnal cycle the horizon as its period, so a run sees all of it', () => {
    expect(arrivalsForProcess('diurnal', poisson, ctx)).toEqual({ process: 'diurnal', mean_rps: 1200, peak_to_mean: 1.5, period_s: 600 });
  });

  it('goes back from bursty to the same mean', () => {
    const bursty = arrivalsForProcess('bursty', { process: 'poisson', rate_rps: 7 }, ctx);
    expect(arrivalsForProcess('poisson', bursty, ctx)).toEqual({ process: 'poisson', rate_rps: 7 });
  });

  it('leaves the arrivals alone when the process is unchanged', () => {
    expect(arrivalsForProcess('poisson', poisson, ctx)).toBe(poisson);
  });

  it('to a trace: the file is left to the user, and the parser says it is required', () => {
    const next = arrivalsForProcess('trace', poisson, ctx);
    expect(next).toEqual({ process: 'trace' });
    const parsed = parseWith(next);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.path)).toContain('serving.services[0].arrivals.path');
  });

  it('from a trace: the run\'s offered rate when known, else the starter\'s 10 rps', () => {
    const trace = { process: 'trace', path: 'a.csv', scale: 2 };
    expect(arrivalsForProcess('poisson', trace, { ...ctx, fallbackRate: 2.61234 })).toEqual({ process: 'poisson', rate_rps: 2.612 });
    expect(arrivalsForProcess('poisson', trace, ctx)).toEqual({ process: 'poisson', rate_rps: 10 });
  });
});

describe('replay', () => {
  it('"same" is the default, so choosing it removes the field', () => {
    expect(replayForMethod('same', { horizonS: 600, scale: 1 })).toBeUndefined();
    expect(replayMethodOf(undefined)).toBe('same');
    expect(replayMethodOf('same')).toBe('same');
  });

  it('shifted windows move by horizon × scale (disjoint windows); block bootstrap by a minute', () => {
    expect(replayForMethod('shifted_windows', { horizonS: 600, scale: 2 })).toEqual({ method: 'shifted_windows', shift_s: 1200 });
    expect(replayForMethod('block_bootstrap', { horizonS: 600, scale: 2 })).toEqual({ method: 'block_bootstrap', block_s: 60 });
    for (const method of ['block_bootstrap', 'shifted_windows'] as const) {
      const parsed = parseWith({ process: 'trace', path: 'a.csv', replay: replayForMethod(method, { horizonS: 600, scale: 1 }) });
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      expect(replayMethodOf(replayForMethod(method, { horizonS: 600, scale: 1 }))).toBe(method);
    }
  });

  it('anything else is not a method the form can show', () => {
    expect(replayMethodOf('random')).toBeNull();
    expect(replayMethodOf({ method: 'jackknife' })).toBeNull();
  });
});

describe('timeColumnFromInput', () => {
  it('reads digits as a 0-based index, other text as a header name, empty as absent', () => {
    expect(timeColumnFromInput('2')).toBe(2);
    expect(timeColumnFromInput(' 0 ')).toBe(0);
    expect(timeColumnFromInput('TIMESTAMP')).toBe('TIMESTAMP');
    expect(timeColumnFromInput('t1')).toBe('t1');
    expect(timeColumnFromInput('  ')).toBeUndefined();
  });
});
