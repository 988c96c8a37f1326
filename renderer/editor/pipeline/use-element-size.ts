// Width and height of an element, tracked with a ResizeObserver: the canvas lays the DAG out at
// the panel's width and fits it in the box the user gave it (the box resizes vertically).
import { useLayoutEffect, useRef, useState } from 'react';
import type { Size } from './dag-view';

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
