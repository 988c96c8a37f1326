// The pipeline section of the form: run settings, the DAG canvas (add, connect, remove, zoom)
// and the selected task's fields. Every change edits the scenario text through the store, each
// structural one as a single edit, so undo/redo steps through canvas and fields alike; only the
// selection, the zoom and the last message are this view's own.
import { useId, useMemo, useRef, useState } from 'react';
import { useAppStore } from '../../store';
import { getAtPath } from '../json-path';
import { ValueField } from '../ScenarioFields';
import { useFieldIssues } from '../use-field';
import type { FieldEdit } from '../text-edit';
import {
  addEdgeEdits, addTaskEdits, dagOf, drawnIds, edgeRefusal, removeEdgeEdits, removeTaskEdits, renameRefusal, renameTaskEdits,
  resolveSelection, validEdges, type Edge, type Picked,
} from './dag-edit';
import { DagCanvas } from './DagCanvas';
import { taskSummary } from './task-summary';
import { TaskPanel } from './TaskPanel';

export function PipelineForm() {
  const scenarioId = useAppStore((s) => s.editorScenarioId);
  return (
    <div className="pipeline-editor">
      <div className="field-grid">
        <ValueField label="Pipeline runs" path={['pipeline', 'runs']} defaultValue={1000} />
        <ValueField label="Run interval (s)" path={['pipeline', 'run_interval_s']} />
      </div>
      {/* Selection and zoom belong to one scenario: a new one starts afresh. */}
      <DagEditor key={scenarioId ?? ''} />
    </div>
  );
}

interface Note {
  text: string;
  refused: boolean;
  /** The scenario text the note is about: once it changes (an undo, a field), the note is stale. */
  at: string;
}

/** Each structural edit is its own undo step (the store coalesces edits with the same key). */
let editCount = 0;
const structuralKey = () => `pipeline-dag-${++editCount}`;

/** The DAG as the store holds it now (not as of the last render: two quick edits stay exact). */
const currentDag = () => dagOf(getAtPath(useAppStore.getState().raw, ['pipeline']));

