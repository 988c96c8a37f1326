// The handle between a side panel and what follows it (a WAI-ARIA window splitter): drag it, or
// focus it and use ←/→ (Shift: larger steps), Home/End for the narrowest/widest, Enter to hide
// the panel; a double click restores the default width. The width is remembered (ui-slice).
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useAppStore } from '../store';
import { PANEL_LIMITS } from '../store/ui-slice';
import type { PanelId } from '../store/types';

const STEP = 16;

export function Splitter({ panel, label, controls }: { panel: PanelId; label: string; controls: string }) {
  const width = useAppStore((s) => (panel === 'sidebar' ? s.panels.sidebarWidth : s.panels.editorWidth));
  const setWidth = useAppStore((s) => s.setPanelWidth);
  const togglePanel = useAppStore((s) => s.togglePanel);
  const drag = useRef<{ x: number; width: number } | null>(null);
  const { min, max, initial } = PANEL_LIMITS[panel];

  // Starts from the width on screen, which a narrow window may hold below the remembered one.
  const shown = () => document.getElementById(controls)?.getBoundingClientRect().width ?? width;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    drag.current = { x: e.clientX, width: shown() };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) setWidth(panel, drag.current.width + e.clientX - drag.current.x);
  };
  const endDrag = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? STEP * 4 : STEP;
    const from = Math.round(shown());
    let next: number | null = null;
    if (e.key === 'ArrowLeft') next = from - step;
    else if (e.key === 'ArrowRight') next = from + step;
    else if (e.key === 'Home') next = min;
    else if (e.key === 'End') next = max;
    else if (e.key === 'Enter') {
      e.preventDefault();
      togglePanel(panel);
      return;
    }
    if (next === null || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    setWidth(panel, next);
  };

  return (
    <div
      className="splitter"
      role="separator"
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a focusable separator is a widget (WAI-ARIA window splitter)
      tabIndex={0}
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuetext={`${width} pixels wide`}
      title={`${label}: drag, or focus and use the arrow keys; Enter hides the panel`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onKeyDown={onKeyDown}
      onDoubleClick={() => setWidth(panel, initial)}
    />
  );
}
