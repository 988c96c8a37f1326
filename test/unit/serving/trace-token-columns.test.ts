// The host reads an `llm` service's token columns from its arrival trace (trace-csv.ts,
// trace-loader.ts): by header name or index, in the order of the sorted times, cached with the
// times, with errors naming `serving.services[i].llm.<field>.column`; and the engine runs on them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeReplications, runReplication, servingSupportIssues, type ServiceResult } from '../../../simulation';
import { parseTraceCsv } from '../../../electron/backend/traces/trace-csv';
import { loadTraces, type TraceCache } from '../../../electron/backend/traces/trace-loader';
import { llmBlock, llmScenario } from '../../validation/llm-helpers';

const root = path.resolve(__dirname, '..', '..', '..');
const examples = path.join(root, 'assets', 'examples');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-tokens-'));
const write = (name: string, text: string) => fs.writeFileSync(path.join(tmp, name), text);

type Column = string | number;
function tokenScenario(file: string, prompt: Column | number | null, output: Column | null, arrivals: Record<string, unknown> = {}) {
  const llm = llmBlock({
    prompt_tokens: prompt === null ? 300 : { column: prompt },
    output_tokens: output === null ? 20 : { column: output },
  });
  return llmScenario(llm, { arrivals: { process: 'trace', path: file, ...arrivals } as never }, { replications: 1, horizon_s: 100 });
}

describe('parseTraceCsv with token columns', () => {
  it('reads the columns by name or index beside the times, reordered with them (ties keep the file order)', () => {
    const text = 't,p,o\n5,50,5\n3,30,3\n4,40,4\n3,31,2\n';
    const byName = parseTraceCsv(text, 't', 'x.csv', { prompt: 'p', output: 'o' });
    expect(Array.from(byName.times)).toEqual([0, 0, 1, 2]);
    expect(Array.from(byName.tokens.prompt!)).toEqual([30, 31, 40, 50]);
    expect(Array.from(byName.tokens.output!)).toEqual([3, 2, 4, 5]);
    // By index, with a header the time column's heuristic finds; a named token column alone makes a header too.
    expect(Array.from(parseTraceCsv(text, 0, 'x.csv', { output: 2 }).tokens.output!)).toEqual([3, 2, 4, 5]);
    expect(parseTraceCsv(text, 0, 'x.csv', { prompt: 'p' }).tokens).toEqual({ prompt: new Float64Array([30, 31, 40, 50]) });
    expect(parseTraceCsv('1,7\n2,8\n', 0, 'x.csv', { prompt: 1 }).tokens.prompt).toEqual(new Float64Array([7, 8]));
    // No columns asked for: none read, and the times are as before.
    expect(parseTraceCsv(text, 't', 'x.csv').tokens).toEqual({});
  });

  it('refuses missing columns and values that are not counts, naming the field and the line', () => {
    const err = (text: string, refs: { prompt?: Column; output?: Column }) => {
      try {
        parseTraceCsv(text, 't', 'x.csv', refs);
      } catch (e) {
        return [(e as { field: string }).field, (e as Error).message];
      }
      return null;
    };
    expect(err('t,p\n1,2\n', { output: 'GeneratedTokens' })).toEqual(['output_tokens', 'no column "GeneratedTokens" in x.csv (line 1 has: t, p)']);
    expect(err('t,p\n1,2\n2,abc\n', { prompt: 'p' })).toEqual(['prompt_tokens', 'x.csv line 3: cannot read "abc" in column "p" as a token count (a number from 0 to 1e9)']);
    expect(err('t,p\n1,-2\n', { prompt: 'p' })![1]).toMatch(/line 2: cannot read "-2"/);
    expect(err('t,p\n1,\n', { prompt: 'p' })![1]).toMatch(/line 2: cannot read "" in column "p"/);
    expect(err('t,p\n1,2\n2\n', { prompt: 1 })).toEqual(['prompt_tokens', 'x.csv line 3: has 1 column, no column 1 (llm.prompt_tokens.column is 0-based)']);
  });
});

