// "Events at the same simulated time are all applied before the scheduler decides at that time."
// Work requested here runs once no ordinary event is left at the current time: the one pending
// flush event re-queues itself behind any event at the same time (the heap is FIFO among equal
// times), including events scheduled at that time while it waited. A model sharing the
// simulator (the pipeline's pool tasks) should request its end-of-instant work here too, so there
// is only ever one flush.
import type { Simulator } from '../engine/simulator';

export class EndOfInstant {
  private pending = false;
  private tasks: (() => void)[] = [];

  constructor(private readonly sim: Simulator) {
    sim.label(this.flush, 'end of instant (scheduling pass)');
  }

  /** Runs `task` at the end of the current instant (once, however often it is requested). */
  request(task: () => void): void {
    if (!this.tasks.includes(task)) this.tasks.push(task);
    if (!this.pending) {
      this.pending = true;
      this.sim.schedule(0, this.flush);
    }
  }

  private readonly flush = (): void => {
    if (this.sim.peek() <= this.sim.now) {
      this.sim.schedule(0, this.flush);
      return;
    }
    this.pending = false;
    const tasks = this.tasks;
    this.tasks = [];
    for (const t of tasks) t();
  };
}
