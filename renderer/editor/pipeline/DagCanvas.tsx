// The pipeline's DAG as an editable SVG, laid out by the same dagre layout as the results view
// (renderer/charts/pipeline/dag-layout.ts), recomputed on every structural edit. Tasks are
// buttons (one tab stop; arrow keys move among them); an edge is drawn by dragging from a task's
// out-port (the dot under its box) to another task, and an edge that would be refused shows red
// while it is drawn. The canvas owns only view state (zoom, pan, the edge being drawn); every
// change to the scenario is a callback that edits the store.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { layoutDag, type DagNode } from '../../charts/pipeline/dag-layout';
import type { Edge } from './dag-edit';
import { fitView, neighbour, revealView, NAV_KEYS, type NavKey } from './dag-view';
import { useDagZoom } from './use-dag-zoom';
import { useElementSize } from '../../charts/use-element-size';

// Compact boxes, so a DAG of ten layers fits the canvas at a readable scale.
const NODE_HEIGHT = 34;
const LAYER_GAP = 22;
const CHAR_PX = 6.8;
const FALLBACK = { width: 400, height: 440 };
/** Room at the top for the zoom buttons: the DAG is fitted below them. */
const ZOOM_STRIP = 34;

function clip(text: string, width: number): string {
  const max = Math.max(3, Math.floor(width / CHAR_PX));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const edgeKey = (e: Edge) => `${e[0]}→${e[1]}`;

interface Props {
  ids: string[];
  edges: Edge[];
  summaries: ReadonlyMap<string, string>;
  selected: string | null;
  selectedEdge: Edge | null;
  /** Why drawing `from → to` would be refused, or null. */
  refusal: (from: string, to: string) => string | null;
  onSelect: (id: string | null) => void;
  onSelectEdge: (edge: Edge | null) => void;
  onConnect: (from: string, to: string) => void;
  /** Removes a task; `next` is the task to select (and focus) after it. */
  onRemoveTask: (id: string, next: string | null) => void;
  onRemoveEdge: (edge: Edge) => void;
  /** Enter on a task: move focus to its fields. */
  onOpenPanel: () => void;
  describedBy: string;
}

interface Drawing {
  from: string;
  x: number;
  y: number;
  over: string | null;
  moved: boolean;
}

export function DagCanvas(props: Props) {
  const { ids, edges, summaries, selected, selectedEdge, refusal, onSelect, onSelectEdge, onConnect, onRemoveTask, onRemoveEdge, onOpenPanel, describedBy } = props;
  const [boxRef, size] = useElementSize<HTMLDivElement>(FALLBACK);
  const svgRef = useRef<SVGSVGElement>(null);
  // The view follows the DAG (fitted after every edit) until the user zooms or pans; Fit resumes it.
  const autoFit = useRef(true);
  const { view, setView, zoomBy: zoomViewBy, currentView } = useDagZoom(svgRef, () => { autoFit.current = false; });
  const [drawing, setDrawing] = useState<Drawing | null>(null);
  const focusNext = useRef<string | null>(null);
  const markerId = useId();

  const shape = JSON.stringify([ids, edges]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `shape` stands for ids and edges: relaid only when the DAG changes, not on every keystroke in a field
  const layout = useMemo(() => layoutDag(ids, edges, { width: size.width, nodeHeight: NODE_HEIGHT, layerGap: LAYER_GAP }), [shape, size.width]);
  const byId = useMemo(() => new Map(layout.nodes.map((n) => [n.id, n])), [layout]);

  const fit = () => {
    autoFit.current = true;
    setView(fitView(layout, size, 12, ZOOM_STRIP));
  };
  const zoomBy = (factor: number) => {
    autoFit.current = false;
    zoomViewBy(factor);
  };

  useEffect(() => {
    if (autoFit.current && layout.nodes.length > 0) setView(fitView(layout, size, 12, ZOOM_STRIP));
  }, [layout, size, setView]);

  // Once the user has zoomed in, the selected task is panned into view (keyboard moves, additions).
  useEffect(() => {
    const node = selected ? byId.get(selected) : undefined;
    if (!node || autoFit.current) return;
    const next = revealView(currentView(), node, size);
    if (next) setView(next);
  }, [selected, byId, size, currentView, setView]);

  // Keyboard focus follows a removal to the task selected after it.
  useLayoutEffect(() => {
    const id = focusNext.current;
    if (id === null) return;
    focusNext.current = null;
    nodeElement(svgRef.current, id)?.focus();
  });

  const tabStop = selected !== null && byId.has(selected) ? selected : layout.nodes[0]?.id ?? null;

  const focusTask = (id: string) => {
    onSelect(id);
    nodeElement(svgRef.current, id)?.focus();
  };

  const onNodeKey = (e: KeyboardEvent<SVGGElement>, id: string) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    let handled = true;
    if (NAV_KEYS.has(e.key)) {
      const next = neighbour(layout.nodes, id, e.key as NavKey);
      if (next) focusTask(next);
    } else if (e.key === 'Enter') onOpenPanel();
    else if (e.key === ' ') onSelect(id);
    else if (e.key === 'Delete' || e.key === 'Backspace') {
      const next = neighbour(layout.nodes, id, 'ArrowLeft') ?? neighbour(layout.nodes, id, 'ArrowRight');
      focusNext.current = next;
      onRemoveTask(id, next);
    } else if (e.key === 'Escape' && (drawing || selected)) {
      if (drawing) setDrawing(null);
      else onSelect(null);
    } else handled = onZoomKey(e.key);
    if (handled) e.preventDefault();
  };

  const onEdgeKey = (e: KeyboardEvent<SVGPathElement>, edge: Edge) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    let handled = true;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      focusNext.current = edge[0];
      onRemoveEdge(edge);
    } else if (e.key === 'Enter' || e.key === ' ') onSelectEdge(edge);
    else if (e.key === 'Escape') focusTask(edge[0]);
    else handled = onZoomKey(e.key);
    if (handled) e.preventDefault();
  };

  const onZoomKey = (key: string): boolean => {
    if (key === '+' || key === '=') zoomBy(1.25);
    else if (key === '-' || key === '_') zoomBy(0.8);
    else if (key === '0') fit();
    else return false;
    return true;
  };

  // Drawing an edge: the port captures the pointer; the task under it is the target.
  const graphPoint = (clientX: number, clientY: number) => {
    const r = svgRef.current?.getBoundingClientRect();
    const v = currentView();
    return { x: (clientX - (r?.left ?? 0) - v.x) / v.k, y: (clientY - (r?.top ?? 0) - v.y) / v.k };
  };
  const onPortDown = (e: PointerEvent<SVGCircleElement>, from: string) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    onSelect(from);
    setDrawing({ from, ...graphPoint(e.clientX, e.clientY), over: null, moved: false });
  };
  const onPortMove = (e: PointerEvent<SVGCircleElement>) => {
    if (!drawing) return;
    const over = document.elementFromPoint(e.clientX, e.clientY)?.closest('[data-task]')?.getAttribute('data-task') ?? null;
    setDrawing({ ...drawing, ...graphPoint(e.clientX, e.clientY), over, moved: true });
  };
  const onPortUp = () => {
    if (!drawing) return;
    setDrawing(null);
    if (drawing.over !== null && drawing.moved) onConnect(drawing.from, drawing.over);
  };

  const drawFrom = drawing ? byId.get(drawing.from) : undefined;
  const drawRefusal = drawing?.over ? refusal(drawing.from, drawing.over) : null;

  return (
    <div ref={boxRef} className="pe-canvas-box">
      <svg
        ref={svgRef}
        className="pe-canvas"
        width={size.width}
        height={size.height}
        role="group"
        aria-label="Pipeline DAG editor"
        aria-describedby={describedBy}
      >
        <defs>
          <marker id={markerId} viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto">
            <path d="M0,0 L8,4 L0,8 z" className="pe-arrow" />
          </marker>
        </defs>
        <g transform={`translate(${view.x},${view.y}) scale(${view.k})`}>
          {layout.edges.map((e) => {
            const edge: Edge = [e.from, e.to];
            const on = selectedEdge !== null && edgeKey(selectedEdge) === edgeKey(edge);
            return (
              <g key={edgeKey(edge)} className={`pe-edge${on ? ' selected' : ''}`}>
                <path className="pe-edge-line" d={e.d} markerEnd={`url(#${markerId})`} />
                <path
                  className="pe-edge-hit"
                  d={e.d}
                  role="button"
                  tabIndex={-1}
                  aria-label={`Edge ${e.from} → ${e.to}`}
                  aria-pressed={on}
                  onClick={(ev) => { onSelectEdge(edge); ev.currentTarget.focus(); }}
                  onKeyDown={(ev) => onEdgeKey(ev, edge)}
                />
              </g>
            );
          })}
          {layout.nodes.map((n) => (
            <TaskNode
              key={n.id}
              node={n}
              summary={summaries.get(n.id) ?? ''}
              selected={selected === n.id}
              tabStop={tabStop === n.id}
              target={drawing?.over === n.id && drawing.from !== n.id ? (drawRefusal ? 'refused' : 'ok') : null}
              onClick={() => onSelect(n.id)}
              onKeyDown={(e) => onNodeKey(e, n.id)}
              onPortDown={(e) => onPortDown(e, n.id)}
              onPortMove={onPortMove}
              onPortUp={onPortUp}
              onPortCancel={() => setDrawing(null)}
            />
          ))}
          {drawing && drawFrom && drawing.moved && (
            <g className={`pe-drawing${drawRefusal ? ' refused' : ''}`} aria-hidden="true">
              <line x1={drawFrom.x + drawFrom.width / 2} y1={drawFrom.y + drawFrom.height} x2={drawing.x} y2={drawing.y} />
              {drawRefusal && <text x={drawing.x + 10} y={drawing.y - 8}>{drawRefusal.replace(/^Refused: /, '')}</text>}
            </g>
          )}
        </g>
      </svg>
      <div className="pe-zoom" role="group" aria-label="Zoom">
        <button type="button" onClick={() => zoomBy(1.25)} aria-label="Zoom in" aria-keyshortcuts="+" title="Zoom in (+)">+</button>
        <button type="button" onClick={() => zoomBy(0.8)} aria-label="Zoom out" aria-keyshortcuts="-" title="Zoom out (−)">−</button>
        <button type="button" onClick={fit} aria-keyshortcuts="0" title="Fit the whole DAG (0)">Fit</button>
      </div>
    </div>
  );
}

