// The cluster tools of the open scenario, shown when it has a `cluster` section: straggler
// calibration from real per-worker step times, and the checkpoint-interval sweep. Each opens a
// modal dialog; the dialogs stay mounted so their last result is there when reopened.
import { useId, useState } from 'react';
import { useAppStore } from '../store';
import { CalibrateDialog } from './CalibrateDialog';
import { CheckpointDialog } from './CheckpointDialog';
import { clusterShape } from './scenario-edits';

export function ClusterTools() {
  // Two primitive selections (a fresh object per selection would re-render forever).
  const hasCluster = useAppStore((s) => clusterShape(s.raw ?? s.lastValid).cluster);
  const hasFailures = useAppStore((s) => clusterShape(s.raw ?? s.lastValid).failures);
  const [open, setOpen] = useState<'calibrate' | 'checkpoint' | null>(null);
  const noteId = useId();
  if (!hasCluster) return null;
  return (
    <div className="toolbar ct-bar" role="group" aria-label="Cluster tools">
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen('calibrate')}>Calibrate stragglers…</button>
      <button type="button" aria-haspopup="dialog" aria-describedby={hasFailures ? undefined : noteId} onClick={() => setOpen('checkpoint')}>
        Checkpoint interval…
      </button>
      {!hasFailures && <span id={noteId} className="muted ct-note">needs <code>cluster.failures</code></span>}
      <CalibrateDialog open={open === 'calibrate'} onClose={() => setOpen(null)} />
      <CheckpointDialog open={open === 'checkpoint'} onClose={() => setOpen(null)} />
    </div>
  );
}
