// A pure figure (drawn at a `width` prop, no DOM) made to fill its box in the app: the box's
// width is measured with a ResizeObserver (./use-element-width) and passed down. The HTML report
// renders the pure figure at a fixed width instead.
import type { ComponentType, Ref } from 'react';
import { useElementWidth } from './use-element-width';

export interface SizedProps {
  width: number;
  boxRef?: Ref<HTMLDivElement>;
}

export function measured<P extends SizedProps>(Figure: ComponentType<P>, fallback = 560) {
  function Measured(props: Omit<P, keyof SizedProps>) {
    const [boxRef, width] = useElementWidth<HTMLDivElement>(fallback);
    return <Figure {...(props as P)} width={width} boxRef={boxRef} />;
  }
  Measured.displayName = `Measured(${Figure.displayName ?? Figure.name})`;
  return Measured;
}
