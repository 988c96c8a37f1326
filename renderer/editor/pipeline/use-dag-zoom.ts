// Zoom and pan of the DAG canvas by d3-zoom: drag the background to pan, Ctrl+wheel (or a pinch)
// to zoom — a plain wheel scrolls the form, which the canvas sits in. Dragging from a task's
// out-port draws an edge instead of panning. The view lives in React state for the drawing;
// d3 keeps its own copy on the element, so every change goes through `setView`. `onGesture`
// hears of zooms and pans made with the mouse or touch (not those made through `setView`).
import { select, zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { MAX_ZOOM, MIN_ZOOM, type View } from './dag-view';

/** Where a drag draws an edge rather than panning. */
export const PORT_SELECTOR = '.pe-port';

function startsPanOrZoom(event: Event): boolean {
  const e = event as MouseEvent & WheelEvent;
  if (e.type === 'wheel') return e.ctrlKey || e.metaKey;
  if (e.button || e.ctrlKey) return false;
  return !(e.target instanceof Element && e.target.closest(PORT_SELECTOR));
}

export function useDagZoom(svgRef: RefObject<SVGSVGElement | null>, onGesture: () => void) {
  const [view, setViewState] = useState<View>({ k: 1, x: 0, y: 0 });
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const gesture = useRef(onGesture);
  useEffect(() => {
    gesture.current = onGesture;
  });

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([MIN_ZOOM, MAX_ZOOM])
      .filter(startsPanOrZoom)
      .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => {
        if (e.sourceEvent) gesture.current();
        setViewState({ k: e.transform.k, x: e.transform.x, y: e.transform.y });
      });
    const selection = select(svg);
    selection.call(z).on('dblclick.zoom', null);
    behaviour.current = z;
    return () => {
      selection.on('.zoom', null);
      behaviour.current = null;
    };
  }, [svgRef]);

  const setView = useCallback((next: View) => {
    const svg = svgRef.current, z = behaviour.current;
    if (svg && z) select(svg).call(z.transform, zoomIdentity.translate(next.x, next.y).scale(next.k));
  }, [svgRef]);

  /** Zooms about the centre of the view. */
  const zoomBy = useCallback((factor: number) => {
    const svg = svgRef.current, z = behaviour.current;
    if (svg && z) select(svg).call(z.scaleBy, factor);
  }, [svgRef]);

  /** The current view as d3 holds it (state may lag by a render). */
  const currentView = useCallback((): View => {
    const svg = svgRef.current;
    const t = svg ? zoomTransform(svg) : zoomIdentity;
    return { k: t.k, x: t.x, y: t.y };
  }, [svgRef]);

  return { view, setView, zoomBy, currentView };
}
