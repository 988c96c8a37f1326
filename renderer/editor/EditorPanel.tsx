// The editor: one scenario text, seen as a form or as JSON, validated as you type.
import { EDITOR_ID } from '../app/panel-ids';
import { ClusterTools } from '../cluster-tools/ClusterTools';
import { useAppStore } from '../store';
import { EditorToolbar } from './EditorToolbar';
import { JsonView } from './JsonView';
import { ProblemList } from './ProblemList';
import { ScenarioActions } from './ScenarioActions';
import { ScenarioForm } from './ScenarioForm';
import { TagEditor } from './TagEditor';

export function EditorPanel() {
  const hasScenario = useAppStore((s) => s.editorScenarioId !== null);
  const name = useAppStore((s) => s.scenarios.find((x) => x.id === s.editorScenarioId)?.name ?? '');
  const version = useAppStore((s) => s.editorVersion);
  const view = useAppStore((s) => s.editorView);
  // While another scenario loads, edits would land in the one being left: make them impossible.
  const switching = useAppStore((s) => s.selectedScenarioId !== null && s.selectedScenarioId !== s.editorScenarioId);
  // Collapsed (Ctrl+E) or presenting: hidden, but kept mounted so nothing typed is lost.
  const hidden = useAppStore((s) => s.panels.editorCollapsed || s.presenting);

  return (
    <section id={EDITOR_ID} className="panel editor" aria-labelledby="editor-heading" hidden={hidden}>
      <div className="panel-head">
        <h2 id="editor-heading" tabIndex={-1}>Editor</h2>
        {hasScenario && (
          <p className="panel-subtitle" title={name}>
            {name} <span className="version">v{version}</span>
          </p>
        )}
      </div>
      {hasScenario ? (
        <>
          <ScenarioActions />
          <ClusterTools />
          <TagEditor />
          <EditorToolbar />
          <ProblemList />
          <div className="editor-body" inert={switching} aria-busy={switching || undefined}>
            {view === 'form' ? <ScenarioForm /> : <JsonView />}
          </div>
        </>
      ) : (
        <p className="muted">Open a scenario from the library, or create one from an example.</p>
      )}
    </section>
  );
}