function nodeElement(svg: SVGSVGElement | null, id: string): SVGGElement | null {
  return svg?.querySelector<SVGGElement>(`[data-task="${CSS.escape(id)}"]`) ?? null;
}

interface NodeProps {
  node: DagNode;
  summary: string;
  selected: boolean;
  tabStop: boolean;
  /** The task is under an edge being drawn: would it be accepted? */
  target: 'ok' | 'refused' | null;
  onClick: () => void;
  onKeyDown: (e: KeyboardEvent<SVGGElement>) => void;
  onPortDown: (e: PointerEvent<SVGCircleElement>) => void;
  onPortMove: (e: PointerEvent<SVGCircleElement>) => void;
  onPortUp: () => void;
  onPortCancel: () => void;
}

function TaskNode({ node: n, summary, selected, tabStop, target, onClick, onKeyDown, onPortDown, onPortMove, onPortUp, onPortCancel }: NodeProps) {
  return (
    <g
      className={`pe-node${selected ? ' selected' : ''}${target ? ` target-${target}` : ''}`}
      transform={`translate(${n.x},${n.y})`}
      data-task={n.id}
      role="button"
      tabIndex={tabStop ? 0 : -1}
      aria-label={`Task ${n.id}`}
      aria-pressed={selected}
      onClick={onClick}
      onFocus={onClick}
      onKeyDown={onKeyDown}
    >
      <title>{`${n.id}: ${summary}`}</title>
      <rect className="pe-focus-ring" x={-4} y={-4} width={n.width + 8} height={n.height + 8} rx={9} />
      <rect className="box" width={n.width} height={n.height} rx={6} />
      <text className="name" x={7} y={14}>{clip(n.id, n.width - 14)}</text>
      <text className="figure" x={7} y={27}>{clip(summary, n.width - 14)}</text>
      <circle
        className="pe-port"
        cx={n.width / 2}
        cy={n.height}
        r={6}
        aria-hidden="true"
        onPointerDown={onPortDown}
        onPointerMove={onPortMove}
        onPointerUp={onPortUp}
        onPointerCancel={onPortCancel}
      >
        <title>Drag to another task to add an edge</title>
      </circle>
    </g>
  );
}