function DagEditor() {
  const pipeline = useAppStore((s) => getAtPath(s.raw, ['pipeline']));
  const scenarioText = useAppStore((s) => s.text);
  const editFields = useAppStore((s) => s.editFields);
  const [picked, setPicked] = useState<Picked>(null);
  const [pickedEdge, setPickedEdge] = useState<Edge | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [target, setTarget] = useState('');
  const idInput = useRef<HTMLInputElement>(null);
  const helpId = useId();
  const connectId = useId();
  const edgeIssues = useFieldIssues(['pipeline', 'edges']);

  const dag = useMemo(() => dagOf(pipeline), [pipeline]);
  const ids = useMemo(() => drawnIds(dag), [dag]);
  const edges = useMemo(() => validEdges(dag), [dag]);
  const summaries = useMemo(() => {
    const tasks = getAtPath(pipeline, ['tasks']);
    return new Map(dag.taskIds.flatMap((id, i) => (id === null ? [] : [[id, taskSummary(Array.isArray(tasks) ? tasks[i] : undefined)] as const])));
  }, [pipeline, dag]);
  const selected = resolveSelection(dag, picked);
  const selectedIndex = selected === null ? -1 : dag.taskIds.indexOf(selected);
  const selectedEdge = pickedEdge && edges.some(([a, b]) => a === pickedEdge[0] && b === pickedEdge[1]) ? pickedEdge : null;

  const select = (id: string | null) => {
    setPicked(id === null ? 'none' : { id, index: currentDag().taskIds.indexOf(id) });
    setPickedEdge(null);
  };
  const say = (text: string, refused: boolean) => setNote({ text, refused, at: useAppStore.getState().text });
  const apply = (edits: FieldEdit[], text: string, key = structuralKey()) => {
    editFields(edits, key);
    say(text, false);
  };
  const refuse = (text: string) => say(text, true);

  const connect = (from: string, to: string): boolean => {
    const now = currentDag();
    const refusal = edgeRefusal(now, from, to);
    if (refusal) { refuse(refusal); return false; }
    apply(addEdgeEdits(now, from, to), `Added edge ${from} → ${to}`);
    return true;
  };
  const addTask = () => {
    const now = currentDag();
    const after = selected !== null && now.taskIds.includes(selected) ? selected : null;
    const { id, edits } = addTaskEdits(now, after);
    apply(edits, after ? `Added ${id} after ${after}` : `Added ${id}`);
    setPicked({ id, index: after ? now.taskIds.indexOf(after) + 1 : now.taskIds.length });
    setPickedEdge(null);
  };
  /** `next`: the task to select afterwards (the canvas passes its neighbour on screen); by default the one before it. */
  const removeTask = (id: string, next?: string | null) => {
    const now = currentDag();
    const removal = removeTaskEdits(now, id);
    if (!removal) { refuse(`Refused: ${id} is the pipeline's only task; remove the pipeline section instead`); return; }
    apply(removal.edits, `Removed ${id}${removal.edgeCount ? ` and its ${removal.edgeCount} edge${removal.edgeCount === 1 ? '' : 's'}` : ''}`);
    const at = now.taskIds.indexOf(id);
    const then = next !== undefined ? next : now.taskIds[at - 1] ?? now.taskIds[at + 1] ?? null;
    setPicked(then === null ? 'none' : { id: then, index: currentDag().taskIds.indexOf(then) });
    setPickedEdge(null);
  };
  const removeEdge = ([from, to]: Edge) => {
    apply(removeEdgeEdits(currentDag(), from, to), `Removed edge ${from} → ${to}`);
    setPickedEdge(null);
  };
  const rename = (from: string, to: string) => {
    const now = currentDag();
    const index = now.taskIds.indexOf(from);
    // Keystrokes in the id field coalesce into one undo step, like any field's.
    editFields(renameTaskEdits(now, from, to), `pipeline.tasks[${index}].id`);
    setPicked({ id: to, index });
  };

  const others = ids.filter((id) => id !== selected);
  const shown = note && note.at === scenarioText ? note : null;
  return (
    <>
      <div className="pe-toolbar" role="toolbar" aria-label="Pipeline DAG">
        <button type="button" onClick={addTask} title={selected ? `Add a task after ${selected}, with an edge from it` : 'Add a task with no upstream'}>Add task</button>
        <button type="button" disabled={selected === null} onClick={() => selected && removeTask(selected)}>Remove task</button>
        <button type="button" disabled={selectedEdge === null} onClick={() => selectedEdge && removeEdge(selectedEdge)}>Remove edge</button>
      </div>
      <DagCanvas
        ids={ids}
        edges={edges}
        summaries={summaries}
        selected={selected}
        selectedEdge={selectedEdge}
        refusal={(from, to) => edgeRefusal(dag, from, to)}
        onSelect={select}
        onSelectEdge={(edge) => { setPickedEdge(edge); if (edge) say(`Edge ${edge[0]} → ${edge[1]} selected: Delete removes it`, false); }}
        onConnect={connect}
        onRemoveTask={removeTask}
        onRemoveEdge={removeEdge}
        onOpenPanel={() => idInput.current?.focus()}
        describedBy={helpId}
      />
      <p id={helpId} className="field-hint pe-help">
        Click a task to edit it; drag from the dot under a task to another task to add an edge. Keys: arrows move between tasks,
        Enter edits the task, Delete removes it, + and − zoom, 0 fits.
      </p>
      <div className="pe-connect">
        <label htmlFor={connectId}>Connect selected task to</label>
        <select id={connectId} value={others.includes(target) ? target : ''} disabled={selected === null} onChange={(e) => setTarget(e.target.value)}>
          <option value="">choose a task…</option>
          {others.map((id) => <option key={id} value={id}>{id}</option>)}
        </select>
        <button type="button" disabled={selected === null || !others.includes(target)} onClick={() => { if (selected && connect(selected, target)) setTarget(''); }}>
          Connect
        </button>
      </div>
      <p role="alert" className="pe-note refused">{shown?.refused ? shown.text : ''}</p>
      <p role="status" className="pe-note">{shown && !shown.refused ? shown.text : ''}</p>
      {edgeIssues.length > 0 && <p className="field-error">Edges: {edgeIssues.map((i) => `${i.path.replace(/^pipeline\.edges/, '') || 'all'} ${i.message}`).join('; ')}</p>}
      {selected !== null && selectedIndex >= 0 ? (
        <TaskPanel
          id={selected}
          index={selectedIndex}
          edges={edges}
          renameRefusal={(next) => renameRefusal(currentDag(), selected, next)}
          onRename={(next) => rename(selected, next)}
          onRemoveEdge={removeEdge}
          onDeselect={() => select(null)}
          idInputRef={idInput}
        />
      ) : (
        <p className="field-note">Select a task on the canvas to edit its fields; with none selected, Add task adds one with no upstream.</p>
      )}
    </>
  );
}
