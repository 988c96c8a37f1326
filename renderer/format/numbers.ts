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

// The charts format through `current`: the user's formatter in the app; a report rendering the
// charts in Node (electron/backend/report/charts.ts) swaps in the report's own for the length of
// one synchronous render, so its charts spell numbers as its tables do, whatever `navigator`
// says there (Node 21+ has one, carrying the machine's locale).
let current = t;

/** Runs `render` (synchronous) with the charts' numbers spelled by `numbers`. */
export function withChartNumbers<T>(numbers: NumberText, render: () => T): T {
  const previous = current;
  current = numbers;
  try {
    return render();
  } finally {
    current = previous;
  }
}

export const formatNumber: NumberText['number'] = (...a) => current.number(...a);
export const formatMs: NumberText['ms'] = (...a) => current.ms(...a);
export const formatPercent: NumberText['percent'] = (...a) => current.percent(...a);
export const formatStat: NumberText['stat'] = (...a) => current.stat(...a);
export const formatStatMs: NumberText['statMs'] = (...a) => current.statMs(...a);
export const formatStatPercent: NumberText['statPercent'] = (...a) => current.statPercent(...a);
export const formatRate: NumberText['rate'] = (...a) => current.rate(...a);

/** Wall time or ETA: "350 ms", "4.2 s", "2 min 05 s". */
export const formatDuration = wallTime;

export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
