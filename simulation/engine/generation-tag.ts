// An event carries one number as its payload. When the thing an event is about can change under
// it — a replica fails while its slots are serving, a job is preempted mid-segment — the model
// packs the target's index together with the target's generation at scheduling time:
//
//     payload = generation × space + index        (0 ≤ index < space)
//
// and bumps the generation whenever pending events about that target become stale. The handler
// unpacks the payload and drops the event if the generation has moved on: no cancellation, no
// search of the heap. Exact while generation × space < 2^53, far beyond any run's event count.

/** The payload for `index` at `generation`. */
export function tag(generation: number, index: number, space: number): number {
  return generation * space + index;
}

/** The target index a payload names. */
export function tagIndex(payload: number, space: number): number {
  return payload % space;
}

/** The generation a payload was scheduled at, given its index. */
export function tagGeneration(payload: number, index: number, space: number): number {
  return (payload - index) / space;
}
