// The verdicts a report opens on: the app's (simulation/present/verdicts.ts), judged against the
// scenario the run was given, spelled in the report's locale. Without a valid scenario (budgets,
// percentiles and costs come from it) the report has no verdicts and opens on its headlines.
import { validateScenario, type ResultDocument } from '../../../simulation';
import { verdictsOf, type Verdict, type VerdictTone } from '../../../simulation/present';
import { esc, reportNumbers } from './format';
import { mdText } from './markdown-escape';

export function reportVerdicts(doc: ResultDocument, scenario: unknown, idText?: (id: string) => string): Verdict[] {
  if (scenario === null || scenario === undefined) return [];
  const parsed = validateScenario(scenario);
  return parsed.ok ? verdictsOf(doc, parsed.scenario, { numbers: reportNumbers(), idText }) : [];
}

const LAYER: Record<Verdict['layer'], string> = { serving: 'Serving', cluster: 'Cluster', pipeline: 'Pipeline' };
const COST_FIELD: Record<Verdict['layer'], string | null> = { serving: 'cost_per_replica_hour', cluster: 'cost_per_unit_hour', pipeline: null };

function costText(v: Verdict): string | null {
  const field = COST_FIELD[v.layer];
  if (!field) return null;
  return v.costPerHour === null ? `No cost given (${field})` : `Cost ${reportNumbers().sig(v.costPerHour)} per hour`;
}

/** The headline box tone of a section, from its verdict (the box's classes: ok, warn, over). */
export function boxState(tone: VerdictTone | undefined): 'ok' | 'warn' | 'over' | 'plain' {
  return tone === 'good' ? 'ok' : tone === 'warn' ? 'warn' : tone === 'bad' ? 'over' : 'plain';
}

/** The cluster's and the pipeline's subject is their layer: named once. */
const sameAsLayer = (v: Verdict) => v.layer !== 'serving' && v.subject === v.layer;
const title = (v: Verdict, idText: (s: string) => string) => (sameAsLayer(v) ? LAYER[v.layer] : `${LAYER[v.layer]} ${idText(v.subject)}`);

export function verdictsHtml(verdicts: readonly Verdict[]): string {
  if (verdicts.length === 0) return '';
  const list = (label: string, items: string[]) => (items.length === 0 ? '' : `<p class="verdict-label">${label}</p><ul>${items.map((s) => `<li>${esc(s)}.</li>`).join('')}</ul>`);
  const cards = verdicts.map((v) => {
    const cost = costText(v);
    return `<li class="verdict ${boxState(v.tone)}"><p class="verdict-title"><span class="verdict-status">${esc(v.status)}</span> <span class="verdict-layer">${LAYER[v.layer]}</span>${sameAsLayer(v) ? '' : ` <strong>${esc(v.subject)}</strong>`}${cost ? ` <span class="verdict-cost">${esc(cost)}</span>` : ''}</p>`
      + `<p class="verdict-headline">${esc(v.headline)}.</p>${list('Why', v.why)}${list('What fixes it', v.fix)}</li>`;
  });
  return `<section id="verdicts"><h2>Verdict</h2><ul class="verdicts">${cards.join('')}</ul></section>`;
}

/** The memo's verdicts: one bullet each, its reasons and fixes beneath. Sentences come with ids escaped (mdText). */
export function verdictsMarkdown(verdicts: readonly Verdict[]): string[] {
  if (verdicts.length === 0) return [];
  const out = ['## Verdict', ''];
  for (const v of verdicts) {
    const cost = costText(v);
    out.push(`- **${v.status}** · ${title(v, mdText)}: ${v.headline}.${cost ? ` ${cost.replace(/_/g, '\\_')}.` : ''}`);
    if (v.why.length > 0) out.push(`  - Why: ${v.why.join('. ')}.`);
    if (v.fix.length > 0) out.push(`  - What fixes it: ${v.fix.join('. ')}.`);
  }
  out.push('');
  return out;
}
