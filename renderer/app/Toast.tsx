// Short confirmations ("Deleted X — Undo"), announced politely. The action button is reachable
// by keyboard (Tab) for as long as the toast is up; Escape closes it.
import { useAppStore } from '../store';

export function Toast() {
  const toast = useAppStore((s) => s.toast);
  const dismiss = useAppStore((s) => s.dismissToast);
  return (
    <div className="toast-region" role="status" aria-live="polite" aria-atomic="true">
      {toast && (
        <div className="toast" onKeyDown={(e) => e.key === 'Escape' && dismiss()}>
          <span className="toast-message">{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                const { run } = toast.action!;
                dismiss();
                void run();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="icon-button toast-close" aria-label="Dismiss message" onClick={dismiss}>
            <span aria-hidden="true">✕</span>
          </button>
        </div>
      )}
    </div>
  );
}
