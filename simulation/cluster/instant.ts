// "Events at the same simulated time are all applied before the scheduler decides at that time."
// Work requested here runs once no ordinary event is left at the current time: the one pending
// flush is a late event (Simulator.scheduleLate), behind every ordinary event at that time,
// including events scheduled at that time while it waited. (It used to re-queue itself while any
// event was due at the same time, which never ends once another late event — the pipeline's
// settle — waits there too.) A model sharing the simulator should request its end-of-instant
// work here too, so there is only ever one flush.
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
      this.sim.scheduleLate(0, this.flush);
    }
  }

  private readonly flush = (): void => {
    this.pending = false;
    const tasks = this.tasks;
    this.tasks = [];
    for (const t of tasks) t();
  };
}
