// Result documents for the report tests: the bundled examples, shortened so that they run in a
// second or two in-process (all replications merged, as the backend does).
import fs from 'node:fs';
import path from 'node:path';
import { mergeReplications, runReplication, validateScenario, type ResultDocument } from '../../../simulation';

const examples = path.resolve(__dirname, '..', '..', '..', 'assets', 'examples');

export function exampleRaw(name: string, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...(JSON.parse(fs.readFileSync(path.join(examples, name), 'utf8')) as Record<string, unknown>), ...patch };
}

export function run(raw: Record<string, unknown>): ResultDocument {
  const parsed = validateScenario(raw);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const s = parsed.scenario;
  const outcomes = Array.from({ length: s.replications }, (_, i) => runReplication(s, i));
  return mergeReplications(s, outcomes, { sha256: 'f'.repeat(64), wallMs: 1234 });
}

let risk: { raw: Record<string, unknown>; doc: ResultDocument } | null = null;
let cluster: { raw: Record<string, unknown>; doc: ResultDocument } | null = null;

/** The article's worked example (serving, cluster snapshot, pipeline): 3 replications, 60 s. */
export function riskExample(): { raw: Record<string, unknown>; doc: ResultDocument } {
  if (!risk) {
    const raw = exampleRaw('risk-model-api.json', { replications: 3, horizon_s: 60, warmup_s: 10 });
    (raw.pipeline as { runs: number }).runs = 300;
    risk = { raw, doc: run(raw) };
  }
  return risk;
}

/** The GPU training cluster example (jobs, stragglers, failures, checkpoints): 2 replications, 1 day. */
export function clusterExample(): { raw: Record<string, unknown>; doc: ResultDocument } {
  if (!cluster) {
    const raw = exampleRaw('gpu-training-cluster.json', { replications: 2, horizon_s: 86_400, warmup_s: 0 });
    cluster = { raw, doc: run(raw) };
  }
  return cluster;
}

/** A deep copy, to mutate freely. */
export function copy<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields with doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    if (c === '"' || c === '\r' || c === '\n') throw new Error(`bad CSV at offset ${i}`);
    field += c; i++;
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}
