// Names a run in place: Enter saves, Escape or Cancel leaves it as it was, an empty name clears
// it. The form stays open, with the list's error above, when the label could not be saved.
import { useEffect, useRef, useState } from 'react';
import type { RunSummary } from '../../electron/common/contract';
import { MAX_RUN_LABEL } from '../../electron/common/limits';
import { useAppStore } from '../store';

export function RunLabelForm({ run, onClose }: { run: RunSummary; onClose: () => void }) {
  const [text, setText] = useState(run.label ?? '');
  const [busy, setBusy] = useState(false);
  const setRunLabel = useAppStore((s) => s.setRunLabel);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const save = async () => {
    setBusy(true);
    const saved = await setRunLabel(run.id, text.trim() === '' ? null : text);
    setBusy(false);
    if (saved) onClose();
  };

  return (
    <form
      className="run-label-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void save();
      }}
    >
      <input
        ref={input}
        type="text"
        aria-label="Run label"
        placeholder="e.g. baseline"
        maxLength={MAX_RUN_LABEL}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      />
      <button type="submit" disabled={busy}>Save</button>
      <button type="button" onClick={onClose}>Cancel</button>
    </form>
  );
}
