// The title row of a modal dialog: its heading (the dialog's accessible name, by `titleId`) and
// a close button named after it.
export function DialogHead({ titleId, title, onClose }: { titleId: string; title: string; onClose: () => void }) {
  return (
    <div className="dialog-head">
      <h2 id={titleId}>{title}</h2>
      <button type="button" className="icon-button" aria-label={`Close ${title.toLowerCase()}`} onClick={onClose}>
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}
