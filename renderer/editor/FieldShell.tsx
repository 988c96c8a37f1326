// Label, input slot, hint and inline error of one form field, wired for assistive technology:
// the input gets `aria-invalid` and is described by the error and the hint. A field the engine
// ignores in the scenario's configuration is disabled and described by the reason.
import { useId, type ReactNode } from 'react';
import type { ValidationIssue } from '../../simulation';

export interface FieldInputProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
  /** Set, with readOnly (which gives it the look of a field not edited here), when ignored. */
  disabled?: boolean;
  readOnly?: boolean;
}

interface Props {
  label: string;
  hint?: string;
  issues: ValidationIssue[];
  /** Why the engine ignores this field in the current configuration. */
  ignored?: string;
  wide?: boolean;
  children: (input: FieldInputProps) => ReactNode;
}

export function FieldShell({ label, hint, issues, ignored, wide, children }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const ignoredId = `${id}-ignored`;
  const hintId = `${id}-hint`;
  const invalid = issues.length > 0;
  const describedBy = [invalid ? errorId : null, ignored ? ignoredId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  const input: FieldInputProps = { id, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy };
  if (ignored) { input.disabled = true; input.readOnly = true; }
  return (
    <div className={`field${invalid ? ' invalid' : ''}${wide ? ' wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(input)}
      {ignored && <p id={ignoredId} className="field-hint">{ignored}</p>}
      {hint && <p id={hintId} className="field-hint">{hint}</p>}
      {invalid && (
        <p id={errorId} className="field-error">
          {issues.map((i) => i.message).join('; ')}
        </p>
      )}
    </div>
  );
}
