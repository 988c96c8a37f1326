// The checkpoint-interval figures shown as tables with one column per figure: the Young/Daly
// interval per job span (a result document's cluster.analytic.checkpoint.young_daly) and the
// points of a checkpoint-interval sweep (`headroom checkpoint-sweep`, the app's Checkpoint
// interval dialog). Both tables build their cells here, so the CLI and the app spell them alike.
// A duration column is written in one unit, the one its shortest value suits.
import type { CheckpointPoint, CheckpointSweep } from '../cluster/checkpoint-sweep';
import type { CheckpointAnalytic } from '../result/cluster';
import { figureRows, type Figure, type FigureDef } from './figure';
import { simulatedText, valueText } from './figure-text';
import { DASH, type NumberText } from './numbers';
import { unitScale } from './units';

type YoungDaly = CheckpointAnalytic['young_daly'][number];

export const YOUNG_DALY_FIGURES: FigureDef<YoungDaly>[] = [
  { key: 'nodes', label: 'Nodes the job spans', short: 'Job span', unit: 'count', value: (y) => y.nodes },
  { key: 'mtbf_job_s', label: 'Job MTBF (node MTBF ÷ nodes)', short: 'Job MTBF', unit: 's', value: (y) => y.mtbf_job_s },
  { key: 'interval_s', label: 'Young/Daly interval √(2 · MTBF_job · C)', short: 'Young/Daly interval', unit: 's', value: (y) => y.interval_s },
];

export const CHECKPOINT_SWEEP_FIGURES: FigureDef<CheckpointPoint>[] = [
  { key: 'interval_s', label: 'Checkpoint interval', short: 'Interval', unit: 's', value: (p) => p.interval_s },
  { key: 'factor', label: 'Interval ÷ Young/Daly interval', short: '× Young/Daly', unit: 'ratio', value: (p) => p.factor },
  { key: 'goodput', label: 'Goodput', short: 'Goodput [95% CI]', unit: 'fraction', stat: (p) => p.goodput },
  { key: 'lost', label: 'Work lost to failures (share of GPU time)', short: 'Lost work', unit: 'fraction', stat: (p) => p.lost },
  { key: 'checkpoint', label: 'Checkpoint writes (share of GPU time)', short: 'Checkpoints', unit: 'fraction', stat: (p) => p.checkpoint },
  { key: 'jct_s', label: 'Job completion time, mean', short: 'JCT mean', unit: 's', stat: (p) => p.jct_s },
];

/** Figures whose sweep cell is the mean with its interval; the others show the mean alone. */
const WITH_CI = new Set(['goodput']);

/** A column of figures as text: durations in the one unit the column's shortest value suits. */
export function columnTexts(t: NumberText, figs: readonly (Figure | undefined)[], withCi = false): string[] {
  const values = figs.map((f) => f?.mean ?? f?.analytic ?? null);
  const unit = figs.find((f) => f)?.unit;
  if (unit !== 's' && unit !== 'min') {
    return figs.map((f) => {
      if (!f) return DASH;
      return withCi ? simulatedText(t, f) : valueText(t, f.mean ?? f.analytic, f.unit);
    });
  }
  const finite = values.filter((x): x is number => x !== null && Number.isFinite(x) && x !== 0).map(Math.abs);
  const scale = unitScale(unit, finite.length > 0 ? Math.min(...finite) : 0);
  return values.map((x) => (x === null || !Number.isFinite(x) ? DASH : `${t.sig(x * scale.factor)}${scale.suffix}`));
}

export interface FigureColumnTable {
  heads: string[];
  /** One row of cells per entity, in the column order of `heads`. */
  rows: string[][];
}

/** Entities × figure definitions → headings (the short labels) and cells, column by column. */
export function figureColumns<E>(t: NumberText, defs: readonly FigureDef<E>[], entities: readonly E[], withCi: (key: string) => boolean = () => false): FigureColumnTable {
  const columns = defs.map((d) => {
    const figs = entities.map((e) => figureRows([d], e, 'cluster', '')[0]);
    return columnTexts(t, figs, withCi(d.key));
  });
  return { heads: defs.map((d) => d.short ?? (d.label as string)), rows: entities.map((_, i) => columns.map((c) => c[i]!)) };
}

/** The sweep's table: one row per simulated interval. */
export function checkpointSweepTable(t: NumberText, sweep: CheckpointSweep): FigureColumnTable {
  return figureColumns(t, CHECKPOINT_SWEEP_FIGURES, sweep.points, (k) => WITH_CI.has(k));
}

/** The Young/Daly table: one row per job span. */
export function youngDalyTable(t: NumberText, checkpoint: CheckpointAnalytic): FigureColumnTable {
  return figureColumns(t, YOUNG_DALY_FIGURES, checkpoint.young_daly);
}
