// Geometry of the DAG canvas, pure: which task an arrow key moves to, the zoom that fits the
// whole DAG in the view, and the pan that brings a task into view.
import type { Size } from '../../charts/use-element-size';
import type { DagNode } from '../../charts/pipeline/dag-layout';

export type NavKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

export const NAV_KEYS: ReadonlySet<string> = new Set<NavKey>(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);

/** Tasks in reading order: layer by layer, left to right. */
export function readingOrder(nodes: readonly DagNode[]): DagNode[] {
  return [...nodes].sort((a, b) => a.layer - b.layer || a.x - b.x);
}

/**
 * The task a key moves the selection to: ←/→ the previous/next in reading order, ↑/↓ the
 * nearest (by centre) in the layer above/below, Home/End the first/last. Null: stay.
 */
export function neighbour(nodes: readonly DagNode[], from: string | null, key: NavKey): string | null {
  const order = readingOrder(nodes);
  if (order.length === 0) return null;
  if (key === 'Home') return order[0]!.id;
  if (key === 'End') return order[order.length - 1]!.id;
  const at = order.findIndex((n) => n.id === from);
  if (at < 0) return order[0]!.id;
  if (key === 'ArrowLeft') return order[at - 1]?.id ?? null;
  if (key === 'ArrowRight') return order[at + 1]?.id ?? null;
  const here = order[at]!;
  const layer = here.layer + (key === 'ArrowDown' ? 1 : -1);
  const centre = (n: DagNode) => n.x + n.width / 2;
  const candidates = order.filter((n) => n.layer === layer);
  if (candidates.length === 0) return null;
  return candidates.reduce((best, n) => (Math.abs(centre(n) - centre(here)) < Math.abs(centre(best) - centre(here)) ? n : best)).id;
}

export interface View {
  /** Scale. */
  k: number;
  /** Translation in screen pixels. */
  x: number;
  y: number;
}

export type { Size };

/** Zoom limits of the canvas. */
export const MIN_ZOOM = 0.2;
export const MAX_ZOOM = 3;

/**
 * The view showing all of `content` (laid out from 0,0) centred, never enlarged beyond 1:1,
 * below a strip of `top` pixels kept free (for the zoom buttons).
 */
export function fitView(content: Size, viewport: Size, pad = 12, top = 0): View {
  const height = viewport.height - top;
  if (content.width <= 0 || content.height <= 0 || viewport.width <= 0 || height <= 0) return { k: 1, x: 0, y: top };
  const k = Math.max(MIN_ZOOM, Math.min(1, (viewport.width - 2 * pad) / content.width, (height - 2 * pad) / content.height));
  return { k, x: (viewport.width - content.width * k) / 2, y: top + Math.max(pad, (height - content.height * k) / 2) };
}

/** The view panned (same scale) so that `box` is inside the viewport, or null when it already is. */
export function revealView(view: View, box: { x: number; y: number; width: number; height: number }, viewport: Size, pad = 8): View | null {
  const left = view.x + box.x * view.k, top = view.y + box.y * view.k;
  const right = left + box.width * view.k, bottom = top + box.height * view.k;
  let dx = 0, dy = 0;
  if (left < pad) dx = pad - left;
  else if (right > viewport.width - pad) dx = Math.max(pad - left, viewport.width - pad - right);
  if (top < pad) dy = pad - top;
  else if (bottom > viewport.height - pad) dy = Math.max(pad - top, viewport.height - pad - bottom);
  return dx === 0 && dy === 0 ? null : { k: view.k, x: view.x + dx, y: view.y + dy };
}
