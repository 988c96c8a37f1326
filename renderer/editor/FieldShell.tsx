// Label, input slot, hint and inline error of one form field, wired for assistive technology:
// the input gets `aria-invalid` and is described by the error and the hint.
import { useId, type ReactNode } from 'react';
import type { ValidationIssue } from '../../simulation';

export interface FieldInputProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

interface Props {
  label: string;
  hint?: string;
  issues: ValidationIssue[];
  wide?: boolean;
  children: (input: FieldInputProps) => ReactNode;
}

export function FieldShell({ label, hint, issues, wide, children }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = issues.length > 0;
  const describedBy = [invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${invalid ? ' invalid' : ''}${wide ? ' wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy })}
      {hint && <p id={hintId} className="field-hint">{hint}</p>}
      {invalid && (
        <p id={errorId} className="field-error">
          {issues.map((i) => i.message).join('; ')}
        </p>
      )}
    </div>
  );
}
