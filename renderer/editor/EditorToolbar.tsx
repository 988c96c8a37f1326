// Editor toolbar: form/JSON view switch, undo/redo, save, and what state the text is in.
import { useAppStore } from '../store';

function SaveStatus() {
  const saveState = useAppStore((s) => s.saveState);
  const dirty = useAppStore((s) => s.text !== s.savedText);
  let text = dirty ? 'Unsaved changes' : '';
  let tone = dirty ? 'muted' : '';
  if (saveState.state === 'saving') text = 'Saving…';
  else if (saveState.state === 'saved' && !dirty) [text, tone] = [`Saved v${saveState.version}`, 'ok'];
  else if (saveState.state === 'error') [text, tone] = [saveState.message, 'error'];
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
      <button type="button" onClick={() => void save()} disabled={!canSave} aria-keyshortcuts="Control+S Meta+S" title="Save a new version (Ctrl+S)">Save</button>
      <SaveStatus />
    </div>
  );
}
