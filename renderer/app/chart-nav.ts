// Next and previous chart in the presentation view: every <figure> of the results, in document
// order. The current one is the figure holding focus, else the one last moved to, else the first
// one not yet scrolled past.

const FIGURES = '.results figure';

let last: HTMLElement | null = null;

export interface ChartPosition {
  /** 0-based; -1 before any chart is current. */
  index: number;
  count: number;
}

function figures(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>(FIGURES)).filter((f) => f.getClientRects().length > 0);
}

function currentIndex(all: readonly HTMLElement[]): number {
  const active = document.activeElement;
  const focused = active ? all.findIndex((f) => f.contains(active)) : -1;
  if (focused >= 0) return focused;
  return last ? all.indexOf(last) : -1;
}

export function chartPosition(): ChartPosition {
  const all = figures();
  return { index: currentIndex(all), count: all.length };
}

/** The index the first move goes from when no chart is current: just before the first one below the scroller's top. */
function startIndex(all: readonly HTMLElement[]): number {
  const scroller = all[0]?.closest('.results');
  const top = scroller ? scroller.getBoundingClientRect().top : 0;
  const below = all.findIndex((f) => f.getBoundingClientRect().top >= top - 1);
  return below < 0 ? all.length - 1 : below - 1;
}

/** Scrolls back by whatever sticky bar now covers the figure's top edge (e.g. the playback bar). */
function uncover(figure: HTMLElement, scroller: Element): void {
  const box = figure.getBoundingClientRect();
  const over = document.elementFromPoint(box.left + 4, box.top + 2);
  if (!over || figure.contains(over) || !scroller.contains(over)) return;
  let cover: Element | null = over;
  while (cover && cover !== scroller && getComputedStyle(cover).position !== 'sticky') cover = cover.parentElement;
  if (!cover || cover === scroller) return;
  const overlap = cover.getBoundingClientRect().bottom - box.top;
  if (overlap > 0) scroller.scrollTop -= overlap + 8;
}

/** Focuses the next (+1) or previous (-1) chart and scrolls it into view; its new position. */
export function stepChart(direction: 1 | -1): ChartPosition {
  const all = figures();
  if (all.length === 0) return { index: -1, count: 0 };
  let from = currentIndex(all);
  if (from < 0) from = direction > 0 ? startIndex(all) : startIndex(all) + 1;
  const index = Math.min(all.length - 1, Math.max(0, from + direction));
  const figure = all[index]!;
  last = figure;
  if (!figure.hasAttribute('tabindex')) figure.tabIndex = -1; // focusable by script, not a tab stop
  figure.focus({ preventScroll: true });
  // Centred when it fits, else its top at the top, so the whole chart or at least its title shows.
  const scroller = figure.closest('.results');
  const fits = !scroller || figure.getBoundingClientRect().height <= scroller.clientHeight * 0.9;
  figure.scrollIntoView({ block: fits ? 'center' : 'start', inline: 'nearest' });
  if (scroller) uncover(figure, scroller);
  return { index, count: all.length };
}
