// The open scenario's tags: remove one with its button, add by typing and pressing Enter
// (commas separate several). Tags are saved at once; they are not part of the scenario file.
import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';

const NONE: string[] = [];

export function TagEditor() {
  const id = useAppStore((s) => s.editorScenarioId);
  const tags = useAppStore(useShallow((s) => s.scenarios.find((x) => x.id === s.editorScenarioId)?.tags ?? NONE));
  const setTags = useAppStore((s) => s.setTags);
  const writable = useAppStore((s) => s.libraryFile?.state === 'ok');
  const [draft, setDraft] = useState('');
  const inputId = useId();
  if (!id) return null;
  const add = () => {
    const added = draft.split(',').map((t) => t.trim()).filter(Boolean);
    if (added.length === 0) return;
    setDraft('');
    void setTags(id, [...tags, ...added]);
  };
  return (
    <div className="tag-editor">
      <ul className="tag-list" aria-label="Tags">
        {tags.map((t) => (
          <li key={t} className="tag">
            {t}
            {writable && (
              <button type="button" className="tag-remove" aria-label={`Remove tag ${t}`} onClick={() => void setTags(id, tags.filter((x) => x !== t))}>
                <span aria-hidden="true">×</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {writable && (
        <>
          <label htmlFor={inputId} className="visually-hidden">Add tag</label>
          <input
            id={inputId}
            className="tag-input"
            type="text"
            placeholder="Add tag…"
            maxLength={200}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
        </>
      )}
    </div>
  );
}
