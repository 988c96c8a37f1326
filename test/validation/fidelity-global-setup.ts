// vitest global setup: empties the fidelity records' folder at the start of every run, so the
// records there are those of the last run (test/validation/fidelity-record.ts writes them,
// scripts/fidelity-page.ts --check reads them after `vitest run` in `npm test`).
import { clearRecords, fidelityDir } from '../../scripts/fidelity/record';

export default function setup(): void {
  clearRecords(fidelityDir());
}
