// Field components for the form view: plain values, choices and switches (distributions: DistPicker). Every one reads its value, issues and ignored-reason from the store by JSON path.
import { formatPath } from '../../simulation';
import { useAppStore } from '../store';
import { textFromValue } from './field-input';
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

interface ChoiceProps {
  label: string;
  path: JsonPath;
  /** [value, label] pairs; the value is written as is (string, number or boolean). */
  options: readonly (readonly [string | number | boolean, string])[];
  /** The engine's default, shown as the first option "… (default)" that removes the field. */
  defaultValue?: string | number | boolean;
  hint?: string;
  wide?: boolean;
}

/** A field with a fixed set of values (policy, trigger rule, …); choosing the default removes it. */
export function ChoiceField({ label, path, options, defaultValue, hint, wide }: ChoiceProps) {
  const value = useFieldValue(path);
  const issues = useFieldIssues(path);
  const ignored = useFieldIgnored(path);
  const setField = useAppStore((s) => s.setField);
  const index = options.findIndex(([v]) => Object.is(v, value));
  const known = value === undefined || index >= 0;
  return (
    <FieldShell label={label} hint={hint} issues={issues} ignored={ignored} wide={wide}>
      {(aria) => (
        <select
          {...aria}
          disabled={aria.disabled}
          value={value === undefined ? '' : known ? String(index) : 'other'}
          onChange={(e) => {
            const v = e.target.value;
            if (v === '') setField(path, undefined);
            else if (v !== 'other') setField(path, options[Number(v)]?.[0]);
          }}
        >
          {(defaultValue !== undefined || value === undefined) && (
            <option value="">{defaultValue === undefined ? 'not set' : `${options.find(([v]) => Object.is(v, defaultValue))?.[1] ?? String(defaultValue)} (default)`}</option>
          )}
          {!known && <option value="other">{textFromValue(value)} (not allowed)</option>}
          {options.map(([v, text], i) => <option key={String(v)} value={String(i)}>{text}</option>)}
        </select>
      )}
    </FieldShell>
  );
}

/** A true/false field; unchecking writes false only where false is not already the default. */
export function CheckField({ label, path, defaultValue = false, hint }: { label: string; path: JsonPath; defaultValue?: boolean; hint?: string }) {
  const value = useFieldValue(path);
  const issues = useFieldIssues(path);
  const ignored = useFieldIgnored(path);
  const setField = useAppStore((s) => s.setField);
  const checked = typeof value === 'boolean' ? value : defaultValue;
  return (
    <FieldShell label={label} hint={hint} issues={issues} ignored={ignored}>
      {(aria) => (
        <input
          {...aria}
          type="checkbox"
          disabled={aria.disabled}
          checked={checked}
          onChange={(e) => setField(path, e.target.checked === defaultValue ? undefined : e.target.checked)}
        />
      )}
    </FieldShell>
  );
}
