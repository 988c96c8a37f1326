// Pretty-prints a scenario the way the bundled examples are written: a container stays on one
// line when it fits, so a task or a pair of edges reads as a row instead of eight lines.
const MAX_LINE = 100;

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

function format(value: unknown, indent: string, keyPrefix: string, top: boolean): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  const oneLine = inline(value);
  // One character is kept for the comma that may follow.
  if (!top && indent.length + keyPrefix.length + oneLine.length + 1 <= MAX_LINE) return oneLine;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + format(v, inner, '', false)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([k, v]) => {
    const prefix = `${JSON.stringify(k)}: `;
    return inner + prefix + format(v, inner, prefix, false);
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

export function formatScenarioJson(value: unknown): string {
  return `${format(value, '', '', true)}\n`;
}
