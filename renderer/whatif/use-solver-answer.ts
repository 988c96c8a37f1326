// The newest kept solve of a service, for marking its answer on a replicas sweep. Kept analyses
// never change, so their documents are fetched once per session.
import { useEffect, useState } from 'react';
import type { AnalysisRecord, AnalysisSummary } from '../../electron/common/contract';
import { api } from '../api';

const records = new Map<string, Promise<AnalysisRecord>>();

function record(id: string): Promise<AnalysisRecord> {
  let r = records.get(id);
  if (!r) {
    r = api.getAnalysis(id);
    records.set(id, r);
    r.catch(() => records.delete(id));
  }
  return r;
}

export interface SolverAnswer {
  replicas: number | null;
  /** The range it searched (the analytic estimate to 4 × it). */
  estimate: number;
  searchMax: number;
  version: number;
  analysisId: string;
}

/** The answer of the newest solve of `serviceId` among `analyses` (newest first), or null. */
export function useSolverAnswer(serviceId: string | null, analyses: readonly AnalysisSummary[]): SolverAnswer | null {
  const solves = analyses.filter((a) => a.kind === 'solve');
  const key = solves.map((a) => a.id).join(',');
  const [found, setFound] = useState<{ key: string; answer: SolverAnswer | null } | null>(null);
  useEffect(() => {
    if (serviceId === null || key === '') return;
    let live = true;
    void (async () => {
      for (const id of key.split(',')) {
        try {
          const rec = await record(id);
          const d = rec.document;
          if (d.kind === 'solve' && d.solve.target === 'service' && d.solve.service === serviceId) {
            if (live) setFound({ key: `${serviceId}|${key}`, answer: { replicas: d.solve.replicas, estimate: d.solve.estimate, searchMax: d.solve.search_max, version: rec.summary.scenarioVersion, analysisId: id } });
            return;
          }
        } catch {
          // A solve deleted meanwhile: look at the next one.
        }
      }
      if (live) setFound({ key: `${serviceId}|${key}`, answer: null });
    })();
    return () => {
      live = false;
    };
  }, [serviceId, key]);
  return found && found.key === `${serviceId}|${key}` ? found.answer : null;
}
