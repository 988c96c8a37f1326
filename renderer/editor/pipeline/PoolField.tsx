// A task's cluster pool: a choice among the scenario's pools when it has a cluster, else a
// text field (the validator then says the pool needs a cluster section).
import { useAppStore } from '../../store';
import { FieldShell } from '../FieldShell';
import { getAtPath, type JsonPath } from '../json-path';
import { ValueField } from '../ScenarioFields';
import { useFieldIgnored, useFieldIssues, useFieldValue } from '../use-field';

/** The cluster's pool ids, one per line (a string, so the store selector stays stable). */
function poolIdsText(raw: unknown): string {
  const pools = getAtPath(raw, ['cluster', 'pools']);
  if (!Array.isArray(pools)) return '';
  return [...new Set(pools.map((p) => getAtPath(p, ['id'])).filter((id): id is string => typeof id === 'string' && id !== '' && !id.includes('\n')))].join('\n');
}

export function PoolField({ path }: { path: JsonPath }) {
  const pools = useAppStore((s) => poolIdsText(s.raw));
  if (pools === '') return <ValueField label="Pool" path={path} numeric={false} />;
  return <PoolChoice path={path} pools={pools.split('\n')} />;
}

function PoolChoice({ path, pools }: { path: JsonPath; pools: string[] }) {
  const value = useFieldValue(path);
  const issues = useFieldIssues(path);
  const ignored = useFieldIgnored(path);
  const setField = useAppStore((s) => s.setField);
  const known = value === undefined || (typeof value === 'string' && pools.includes(value));
  return (
    <FieldShell label="Pool" issues={issues} ignored={ignored}>
      {(aria) => (
        <select {...aria} disabled={aria.disabled} value={value === undefined ? '' : known ? String(value) : '\u0000other'} onChange={(e) => {
          if (e.target.value === '') setField(path, undefined);
          else if (pools.includes(e.target.value)) setField(path, e.target.value);
        }}>
          <option value="">none (holds no units)</option>
          {!known && <option value={'\u0000other'}>{JSON.stringify(value)} (no such pool)</option>}
          {pools.map((id) => <option key={id} value={id}>{id}</option>)}
        </select>
      )}
    </FieldShell>
  );
}
