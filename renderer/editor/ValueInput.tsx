// A text input bound to one scenario value. It keeps its own draft while typing, so "1." or
// "1e" are not rewritten mid-keystroke, and follows the store when the value changes elsewhere
// (the JSON view, undo). A number steps with ↑/↓ by its last typed digit (Shift: ten steps).
import { useState } from 'react';
import { useAppStore } from '../store';
import type { FieldInputProps } from './FieldShell';
import { inputMatches, numberFromInput, stepNumberText, textFromValue } from './field-input';
import type { JsonPath } from './json-path';

interface Props extends FieldInputProps {
  path: JsonPath;
  value: unknown;
  numeric: boolean;
  placeholder?: string;
}

export function ValueInput({ path, value, numeric, placeholder, ...aria }: Props) {
  const setField = useAppStore((s) => s.setField);
  const [draft, setDraft] = useState(() => textFromValue(value));
  const [shown, setShown] = useState(value);
  if (!Object.is(shown, value)) {
    // Derived state: adopt outside changes unless the draft already means the new value.
    setShown(value);
    if (!(numeric ? inputMatches(draft, value) : draft === textFromValue(value))) setDraft(textFromValue(value));
  }
  return (
    <input
      {...aria}
      type="text"
      inputMode={numeric ? 'decimal' : undefined}
      autoComplete="off"
      spellCheck={false}
      value={draft}
      placeholder={placeholder}
      onChange={(e) => {
        const text = e.target.value;
        setDraft(text);
        setField(path, numeric ? numberFromInput(text) : text === '' ? undefined : text);
      }}
      onKeyDown={(e) => {
        if (!numeric || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') || e.altKey || e.ctrlKey || e.metaKey) return;
        const next = stepNumberText(draft, e.key === 'ArrowUp' ? 1 : -1, e.shiftKey);
        if (next === null) return;
        e.preventDefault();
        setDraft(next);
        setField(path, numberFromInput(next));
      }}
    />
  );
}
