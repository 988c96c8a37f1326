// The app's comparison rows, read from the figure catalogue (simulation/present): each row is a
// figure picked by its key, with the catalogue's label and the catalogue's cell text in the
// user's locale — the label and the spelling the reports and the CLI show for the same figure.
import type { Figure } from '../../simulation/present';
import { analyticText, figureMeanText, simulatedText } from '../../simulation/present';
import { DASH } from '../../simulation/present';
import { APP_NUMBERS } from '../format/numbers';

export interface FigureRowText {
  /** The figure's key (its path in the result document, within its entity). */
  key: string;
  label: string;
  analytic: string;
  simulated: string;
}

export const simulatedCell = (f: Figure): string => simulatedText(APP_NUMBERS, f);
export const analyticCell = (f: Figure): string => analyticText(APP_NUMBERS, f) || DASH;
/** The mean alone (tables with one column per figure); an exact value as it is. */
export const meanCell = (f: Figure | undefined): string => figureMeanText(APP_NUMBERS, f);

/** The figures with these keys, in the order of `keys`; keys the document lacks give no row. */
export function pickFigures(figs: readonly Figure[], keys: readonly string[]): Figure[] {
  return keys.flatMap((k) => figs.filter((f) => f.metric === k));
}

export function rowText(f: Figure, label: string = f.label): FigureRowText {
  return { key: `${f.entity}/${f.metric}`, label, analytic: analyticCell(f), simulated: simulatedCell(f) };
}

export function figureRowTexts(figs: readonly Figure[], keys: readonly string[]): FigureRowText[] {
  return pickFigures(figs, keys).map((f) => rowText(f));
}
