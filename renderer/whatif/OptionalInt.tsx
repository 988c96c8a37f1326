// An optional integer field of an analysis form (replications, seed): empty means the
// scenario's own value; anything else must be an integer in range, named in the message.
export function parseOptionalInt(text: string, name: string, min: number, max: number): number | null | string {
  if (text.trim() === '') return null;
  const v = Number(text);
  if (!Number.isInteger(v) || v < min || v > max) {
    return `${name}: must be an integer ${max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`} (or empty for the scenario’s)`;
  }
  return v;
}

interface Props {
  label: string;
  placeholder: string;
  value: string;
  onChange: (v: string) => void;
  disabled: boolean;
  min: number;
  max?: number;
}

export function OptionalInt({ label, placeholder, value, onChange, disabled, min, max }: Props) {
  return (
    <label className="wi-field">
      <span>{label}</span>
      <input type="number" min={min} max={max} step={1} inputMode="numeric" placeholder={placeholder} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
