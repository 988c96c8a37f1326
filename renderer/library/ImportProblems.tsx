// What an import refused, file by file, with the JSON path and the CLI's message.
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';

export function ImportProblems() {
  const problems = useAppStore(useShallow((s) => s.importProblems));
  const dismiss = useAppStore((s) => s.dismissImportProblems);
  if (problems.length === 0) return null;
  const files = [...new Set(problems.map((p) => p.file))];
  return (
    <div className="message error import-problems" role="alert">
      <p className="problems-title">Not imported: {files.length} file{files.length === 1 ? '' : 's'}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={`${i}:${p.file}:${p.path}`}>
            <strong>{p.file.split(/[\\/]/).pop()}</strong> <code>{p.path}</code>: {p.message}
          </li>
        ))}
      </ul>
      <button type="button" className="link" onClick={dismiss}>Dismiss</button>
    </div>
  );
}
