// The scenario as saved — what an analysis runs on — parsed once per saved text: the pickers
// offer its fields and ids, the charts label its inputs and price its pools.
import { useMemo } from 'react';
import { useAppStore } from '../store';

export function useSavedRaw(): unknown {
  const savedText = useAppStore((s) => s.savedText);
  return useMemo(() => {
    try {
      return JSON.parse(savedText) as unknown;
    } catch {
      return undefined;
    }
  }, [savedText]);
}

interface Section { services: { id: string; autoscaling: boolean }[]; pools: { id: string; units: number }[] }

/** The saved scenario's service and pool ids (what Solve can target). */
export function sectionIds(raw: unknown): Section {
  const r = (raw ?? {}) as { serving?: { services?: unknown }; cluster?: { pools?: unknown } };
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null && typeof x.id === 'string') : []);
  return {
    services: list(r.serving?.services).map((s) => ({ id: s.id as string, autoscaling: s.autoscaling !== undefined })),
    pools: list(r.cluster?.pools).map((p) => ({ id: p.id as string, units: typeof p.units === 'number' ? p.units : 0 })),
  };
}
