// A value with no default that the engine treats as "none" when absent (queue limit, timeout,
// cost): the placeholder says what absence means, in place of "N (default)".
import { formatPath } from '../../../simulation';
import { FieldShell } from '../FieldShell';
import type { JsonPath } from '../json-path';
import { useFieldIgnored, useFieldIssues, useFieldValue } from '../use-field';
import { ValueInput } from '../ValueInput';

interface Props {
  label: string;
  path: JsonPath;
  /** What an empty field means ("unbounded", "none"). */
  absentMeans: string;
  numeric?: boolean;
  hint?: string;
  wide?: boolean;
}

export function OptionalValueField({ label, path, absentMeans, numeric = true, hint, wide }: Props) {
  const value = useFieldValue(path);
  const issues = useFieldIssues(path);
  const ignored = useFieldIgnored(path);
  return (
    <FieldShell label={label} hint={hint} issues={issues} ignored={ignored} wide={wide}>
      {(aria) => <ValueInput key={formatPath(path)} {...aria} path={path} value={value} numeric={numeric} placeholder={absentMeans} />}
    </FieldShell>
  );
}
