// The locale a report's numbers are spelled in ("1,234.5" in en-US, "1.234,5" in de-DE): a BCP 47
// tag, checked the same way by the API (api-inputs.ts) and the command line (`--locale`). A tag
// that is well formed but not supported by this runtime's Intl falls back to en-US, so a report
// is always written, in the fixed locale when in doubt.
import { isLocaleTag, MAX_LOCALE_CHARS } from './limits';

export { isLocaleTag, LOCALE_TAG, MAX_LOCALE_CHARS } from './limits';

export const DEFAULT_REPORT_LOCALE = 'en-US';
export const LOCALE_MESSAGE = `must be a BCP 47 language tag such as 'en-US' or 'de-DE' (at most ${MAX_LOCALE_CHARS} characters)`;

/** The locale to format in: `tag` when it is well formed and supported, else en-US. */
export function reportLocale(tag: string | null | undefined): string {
  if (!tag || !isLocaleTag(tag)) return DEFAULT_REPORT_LOCALE;
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag])[0] ?? DEFAULT_REPORT_LOCALE;
  } catch {
    return DEFAULT_REPORT_LOCALE; // a structurally invalid tag the pattern let through (e.g. "en-US-US")
  }
}
