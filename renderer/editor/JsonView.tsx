// The JSON view: the whole scenario text, validated on every keystroke like the form.
import { useAppStore } from '../store';

export function JsonView() {
  const text = useAppStore((s) => s.text);
  const setText = useAppStore((s) => s.setText);
  const invalid = useAppStore((s) => s.parse !== null && !s.parse.ok);
  return (
    <div className="json-view">
      <label htmlFor="scenario-json" className="visually-hidden">Scenario JSON</label>
      <textarea
        id="scenario-json"
        className="json-text"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'scenario-problems' : undefined}
        value={text}
        onChange={(e) => setText(e.target.value, 'json')}
      />
    </div>
  );
}
