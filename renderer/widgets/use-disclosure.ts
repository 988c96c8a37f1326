// A button that shows and hides a panel in place (a disclosure, as in WAI-ARIA): the button says
// whether the panel is expanded and which it controls, and Escape inside either closes the panel
// and hands focus back to the button.
import { useId, useRef, useState, type KeyboardEvent } from 'react';

export function useDisclosure() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  /** For the element around the button and the panel. */
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      setOpen(false);
      toggle.current?.focus();
    }
  };
  const toggleProps = { ref: toggle, 'aria-expanded': open, 'aria-controls': panelId, onClick: () => setOpen(!open) };
  return { open, setOpen, panelId, toggleProps, onKeyDown };
}
