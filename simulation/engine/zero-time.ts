// A zero-time loop: events keep running but the clock does not advance (a handler that
// reschedules itself with delay 0, two processes that keep waking each other, a rate so high
// that the next time rounds to the current one). The run stops with this error, which names the
// event kinds seen in the loop, most frequent first.

export class ZeroTimeLoopError extends Error {
  override readonly name = 'ZeroTimeLoopError';

  constructor(
    /** The simulated time the clock is stuck at. */
    readonly time: number,
    /** Events run at that time before the run was stopped (at least). */
    readonly events: number,
    /** Event kinds in the sampled part of the loop, with counts. */
    readonly kinds: ReadonlyMap<string, number>,
  ) {
    super(`zero-time loop: the clock stayed at t = ${time} for ${events} events; ` +
      `event kinds in the loop: ${describeKinds(kinds)}`);
  }
}

function describeKinds(kinds: ReadonlyMap<string, number>): string {
  const sorted = [...kinds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sorted.map(([kind, n]) => `${kind} ×${n}`).join(', ');
}
