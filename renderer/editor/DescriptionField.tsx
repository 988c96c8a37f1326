// The scenario's description: free text, several lines, shown in the gallery and the reports.
import { useState } from 'react';
import { useAppStore } from '../store';
import { FieldShell } from './FieldShell';
import { useFieldIssues, useFieldValue } from './use-field';

const PATH = ['description'] as const;

export function DescriptionField() {
  const value = useFieldValue(PATH);
  const issues = useFieldIssues(PATH);
  const setField = useAppStore((s) => s.setField);
  const text = typeof value === 'string' ? value : '';
  // A local draft so the caret does not jump while the store re-parses on each keystroke.
  const [draft, setDraft] = useState(text);
  const [shown, setShown] = useState(text);
  if (shown !== text) { setShown(text); if (draft !== text) setDraft(text); }
  return (
    <FieldShell label="Description" issues={issues} wide>
      {(aria) => (
        <textarea {...aria} rows={3} value={draft} onChange={(e) => { setDraft(e.target.value); setField(PATH, e.target.value === '' ? undefined : e.target.value); }} />
      )}
    </FieldShell>
  );
}
