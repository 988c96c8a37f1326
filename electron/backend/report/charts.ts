// The report's charts are the app's own figures (renderer/charts): the same pure React
// components, rendered to static SVG markup at a fixed width with react-dom/server, so a chart's
// scales, labels and colours live in one place. Styled by the app's stylesheet (./style.ts).
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/** Content width of a full-width figure: fits an A4 page's printable width with the figure's padding. */
export const CHART_WIDTH = 680;
/** Width of each figure of a side-by-side pair (two of them, their padding and the gap). */
export const PAIR_WIDTH = 324;

/** Geometry attributes whose numbers are rounded: a report has no 17-digit floats. */
const GEOMETRY = /\s(x|y|x1|x2|y1|y2|cx|cy|r|width|height|d|transform|viewBox)="([^"]*)"/g;

/** Rounds every number in the SVG geometry attributes of `markup` to 2 decimals. */
export function roundGeometry(markup: string): string {
  return markup.replace(GEOMETRY, (_, name: string, value: string) => ` ${name}="${value.replace(/-?\d*\.\d+(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) * 100) / 100))}"`);
}

/**
 * Renders the charts of one report. Each chart gets its own id prefix (c1-, c2-, …), so the ids
 * that tie an <svg> to its <desc> are unique in the page and the same for the same document.
 */
export class ChartRenderer {
  private count = 0;

  render<P extends object>(component: FunctionComponent<P>, props: P): string {
    const identifierPrefix = `c${++this.count}-`;
    return roundGeometry(renderToStaticMarkup(createElement(component, props), { identifierPrefix }));
  }
}
