// The cluster section of the form (docs/scenario-format.md, docs/cluster.md): pools and jobs as
// tables (with a CSV import), the scheduler, the job trace and the generator, stragglers, the
// all-reduce, node failures and checkpoints. Every field edits the scenario text through the store.
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import { DistPicker } from '../DistPicker';
import { getAtPath } from '../json-path';
import { ChoiceField, CheckField, ValueField } from '../ScenarioFields';
import { poolIds } from './cluster-edits';
import { choices, MITIGATION_CHOICES, PLACEMENT_CHOICES, POLICY_CHOICES, TRACE_FORMAT_CHOICES } from './cluster-schema';
import { communicationStarter, failuresStarter, generatorStarter } from './cluster-starters';
import { JobsTable } from './JobsTable';
import { OptionalBlock } from '../OptionalBlock';
import { PoolsTable } from './PoolsTable';

const C = 'cluster';
const POLICIES = choices(POLICY_CHOICES, { fifo: 'FIFO', sjf: 'shortest job first', backfill: 'EASY backfill' });
const PLACEMENTS = choices(PLACEMENT_CHOICES, {});
const MITIGATIONS = choices(MITIGATION_CHOICES, { backup_workers: 'backup workers', blacklist: 'blacklist slow nodes' });
const TRACE_FORMATS = choices(TRACE_FORMAT_CHOICES, { csv: 'generic CSV', tiresias: 'Tiresias' });

export function ClusterForm() {
  const pools = useAppStore(useShallow((s) => poolIds(s.raw)));
  const poolOptions = pools.map((p) => [p, p] as const);
  const hasTrace = useAppStore((s) => getAtPath(s.raw, [C, 'job_trace']) !== undefined);
  const setField = useAppStore((s) => s.setField);
  return (
    <div className="cluster-form">
      <fieldset>
        <legend>Pools</legend>
        <PoolsTable />
      </fieldset>

      <fieldset>
        <legend>Scheduler</legend>
        <div className="field-grid">
          <ChoiceField label="Scheduling policy" path={[C, 'scheduler', 'policy']} options={POLICIES} defaultValue="fifo" />
          <ChoiceField label="Placement" path={[C, 'scheduler', 'placement']} options={PLACEMENTS} defaultValue="pack" hint="pack fills nodes in order; spread takes one unit per node first." />
          <CheckField label="Preemption" path={[C, 'scheduler', 'preemption']} hint="A job of higher priority may evict lower-priority ones." />
        </div>
      </fieldset>

      <fieldset>
        <legend>Jobs</legend>
        <JobsTable />
      </fieldset>

      {hasTrace && (
        <fieldset>
          <legend>Job trace</legend>
          <div className="field-grid">
            <ValueField label="Trace file" path={[C, 'job_trace', 'path']} numeric={false} wide hint="Relative to the scenario file's folder." />
            <ChoiceField label="Trace format" path={[C, 'job_trace', 'format']} options={TRACE_FORMATS} />
            <ChoiceField label="Pool of the traced jobs" path={[C, 'job_trace', 'pool']} options={poolOptions} />
          </div>
          <button type="button" className="link-button" onClick={() => setField([C, 'job_trace'], undefined)}>Remove job trace</button>
        </fieldset>
      )}

      <OptionalBlock
        label="Job generator"
        path={[C, 'job_generator']}
        shownKeys={['count', 'pool', 'interarrival_s', 'units', 'steps', 'step_time_s']}
        starter={generatorStarter}
        offMeans="only the jobs above (and the trace) are simulated"
      >
        <ValueField label="Generated jobs (count)" path={[C, 'job_generator', 'count']} />
        <ChoiceField label="Pool of the generated jobs" path={[C, 'job_generator', 'pool']} options={poolOptions} />
        <DistPicker name="Time between generated jobs" unit="s" path={[C, 'job_generator', 'interarrival_s']} />
        <DistPicker name="Units per generated job" unit="GPUs" path={[C, 'job_generator', 'units']} />
        <DistPicker name="Steps per generated job" unit="steps" path={[C, 'job_generator', 'steps']} />
        <DistPicker name="Step time of generated jobs" unit="s" path={[C, 'job_generator', 'step_time_s']} />
      </OptionalBlock>

      <fieldset>
        <legend>Stragglers</legend>
        <div className="field-grid">
          <ValueField label="Slow node probability" path={[C, 'stragglers', 'slow_node_probability']} defaultValue={0} />
          <ValueField label="Slowdown (×)" path={[C, 'stragglers', 'slowdown']} defaultValue={1} hint="A slow node's step times are multiplied by this." />
          <ChoiceField label="Mitigation" path={[C, 'stragglers', 'mitigation']} options={MITIGATIONS} defaultValue="none" />
          <ValueField label="Backup workers per job" path={[C, 'stragglers', 'backup_workers']} defaultValue={1} />
        </div>
      </fieldset>

      <OptionalBlock
        label="Communication (ring all-reduce)"
        path={[C, 'communication']}
        shownKeys={['gradient_mb', 'bandwidth_gbps', 'latency_ms']}
        starter={communicationStarter}
        offMeans="steps end at the barrier, with no all-reduce time"
      >
        <ValueField label="Gradient size (MB)" path={[C, 'communication', 'gradient_mb']} />
        <ValueField label="Bandwidth (Gbps)" path={[C, 'communication', 'bandwidth_gbps']} />
        <ValueField label="Latency (ms)" path={[C, 'communication', 'latency_ms']} defaultValue={0} />
      </OptionalBlock>

      <OptionalBlock
        label="Node failures and checkpoints"
        path={[C, 'failures']}
        shownKeys={['node_mtbf_s', 'repair_s', 'checkpoint_interval_s', 'checkpoint_cost_s', 'restart_overhead_s']}
        starter={failuresStarter}
        offMeans="nodes never fail"
      >
        <ValueField label="Node MTBF (s)" path={[C, 'failures', 'node_mtbf_s']} />
        <ValueField label="Checkpoint interval (s)" path={[C, 'failures', 'checkpoint_interval_s']} hint="Empty: no checkpoints; a failed job restarts from step 0." />
        <ValueField label="Restart overhead (s)" path={[C, 'failures', 'restart_overhead_s']} defaultValue={0} />
        <DistPicker name="Repair time" unit="s" path={[C, 'failures', 'repair_s']} optional absentMeans="0 s" />
        <DistPicker name="Checkpoint cost" unit="s" path={[C, 'failures', 'checkpoint_cost_s']} optional absentMeans="0 s" />
      </OptionalBlock>
    </div>
  );
}
