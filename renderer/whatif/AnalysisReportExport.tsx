// "Export report…" of the open analysis: the backend renders it from the kept document and the
// scenario version it ran on (HTML with its chart, a Markdown memo, a CSV of its rows, or the
// JSON document; docs/reports.md) and the file is downloaded. Numbers in the user's locale, as
// on screen; the CSV and JSON write plain numbers.
import { useId, useState } from 'react';
import type { RunReportKind } from '../../electron/common/contract';
import { isLocaleTag } from '../../electron/common/limits';
import { api } from '../api';
import { downloadText } from '../api/browser-files';
import { useAppStore } from '../store';

const KINDS: readonly { kind: RunReportKind; label: string }[] = [
  { kind: 'html', label: 'HTML (chart and tables)' },
  { kind: 'md', label: 'Markdown memo' },
  { kind: 'csv', label: 'CSV of the rows' },
  { kind: 'json', label: 'JSON document' },
];

export function AnalysisReportExport({ analysisId, title }: { analysisId: string; title: string }) {
  const [kind, setKind] = useState<RunReportKind>('html');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const showToast = useAppStore((s) => s.showToast);
  const id = useId();

  async function exportReport() {
    setBusy(true);
    setError(null);
    try {
      const file = await api.renderAnalysisReport(analysisId, kind, isLocaleTag(navigator.language) ? navigator.language : null);
      downloadText(file.fileName, file.text, file.mediaType);
      showToast(`Report downloaded: ${file.fileName}`);
    } catch (e) {
      setError(`Could not export the report: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="report-export wi-report-export">
      <div className="report-export-row">
        <label htmlFor={`${id}-kind`}>Report format</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as RunReportKind)}>
          {KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
        </select>
        <button type="button" disabled={busy} aria-label={`Export report of ${title}`} onClick={() => void exportReport()}>
          {busy ? 'Exporting…' : 'Export report…'}
        </button>
      </div>
      {error && <p className="message error" role="alert">{error}</p>}
    </div>
  );
}
