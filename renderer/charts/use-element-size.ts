// Width and height of an element, tracked with a ResizeObserver, so a chart draws at its real
// size (crisp text) instead of scaling a fixed viewBox; the DAG canvas also fits its box's height.
import { useLayoutEffect, useRef, useState } from 'react';

export interface Size {
  width: number;
  height: number;
}

export function useElementSize<T extends HTMLElement>(fallback: Size) {
  const ref = useRef<T>(null);
  const [size, setSize] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = (width: number, height: number) => {
      const next = { width: Math.floor(width) || fallback.width, height: Math.floor(height) || fallback.height };
      setSize((s) => (s.width === next.width && s.height === next.height ? s : next));
    };
    const box = el.getBoundingClientRect();
    update(box.width, box.height);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) update(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [fallback.width, fallback.height]);
  return [ref, size] as const;
}
