// The app's spelling of numbers: the shared formatter (simulation/present) at a slide's
// precision, in the user's locale (the browser's), with confidence intervals written as
// "123.4 ms [118.2, 128.9]". Only the locale binding lives here; the rules are shared with the
// reports and the CLI.
import { wallTime } from '../../simulation/present';
import { FIXED_LOCALE, NumberText } from '../../simulation/present';

const userLocale = typeof navigator === 'undefined' ? FIXED_LOCALE : navigator.language || FIXED_LOCALE;
const t = new NumberText(userLocale);

/** The formatter itself, for the figure catalogue's cells (simulation/present/figure-text.ts). */
export const APP_NUMBERS = t;

export const { number: formatNumber, ms: formatMs, percent: formatPercent, stat: formatStat, statMs: formatStatMs, statPercent: formatStatPercent, rate: formatRate } = t;

/** Wall time or ETA: "350 ms", "4.2 s", "2 min 05 s". */
export const formatDuration = wallTime;

export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
