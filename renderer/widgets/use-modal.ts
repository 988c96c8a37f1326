// A modal <dialog> driven by an `open` flag: shown with showModal() (the browser then keeps
// focus inside it and Escape closes it), closed when the flag drops, and focus handed back to
// the element that opened it.
import { useEffect, useRef } from 'react';

export function useModal(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
    }
    if (!open && d.open) d.close();
    if (!open && opener.current) {
      opener.current.focus();
      opener.current = null;
    }
  }, [open]);
  return ref;
}
