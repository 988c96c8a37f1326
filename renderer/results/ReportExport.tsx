// "Export report…" for the selected run: the report kinds of docs/reports.md, rendered by the
// backend from the stored result and saved through the shell — a save dialog on the desktop
// (PDF printed by Electron), a download in the browser preview (PDF: the HTML, to print). The
// numbers are in the user's locale, as on screen.
import { useId, useState } from 'react';
import type { RunSummary, SaveReportKind } from '../../electron/common/contract';
import { isLocaleTag } from '../../electron/common/limits';
import { api, apiShell } from '../api';
import { useAppStore } from '../store';

const KINDS: readonly { kind: SaveReportKind; label: string }[] = [
  { kind: 'html', label: 'HTML' },
  { kind: 'pdf', label: 'PDF' },
  { kind: 'md', label: 'Markdown memo' },
  { kind: 'csv', label: 'CSV of the metrics' },
  { kind: 'json', label: 'JSON result' },
];

export function ReportExport({ run }: { run: RunSummary }) {
  const [kind, setKind] = useState<SaveReportKind>('html');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const showToast = useAppStore((s) => s.showToast);
  const id = useId();
  const hasResult = run.status === 'done' || run.status === 'truncated';
  const printHint = apiShell === 'web' && kind === 'pdf';

  async function exportReport() {
    setBusy(true);
    setError(null);
    try {
      // The HTML, PDF and memo spell numbers as the app does, in the user's locale.
      const where = await api.saveRunReport(run.id, kind, isLocaleTag(navigator.language) ? navigator.language : null);
      if (where === null) return; // cancelled in the save dialog
      if (apiShell === 'electron') showToast(`Report saved to ${where}`);
      else showToast(kind === 'pdf' ? `Report downloaded as ${where}: open it and print it to PDF` : `Report downloaded: ${where}`);
    } catch (e) {
      setError(`Could not export the report: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="report-export">
      <div className="report-export-row">
        <label htmlFor={`${id}-kind`}>Report format</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as SaveReportKind)}>
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>{k.label}</option>
          ))}
        </select>
        <button
          type="button"
          disabled={!hasResult || busy}
          aria-describedby={printHint ? `${id}-hint` : undefined}
          title={hasResult ? 'Save a report of this run' : 'Only a run with a result has a report'}
          onClick={() => void exportReport()}
        >
          {busy ? 'Exporting…' : 'Export report…'}
        </button>
      </div>
      {printHint && (
        <p id={`${id}-hint`} className="report-export-hint">
          The browser preview downloads the HTML report: open it and print it to PDF (it is laid out for A4).
        </p>
      )}
      {error && <p className="message error" role="alert">{error}</p>}
    </div>
  );
}
