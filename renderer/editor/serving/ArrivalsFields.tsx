// A service's arrivals: the process, then that process's fields. Changing the process writes
// the new one's required fields carrying the current mean rate (./arrivals-process.ts), as one
// edit; a trace's rate comes from the selected run when it has one.
import { useAppStore } from '../../store';
import { FieldShell } from '../FieldShell';
import { getAtPath, type JsonPath } from '../json-path';
import { ValueField } from '../ScenarioFields';
import { useFieldValue } from '../use-field';
import {
  ARRIVAL_PROCESSES, PROCESS_LABELS, REPLAY_METHODS, arrivalsForProcess, replayForMethod, replayMethodOf,
  type ArrivalProcess, type ReplayMethod,
} from './arrivals-process';
import { ArrivalsPreview } from './ArrivalsPreview';
import { TimeColumnField } from './TimeColumnField';
import { useStrayIssues } from '../use-stray-issues';

/** The fields each process shows (besides `process`), so the rest of its issues show at the process. */
const SHOWN: Record<ArrivalProcess, readonly string[]> = {
  poisson: ['rate_rps'],
  diurnal: ['mean_rps', 'peak_to_mean', 'period_s'],
  bursty: ['rate_rps', 'burst_rate_rps', 'burst_every_s', 'burst_duration_s'],
  trace: ['path', 'time_column', 'scale', 'replay'],
};

const REPLAY_LABELS: Record<ReplayMethod, string> = {
  same: 'the same trace every replication (default)',
  block_bootstrap: 'block bootstrap (random blocks)',
  shifted_windows: 'shifted windows (one per replication)',
};

const isProcess = (v: unknown): v is ArrivalProcess => typeof v === 'string' && (ARRIVAL_PROCESSES as readonly string[]).includes(v);

export function ArrivalsFields({ path, serviceId }: { path: JsonPath; serviceId: unknown }) {
  const raw = useFieldValue([...path, 'process']);
  const process = isProcess(raw) ? raw : null;
  const issues = useStrayIssues(path, process ? SHOWN[process] : []);
  const editFields = useAppStore((s) => s.editFields);
  const at = (key: string) => [...path, key];

  const choose = (next: ArrivalProcess) => {
    const s = useAppStore.getState();
    const horizon = getAtPath(s.raw, ['horizon_s']);
    const run = s.selectedRunId && typeof serviceId === 'string' ? s.results[s.selectedRunId]?.serving?.[serviceId]?.offered_rps : undefined;
    const value = arrivalsForProcess(next, getAtPath(s.raw, path), {
      fallbackRate: typeof run === 'number' ? run : Number.NaN,
      horizonS: typeof horizon === 'number' ? horizon : 3600,
    });
    editFields([{ path, value }]);
  };

  return (
    <>
      <FieldShell label="Arrival process" issues={issues} wide>
        {(aria) => (
          <select {...aria} value={process ?? (raw === undefined ? '' : 'other')} onChange={(e) => { if (isProcess(e.target.value)) choose(e.target.value); }}>
            {raw === undefined && <option value="">not set</option>}
            {raw !== undefined && process === null && <option value="other">{String(raw)} (not allowed)</option>}
            {ARRIVAL_PROCESSES.map((p) => <option key={p} value={p}>{PROCESS_LABELS[p]}</option>)}
          </select>
        )}
      </FieldShell>
      {process === 'poisson' && <ValueField label="Arrival rate (rps)" path={at('rate_rps')} />}
      {process === 'diurnal' && (
        <>
          <ValueField label="Mean arrival rate (rps)" path={at('mean_rps')} />
          <ValueField label="Peak-to-mean ratio (1–2)" path={at('peak_to_mean')} />
          <ValueField label="Period (s)" path={at('period_s')} hint="Trough at t = 0, peak at half the period" wide />
        </>
      )}
      {process === 'bursty' && (
        <>
          <ValueField label="Base arrival rate (rps)" path={at('rate_rps')} />
          <ValueField label="Burst arrival rate (rps)" path={at('burst_rate_rps')} />
          <ValueField label="Burst every (s)" path={at('burst_every_s')} />
          <ValueField label="Burst duration (s)" path={at('burst_duration_s')} />
        </>
      )}
      {process === 'trace' && (
        <>
          <ValueField label="Trace file (CSV)" path={at('path')} numeric={false} hint="Relative to the scenario’s folder" wide />
          <TimeColumnField path={at('time_column')} />
          <ValueField label="Rate scale (×)" path={at('scale')} defaultValue={1} />
          <ReplayFields path={at('replay')} />
        </>
      )}
      <ArrivalsPreview path={path} serviceId={serviceId} />
    </>
  );
}

function ReplayFields({ path }: { path: JsonPath }) {
  const raw = useFieldValue(path);
  const method = replayMethodOf(raw);
  const param = method === 'block_bootstrap' ? 'block_s' : method === 'shifted_windows' ? 'shift_s' : null;
  const issues = useStrayIssues(path, param ? [param] : []);
  const setField = useAppStore((s) => s.setField);
  return (
    <>
      <FieldShell label="Replay" issues={issues} wide>
        {(aria) => (
          <select
            {...aria}
            value={method ?? 'other'}
            onChange={(e) => {
              const next = e.target.value as ReplayMethod;
              if (next === method || !REPLAY_METHODS.includes(next)) return;
              const s = useAppStore.getState();
              const horizon = getAtPath(s.raw, ['horizon_s']);
              setField(path, replayForMethod(next, { horizonS: typeof horizon === 'number' ? horizon : 3600, scale: getAtPath(s.raw, [...path.slice(0, -1), 'scale']) }));
            }}
          >
            {method === null && <option value="other">{JSON.stringify(raw)} (not allowed)</option>}
            {REPLAY_METHODS.map((m) => <option key={m} value={m}>{REPLAY_LABELS[m]}</option>)}
          </select>
        )}
      </FieldShell>
      {param === 'block_s' && <ValueField label="Block length (s)" path={[...path, 'block_s']} hint="At most the trace’s span" wide />}
      {param === 'shift_s' && <ValueField label="Window shift (s)" path={[...path, 'shift_s']} hint="(replications − 1) × shift + horizon × scale must fit in the trace" wide />}
    </>
  );
}
