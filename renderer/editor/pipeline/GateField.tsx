// A task's governance gate as one choice — none, an approval with no delay (`true`), or an
// approval that takes time and may be rejected (an object) — with the object's own fields.
import { DistPicker } from '../DistPicker';
import { FieldShell } from '../FieldShell';
import type { JsonPath } from '../json-path';
import { ValueField } from '../ScenarioFields';
import { useAppStore } from '../../store';
import { useFieldIgnored, useFieldIssues, useFieldValue } from '../use-field';

type GateKind = 'none' | 'approval' | 'delay' | 'other';

/** What "approval with delay" starts from: human waits are skewed, so exponential, 30 min. */
const DELAYED_GATE = { approval_delay_s: { dist: 'exponential', mean: 1800 }, rejection_probability: 0 };

function gateKind(value: unknown): GateKind {
  if (value === undefined || value === false) return 'none';
  if (value === true) return 'approval';
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? 'delay' : 'other';
}

export function GateField({ path }: { path: JsonPath }) {
  const value = useFieldValue(path);
  const issues = useFieldIssues(path);
  const ignored = useFieldIgnored(path);
  const setField = useAppStore((s) => s.setField);
  const kind = gateKind(value);
  const ownIssues = kind === 'delay' ? issues.filter((i) => !i.path.includes('.approval_delay_s') && !i.path.includes('.rejection_probability')) : issues;
  return (
    <>
      <FieldShell label="Approval gate" issues={ownIssues} ignored={ignored}>
        {(aria) => (
          <select
            {...aria}
            disabled={aria.disabled}
            value={kind}
            onChange={(e) => {
              const next = e.target.value as GateKind;
              if (next === 'none') setField(path, undefined);
              else if (next === 'approval') setField(path, true);
              else if (next === 'delay') setField(path, DELAYED_GATE);
            }}
          >
            <option value="none">none</option>
            <option value="approval">approval, no delay</option>
            <option value="delay">approval with delay</option>
            {kind === 'other' && <option value="other">{JSON.stringify(value)} (not allowed)</option>}
          </select>
        )}
      </FieldShell>
      {kind === 'delay' && (
        <>
          <ValueField label="Rejection probability" path={[...path, 'rejection_probability']} defaultValue={0} />
          <DistPicker name="Approval delay" unit="s" path={[...path, 'approval_delay_s']} optional absentMeans="0 s" />
        </>
      )}
    </>
  );
}
