// Width of an element (./use-element-size.ts), for charts whose height is their own.
import { useElementSize } from './use-element-size';

export function useElementWidth<T extends HTMLElement>(fallback: number) {
  const [ref, size] = useElementSize<T>({ width: fallback, height: 0 });
  return [ref, size.width] as const;
}
