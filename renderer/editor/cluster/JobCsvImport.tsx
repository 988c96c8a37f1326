// "Import jobs from CSV…": the file is read in the renderer and previewed (./job-csv-import.ts:
// the engine's trace reader, the columns it maps, the first rows, every problem with its line);
// "Import N jobs" appends them to `cluster.jobs` as one undoable edit, Cancel writes nothing.
import { useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_IMPORT_FILE_BYTES } from '../../../electron/common/limits';
import { useAppStore } from '../../store';
import { getAtPath } from '../json-path';
import { idsAt, JOBS, POOLS } from './cluster-edits';
import { previewJobCsv, type ImportPool } from './job-csv-import';
import { JobCsvPreview } from './JobCsvPreview';
import { appendJobsText } from './jobs-text';

/** Each import is its own undo step. */
let imports = 0;

export function JobCsvImport() {
  const poolIdList = useAppStore(useShallow((s) => idsAt(s.raw, POOLS)));
  const poolUnits = useAppStore(useShallow((s) => idsAt(s.raw, POOLS).map((_, i) => getAtPath(s.raw, [...POOLS, i, 'units']))));
  const jobIds = useAppStore(useShallow((s) => idsAt(s.raw, JOBS)));
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [pool, setPool] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const pools = useMemo<ImportPool[]>(
    () => poolIdList.flatMap((id, index) => (typeof id === 'string' && id !== '' ? [{ id, index, units: typeof poolUnits[index] === 'number' ? poolUnits[index] : undefined }] : [])),
    [poolIdList, poolUnits],
  );
  const chosenPool = pools.some((p) => p.id === pool) ? pool : pools[0]?.id ?? '';
  const preview = useMemo(
    () => (file ? previewJobCsv(file.text, { pools, defaultPool: chosenPool, takenIds: jobIds }) : null),
    [file, pools, chosenPool, jobIds],
  );

  const read = async (chosen: File | undefined) => {
    setDone(null);
    setProblem(null);
    setFile(null);
    if (!chosen) return;
    if (chosen.size > MAX_IMPORT_FILE_BYTES) {
      setProblem(`${chosen.name} is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MiB; name it as cluster.job_trace instead`);
      return;
    }
    try {
      setFile({ name: chosen.name, text: await chosen.text() });
    } catch {
      setProblem(`${chosen.name} could not be read`);
    }
  };

  const close = (message: string | null) => {
    setFile(null);
    setDone(message);
    input.current?.focus();
  };

  const confirm = () => {
    if (!file || !preview || preview.jobs.length === 0 || preview.problems.length > 0) return;
    const s = useAppStore.getState();
    const first = idsAt(s.raw, JOBS).length + 1;
    const n = preview.jobs.length;
    s.setText(appendJobsText(s.text, preview.jobs.map((j) => ({ ...j }))), `cluster.jobs import ${++imports}`);
    close(`Imported ${n} job${n === 1 ? '' : 's'} from ${file.name} as rows ${first}–${first + n - 1} of the jobs table. Undo with Ctrl+Z.`);
  };

  return (
    <>
      <label className="cf-file-button">
        <input
          ref={input}
          className="visually-hidden"
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            e.target.value = ''; // so choosing the same file again reads it again
            void read(chosen);
          }}
        />
        Import jobs from CSV…
      </label>
      <div className="cf-import-status" aria-live="polite">
        {problem && <p className="message error" role="alert">{problem}</p>}
        {done && <p className="field-hint cf-done">{done}</p>}
      </div>
      {file && preview && (
        <JobCsvPreview
          name={file.name}
          preview={preview}
          pools={pools.map((p) => p.id)}
          pool={chosenPool}
          onPool={setPool}
          onImport={confirm}
          onCancel={() => close(null)}
        />
      )}
    </>
  );
}
