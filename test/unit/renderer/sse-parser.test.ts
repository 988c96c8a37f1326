import { describe, expect, it } from 'vitest';
import { createSseParser } from '../../../renderer/api/sse-parser';

describe('createSseParser', () => {
  it('emits each event’s data, across chunk boundaries, skipping keep-alive comments', () => {
    const got: string[] = [];
    const p = createSseParser((d) => got.push(d));
    p.push(': keep-alive\n\ndata: {"type":"pro');
    p.push('gress"}\n');
    expect(got).toEqual([]);
    p.push('\ndata:{"a":1}\r\n\r\n');
    p.push('data: line1\ndata: line2\n\n');
    expect(got).toEqual(['{"type":"progress"}', '{"a":1}', 'line1\nline2']);
  });

  it('handles a CR at the end of one chunk and LF at the start of the next', () => {
    const got: string[] = [];
    const p = createSseParser((d) => got.push(d));
    p.push('data: x\r');
    p.push('\n\r\n');
    expect(got).toEqual(['x']);
  });
});
