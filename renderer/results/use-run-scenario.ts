// The scenario a run ran, for views that judge or narrate its result: the editor's when it shows
// that saved version, else the stored version, fetched once (versions are immutable).
import { useEffect, useState } from 'react';
import type { RunSummary } from '../../electron/common/contract';
import { parseScenarioText, type Scenario } from '../../simulation';
import { api } from '../api';
import { useAppStore } from '../store';

/** Versions are immutable: each is fetched and parsed once (null: not valid any more). */
const versionScenarios = new Map<string, Scenario | null>();

/** The scenario the run ran: the editor's when it shows that saved version, else fetched. */
export function useRunScenario(run: RunSummary): Scenario | null | undefined {
  const editorScenario = useAppStore((s) =>
    s.editorScenarioId === run.scenarioId && s.editorVersion === run.scenarioVersion && s.text === s.savedText && s.parse?.ok ? s.lastValid : null);
  const [fetched, setFetched] = useState<{ id: string; scenario: Scenario | null } | null>(null);
  const known = versionScenarios.get(run.scenarioVersionId);
  useEffect(() => {
    if (editorScenario || versionScenarios.has(run.scenarioVersionId)) return;
    let live = true;
    const id = run.scenarioVersionId;
    api.getVersion(id).then(
      (record) => {
        const parsed = parseScenarioText(record.json);
        versionScenarios.set(id, parsed.ok ? parsed.scenario : null);
        if (live) setFetched({ id, scenario: versionScenarios.get(id) ?? null });
      },
      () => { if (live) setFetched({ id, scenario: null }); },
    );
    return () => { live = false; };
  }, [editorScenario, run.scenarioVersionId]);
  if (editorScenario) return editorScenario;
  if (known !== undefined) return known;
  return fetched?.id === run.scenarioVersionId ? fetched.scenario : undefined;
}
