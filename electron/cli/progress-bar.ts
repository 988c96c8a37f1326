// A one-line progress bar on a terminal's stderr (only used when stderr is a TTY).
import type { PoolProgress } from '../backend/runs/run-pool';

export class ProgressBar {
  private last = '';
  constructor(private readonly out: NodeJS.WriteStream) {}

  update(p: PoolProgress): void {
    const width = 30;
    const filled = Math.round(p.fraction * width);
    const eta = p.etaMs === null ? '' : ` ETA ${Math.ceil(p.etaMs / 1000)}s`;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(p.fraction * 100).toFixed(0).padStart(3)}%  ${p.replicationsDone}/${p.replications} replications  ${(p.eventsPerSec / 1e6).toFixed(1)}M events/s${eta}`;
    if (line !== this.last) this.out.write(`\r${line}\x1b[K`);
    this.last = line;
  }

  done(): void {
    if (this.last) this.out.write('\r\x1b[K');
  }
}
