// Field components for the form view: plain values and distribution-valued durations.
import { formatPath } from '../../simulation';
import { distTarget } from './dist-field';
import { FieldShell } from './FieldShell';
import type { JsonPath } from './json-path';
import { useFieldIgnored, useFieldIssues, useFieldValue } from './use-field';
import { ValueInput } from './ValueInput';

interface FieldProps {
  label: string;
  path: JsonPath;
  hint?: string;
  /** Shown as the placeholder when the field is absent and a default applies. */
  defaultValue?: number;
  numeric?: boolean;
  wide?: boolean;
}

export function ValueField({ label, path, hint, defaultValue, numeric = true, wide }: FieldProps) {
  const value = useFieldValue(path);
  const issues = useFieldIssues(path);
  const ignored = useFieldIgnored(path);
  return (
    <FieldShell label={label} hint={hint} issues={issues} ignored={ignored} wide={wide}>
      {(aria) => (
        <ValueInput
          key={formatPath(path)}
          {...aria}
          path={path}
          value={value}
          numeric={numeric}
          placeholder={defaultValue === undefined ? undefined : `${defaultValue} (default)`}
        />
      )}
    </FieldShell>
  );
}

/** A `Dist` field: edits the number that keeps its distribution kind (value or mean). */
export function DistField({ label, path, optional }: { label: string; path: JsonPath; optional?: boolean }) {
  const raw = useFieldValue(path);
  const issues = useFieldIssues(path);
  const ignored = useFieldIgnored(path);
  const target = distTarget(raw, path);
  const hint = !target.editable
    ? `${target.kind} distribution — edit it in the JSON view`
    : target.kind && target.kind !== 'fixed' ? `mean of the ${target.kind} distribution` : undefined;
  return (
    <FieldShell label={label} hint={hint} issues={issues} ignored={ignored}>
      {(aria) =>
        target.editable ? (
          <ValueInput key={formatPath(target.path)} {...aria} path={target.path} value={target.value} numeric placeholder={optional ? '0' : undefined} />
        ) : (
          <input {...aria} type="text" readOnly value={`${target.kind}`} />
        )
      }
    </FieldShell>
  );
}
