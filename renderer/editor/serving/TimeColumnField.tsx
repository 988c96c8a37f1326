// A trace's `time_column` (or an `llm` token length's `column`): a header name, or a 0-based
// column index when only digits are typed (the format takes either). A local draft keeps "1"
// from jumping while "10" is typed.
import { useState } from 'react';
import { useAppStore } from '../../store';
import { textFromValue } from '../field-input';
import { FieldShell } from '../FieldShell';
import type { JsonPath } from '../json-path';
import { useFieldIssues, useFieldValue } from '../use-field';
import { timeColumnFromInput } from './arrivals-process';

interface Props {
  path: JsonPath;
  /** The field's label and placeholder; a trace's time column by default (a token count's column reuses it). */
  label?: string;
  placeholder?: string;
}

export function TimeColumnField({ path, label = 'Time column', placeholder = 'first column (default)' }: Props) {
  const value = useFieldValue(path);
  const issues = useFieldIssues(path);
  const setField = useAppStore((s) => s.setField);
  const [draft, setDraft] = useState(() => textFromValue(value));
  const [shown, setShown] = useState(value);
  if (!Object.is(shown, value)) {
    setShown(value);
    if (!Object.is(timeColumnFromInput(draft), value)) setDraft(textFromValue(value));
  }
  return (
    <FieldShell label={label} hint="Header name, or 0-based index" issues={issues}>
      {(aria) => (
        <input
          {...aria}
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={draft}
          onChange={(e) => { setDraft(e.target.value); setField(path, timeColumnFromInput(e.target.value)); }}
        />
      )}
    </FieldShell>
  );
}
