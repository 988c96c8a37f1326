// The parts every chart's SVG shares, so that each figure states only what is its own. Pure:
// the app and the HTML report render them alike.
//   ChartSvg     role="img" with an accessible name, a <title> and the <desc> the name points
//                to; the size also as a viewBox, so a narrow page or the report scales the
//                chart instead of clipping it. In the app the viewBox also takes in labels that
//                reach past the size (chart text sized by --chart-font, larger when presenting).
//   YGridTicks   horizontal grid lines across the plot, labels right-aligned at its left.
//   XGridTicks   vertical grid lines across the plot, labels centred below it.
//   XAxisTicks   short tick marks under the plot, labels centred below them.
//   ChartHead    the chart's heading and whatever notes or controls sit beside it.
//   Whisker      a 95% CI as a vertical line with caps.
//   Legend       a list of swatches with their labels, under a chart.
import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject, type SVGProps } from 'react';

type Extent = readonly [x: number, y: number, width: number, height: number];

/**
 * The drawing's extent when it reaches past [0, width] × [0, height], else null. The layouts put
 * their margins for 11 px text; the presentation view's larger chart text (--chart-font) would
 * otherwise be cut at the edges. Runs after each render (getBBox, no render unless it changed);
 * never on the server, so the report's markup is unchanged.
 */
function useOverflowExtent(ref: RefObject<SVGSVGElement | null>, width: number, height: number): Extent | null {
  const [extent, setExtent] = useState<Extent | null>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- after every render: the labels change with the data and the font, not only the size; it sets state only when the extent changed
  useLayoutEffect(() => {
    // Structurally typed: the report's Node build has no DOM types, and never runs this.
    const svg = ref.current as { getBBox?: () => { x: number; y: number; width: number; height: number } } | null;
    if (typeof svg?.getBBox !== 'function') return;
    const b = svg.getBBox();
    const x0 = Math.min(0, Math.floor(b.x));
    const y0 = Math.min(0, Math.floor(b.y));
    const x1 = Math.max(width, Math.ceil(b.x + b.width));
    const y1 = Math.max(height, Math.ceil(b.y + b.height));
    const next: Extent | null = b.width > 0 && (x0 < 0 || y0 < 0 || x1 > width || y1 > height) ? [x0, y0, x1 - x0, y1 - y0] : null;
    setExtent((prev) => (prev === next || (prev && next && prev.every((v, i) => v === next[i])) ? prev : next));
  });
  return extent;
}

interface ChartSvgProps extends Omit<SVGProps<SVGSVGElement>, 'id' | 'title'> {
  /** useId() of the figure: the description's id is derived from it. */
  id: string;
  label: string;
  title: string;
  description: string;
  width: number;
  height: number;
  children?: ReactNode;
}

export function ChartSvg({ id, label, title, description, width, height, className, children, ...rest }: ChartSvgProps) {
  const ref = useRef<SVGSVGElement>(null);
  const extent = useOverflowExtent(ref, width, height);
  // Past the edges: the same width on screen, the whole drawing in it (a little smaller).
  const shownHeight = extent ? Math.round((extent[3] * width) / extent[2]) : height;
  const viewBox = extent ? extent.join(' ') : `0 0 ${width} ${height}`;
  return (
    <svg ref={ref} role="img" aria-label={label} aria-describedby={`${id}-desc`} width={width} height={shownHeight} viewBox={viewBox} className={className} {...rest}>
      <title>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

interface YTick { y: number; label: string }
interface XTick { x: number; label: string }

export function YGridTicks({ ticks, left, right, gap = 8 }: { ticks: readonly YTick[]; left: number; right: number; gap?: number }) {
  return ticks.map((t) => (
    <g key={t.label} className="tick">
      <line x1={left} x2={right} y1={t.y} y2={t.y} className="grid" />
      <text x={left - gap} y={t.y} dy="0.32em" textAnchor="end">{t.label}</text>
    </g>
  ));
}

export function XGridTicks({ ticks, top, bottom, labelY }: { ticks: readonly XTick[]; top: number; bottom: number; labelY: number }) {
  return ticks.map((t) => (
    <g key={t.label} className="tick">
      <line x1={t.x} x2={t.x} y1={top} y2={bottom} className="grid" />
      <text x={t.x} y={labelY} textAnchor="middle">{t.label}</text>
    </g>
  ));
}

/** Ticks with an empty label get the mark only. */
export function XAxisTicks({ ticks, bottom, labelY }: { ticks: readonly XTick[]; bottom: number; labelY: number }) {
  return ticks.map((t, i) => (
    <g key={`${i}:${t.label}`} className="tick">
      <line x1={t.x} x2={t.x} y1={bottom} y2={bottom + 4} className="axis" />
      {t.label && <text x={t.x} y={labelY} textAnchor="middle">{t.label}</text>}
    </g>
  ));
}

/** The heading row above a chart: its title at `level` (h3 in a results section, h4 in a card) and notes or controls. */
export function ChartHead({ title, level = 4, children }: { title: ReactNode; level?: 3 | 4; children?: ReactNode }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <div className="chart-head">
      <Heading className="chart-title">{title}</Heading>
      {children}
    </div>
  );
}

/** A 95% CI drawn at x from yLow to yHigh, with caps `cap` px either side. */
export function Whisker({ x, yLow, yHigh, cap }: { x: number; yLow: number; yHigh: number; cap: number }) {
  return (
    <>
      <line x1={x} x2={x} y1={yLow} y2={yHigh} className="whisker" />
      <line x1={x - cap} x2={x + cap} y1={yLow} y2={yLow} className="whisker" />
      <line x1={x - cap} x2={x + cap} y1={yHigh} y2={yHigh} className="whisker" />
    </>
  );
}

export interface LegendItem {
  key: string;
  /** The swatch's class besides `swatch` (its colour). */
  swatch: string;
  content: ReactNode;
}

/** A chart's legend: one swatch and label per item, then any extra entries given as children. */
export function Legend({ label, className, items, children }: { label: string; className?: string; items: readonly LegendItem[]; children?: ReactNode }) {
  return (
    <ul className={className ? `legend ${className}` : 'legend'} aria-label={label}>
      {items.map((it) => (
        <li key={it.key}><span className={`swatch ${it.swatch}`} aria-hidden="true" />{it.content}</li>
      ))}
      {children}
    </ul>
  );
}