describe('loadTraces: token columns', () => {
  it('hands the bundled Azure trace\'s ContextTokens and GeneratedTokens to the engine, one per request', () => {
    const s = tokenScenario('data/AzureLLMInferenceTrace_code.csv', 'ContextTokens', 'GeneratedTokens', { time_column: 'TIMESTAMP' });
    const loaded = loadTraces(s, [examples]);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const tokens = loaded.inputs.traceTokens!.s!;
    expect(tokens.prompt!.length).toBe(8819);
    expect(tokens.output!.length).toBe(8819);
    // The file's first rows (it is in time order): 4808/10, 3180/8, 110/27.
    expect([tokens.prompt![0], tokens.output![0], tokens.prompt![1], tokens.output![1], tokens.prompt![2], tokens.output![2]]).toEqual([4808, 10, 3180, 8, 110, 27]);
    expect(servingSupportIssues(s, loaded.inputs)).toEqual([]);
  });

  it('reads only the columns the scenario names; a request-level service gets no traceTokens', () => {
    write('mix.csv', 'when,ctx,gen\n0,100,10\n1,200,20\n2,300,30\n');
    const one = loadTraces(tokenScenario('mix.csv', null, 'gen'), [tmp]);
    expect(one.ok && one.inputs.traceTokens).toEqual({ s: { output: new Float64Array([10, 20, 30]) } });
    const none = loadTraces(tokenScenario('mix.csv', null, null), [tmp]);
    expect(none.ok && none.inputs.traceTokens).toBeUndefined();
  });

  it('caches the columns with the times: the same file is read once per (time column, token column)', () => {
    write('cached.csv', 't,ctx,gen\n0,100,10\n1,200,20\n');
    const cache: TraceCache = new Map();
    const first = loadTraces(tokenScenario('cached.csv', 'ctx', 'gen'), [tmp], cache);
    write('cached.csv', 't,ctx,gen\n0,999,99\n1,999,99\n'); // a changed file is not read again
    const again = loadTraces(tokenScenario('cached.csv', 'ctx', 'gen'), [tmp], cache);
    expect(again.ok && again.inputs.traceTokens!.s!.prompt).toBe(first.ok && first.inputs.traceTokens!.s!.prompt);
    // Another column of the same file is read (now the changed contents).
    const other = loadTraces(tokenScenario('cached.csv', 2, 'gen'), [tmp], cache);
    expect(other.ok && Array.from(other.inputs.traceTokens!.s!.prompt!)).toEqual([99, 99]);
  });

  it('names the llm field in its errors', () => {
    write('short.csv', 't,ctx\n0,100\n1,x\n');
    expect(loadTraces(tokenScenario('short.csv', 'ctx', 'GeneratedTokens'), [tmp])).toEqual({
      ok: false, errors: [{ path: 'serving.services[0].llm.output_tokens.column', message: 'no column "GeneratedTokens" in short.csv (line 1 has: t, ctx)' }],
    });
    expect(loadTraces(tokenScenario('short.csv', 'ctx', null), [tmp])).toEqual({
      ok: false, errors: [{ path: 'serving.services[0].llm.prompt_tokens.column', message: 'short.csv line 3: cannot read "x" in column "ctx" as a token count (a number from 0 to 1e9)' }],
    });
  });

  it('the engine runs on the loaded columns: rows follow the sorted times', () => {
    // Out of order in the file: the request at t = 0 has 100 prompt tokens and 4 outputs.
    write('unsorted.csv', 't,ctx,gen\n50,700,2\n0,100,4\n');
    const s = tokenScenario('unsorted.csv', 'ctx', 'gen');
    const loaded = loadTraces(s, [tmp]);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const svc = mergeReplications(s, [runReplication(s, 0, {}, loaded.inputs)], { sha256: '', wallMs: 0 }, loaded.inputs).serving!.s as ServiceResult;
    expect([svc.completed, svc.llm!.prompt_tokens, svc.llm!.output_tokens]).toEqual([2, 800, 6]);
  });
});
