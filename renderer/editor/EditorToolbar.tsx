// Editor toolbar: form/JSON view switch, undo/redo, save, and what state the text is in
// (edits are also saved automatically once typing pauses).
import { useAppStore } from '../store';

/** Where the text stands: saving, saved as vN, waiting for the autosave, or why it is not saved. */
function SaveStatus() {
  const saveState = useAppStore((s) => s.saveState);
  const dirty = useAppStore((s) => s.text !== s.savedText);
  const invalid = useAppStore((s) => s.parse !== null && !s.parse.ok);
  let text = '';
  let tone = '';
  if (saveState.state === 'saving') [text, tone] = ['Saving…', 'muted'];
  else if (saveState.state === 'error') [text, tone] = [saveState.message, 'error'];
  else if (dirty && invalid) [text, tone] = ['Not saved: fix the problems above', 'warn-text'];
  else if (dirty) [text, tone] = ['Unsaved changes…', 'muted'];
  else if (saveState.state === 'saved') [text, tone] = [`Saved v${saveState.version}`, 'ok'];
  return (
    <span role="status" className={`save-status ${tone}`}>
      {text}
    </span>
  );
}

export function EditorToolbar() {
  const view = useAppStore((s) => s.editorView);
  const setView = useAppStore((s) => s.setEditorView);
  const canUndo = useAppStore((s) => s.history.past.length > 0);
  const canRedo = useAppStore((s) => s.history.future.length > 0);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const save = useAppStore((s) => s.saveScenario);
  const canSave = useAppStore((s) => s.text !== s.savedText && s.saveState.state !== 'saving');

  return (
    <div className="toolbar" role="group" aria-label="Editor actions">
      <div className="segmented-buttons" role="group" aria-label="Editor view">
        <button type="button" aria-pressed={view === 'form'} onClick={() => setView('form')}>Form</button>
        <button type="button" aria-pressed={view === 'json'} onClick={() => setView('json')}>JSON</button>
      </div>
      <button type="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z Meta+Z" title="Undo (Ctrl+Z)">Undo</button>
      <button type="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z" title="Redo (Ctrl+Shift+Z)">Redo</button>
      <button type="button" onClick={() => void save()} disabled={!canSave} aria-keyshortcuts="Control+S Meta+S" title="Save a new version now (Ctrl+S); edits are also saved automatically">Save</button>
      <SaveStatus />
    </div>
  );
}
