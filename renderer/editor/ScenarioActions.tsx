// Actions on the open scenario: rename, duplicate, export (the file, or a bundle with its
// history), and the history panel. Each is a plain button; rename and export open in place.
import { useEffect, useId, useRef, useState } from 'react';
import { useAppStore } from '../store';
import { useDisclosure } from '../widgets/use-disclosure';

function RenameForm({ id, name, onDone }: { id: string; name: string; onDone: () => void }) {
  const rename = useAppStore((s) => s.renameScenario);
  const [value, setValue] = useState(name);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const submit = async () => {
    const next = value.trim();
    if (next === '' || next === name) return onDone();
    setBusy(true);
    const ok = await rename(id, next);
    setBusy(false);
    if (ok) onDone();
  };
  return (
    <form
      className="rename-form"
      aria-label="Rename the scenario"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onDone();
        }
      }}
    >
      <label htmlFor={inputId}>New name</label>
      <input id={inputId} type="text" value={value} maxLength={200} autoFocus onChange={(e) => setValue(e.target.value)} />
      <button type="submit" className="primary" disabled={busy || value.trim() === ''}>Save name</button>
      <button type="button" onClick={onDone}>Cancel</button>
    </form>
  );
}

function ExportMenu({ id }: { id: string }) {
  const exportScenario = useAppStore((s) => s.exportScenario);
  const { open, setOpen, panelId, toggleProps, onKeyDown } = useDisclosure();
  const pick = (history: boolean) => {
    setOpen(false);
    void exportScenario(id, history);
  };
  return (
    <div className="popover-anchor" onKeyDown={onKeyDown}>
      <button type="button" {...toggleProps}>Export…</button>
      {open && (
        <div id={panelId} className="popover" role="group" aria-label="Export as">
          <button type="button" onClick={() => pick(false)}>Scenario file (.json)</button>
          <p className="muted">The latest version, as the CLI reads it; trace files it names go beside it.</p>
          <button type="button" onClick={() => pick(true)}>Bundle with history</button>
          <p className="muted">Every version, the tags and the trace files, in one file.</p>
        </div>
      )}
    </div>
  );
}

export function ScenarioActions() {
  const id = useAppStore((s) => s.editorScenarioId);
  const name = useAppStore((s) => s.scenarios.find((x) => x.id === s.editorScenarioId)?.name ?? '');
  const duplicate = useAppStore((s) => s.duplicateScenario);
  const historyOpen = useAppStore((s) => s.historyOpen);
  const setHistoryOpen = useAppStore((s) => s.setHistoryOpen);
  const writable = useAppStore((s) => s.libraryFile?.state === 'ok');
  const [renaming, setRenaming] = useState(false);
  const returnFocus = useRef(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The form unmounts when it is done: put focus back on Rename, where the keyboard user was.
    if (!renaming && returnFocus.current) {
      renameButton.current?.focus();
      returnFocus.current = false;
    }
  }, [renaming]);
  if (!id) return null;
  if (renaming) {
    return (
      <RenameForm
        id={id}
        name={name}
        onDone={() => {
          returnFocus.current = true;
          setRenaming(false);
        }}
      />
    );
  }
  return (
    <div className="toolbar scenario-actions" role="group" aria-label="Scenario actions">
      {writable && <button ref={renameButton} type="button" onClick={() => setRenaming(true)}>Rename</button>}
      {writable && <button type="button" onClick={() => void duplicate(id)}>Duplicate</button>}
      <ExportMenu id={id} />
      <button type="button" aria-pressed={historyOpen} onClick={() => setHistoryOpen(!historyOpen)}>History</button>
    </div>
  );
}
