// A pool's id, renamed on Enter or when focus leaves: the pool and every job, generator, trace
// and pipeline task naming it change in one edit (one undo step). Renaming keystroke by keystroke
// would drag the references through every prefix typed, and merge them into any pool whose id
// is typed on the way; a name that is empty, invalid or taken is refused here, before it is written.
import { useId, useState } from 'react';
import { useAppStore } from '../../store';
import { textFromValue } from '../field-input';
import { poolIdProblem, POOLS, renamePoolEdits } from './cluster-edits';
import { useFieldValue } from '../use-field';

/** Each rename is its own undo step, even two within the typing-coalescing window. */
let renames = 0;

export function PoolIdInput({ index, label, errorId }: { index: number; label: string; errorId?: string }) {
  const value = useFieldValue([...POOLS, index, 'id']);
  const editFields = useAppStore((s) => s.editFields);
  const text = textFromValue(value);
  const [draft, setDraft] = useState(text);
  const [shown, setShown] = useState(text);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  if (shown !== text) {
    // Changed elsewhere (undo, the JSON view): follow it.
    setShown(text);
    setDraft(text);
    setProblem(null);
  }
  const commit = () => {
    if (draft === text) return setProblem(null);
    const raw = useAppStore.getState().raw;
    const refused = poolIdProblem(raw, index, draft);
    setProblem(refused);
    if (!refused) editFields(renamePoolEdits(raw, index, draft), `pool-rename ${++renames}`);
  };
  const problemId = `${id}-problem`;
  return (
    <>
      <label htmlFor={id} className="visually-hidden">{label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={draft}
        aria-invalid={problem || errorId ? true : undefined}
        aria-describedby={[problem ? problemId : null, errorId].filter(Boolean).join(' ') || undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape' && draft !== text) {
            e.stopPropagation();
            setDraft(text);
            setProblem(null);
          }
        }}
      />
      {problem && <p id={problemId} className="field-error cf-cell-problem">{problem}</p>}
    </>
  );
}
