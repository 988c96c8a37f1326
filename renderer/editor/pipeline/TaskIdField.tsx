// The selected task's id. Renaming rewrites the task's id and every edge naming it in one edit
// (one undo step), so it is written only when the new id is valid and free: while it is not,
// the text stays a draft with the reason under it, and leaving the field restores the id.
import { useState, type Ref } from 'react';
import { formatPath } from '../../../simulation';
import { FieldShell } from '../FieldShell';
import { useFieldIssues } from '../use-field';

interface Props {
  id: string;
  index: number;
  /** Why `id` may not become `next`, or null when it may. */
  refusal: (next: string) => string | null;
  onRename: (next: string) => void;
  /** Enter on the canvas focuses this field. */
  inputRef?: Ref<HTMLInputElement>;
}

export function TaskIdField({ id, index, refusal, onRename, inputRef }: Props) {
  const path = ['pipeline', 'tasks', index, 'id'] as const;
  const stored = useFieldIssues(path);
  const [draft, setDraft] = useState(id);
  const [shown, setShown] = useState(id);
  if (shown !== id) {
    // Derived state: adopt a rename from elsewhere (undo, the JSON view) unless the draft is it.
    setShown(id);
    if (draft !== id) setDraft(id);
  }
  const problem = draft === id ? null : refusal(draft);
  const issues = problem ? [{ path: formatPath(path), message: problem }] : stored;
  return (
    <FieldShell label="Task id" issues={issues} hint={problem ? 'Not renamed yet; leaving the field keeps the old id' : undefined} wide>
      {(aria) => (
        <input
          {...aria}
          ref={inputRef}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={draft}
          onChange={(e) => {
            const next = e.target.value;
            setDraft(next);
            if (next !== id && refusal(next) === null) onRename(next);
          }}
          onBlur={() => setDraft(id)}
        />
      )}
    </FieldShell>
  );
}
