// "Live what-if": sliders on the open scenario's key inputs (./preview-sliders) and a reduced
// preview run of them, redrawn on each release (./PreviewChart). The preview simulates the
// editor's text with the slider values set, one replication over a short horizon, and says so;
// "Run at full precision" writes the values into the scenario and starts a normal run.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatScenarioJson } from '../editor/scenario-json-format';
import { formatDuration, formatNumber } from '../format/numbers';
import { useAppStore } from '../store';
import { IN_FLIGHT } from '../store/runs-slice';
import { PreviewChart } from './PreviewChart';
import { previewSliders, withSliderValues, type SliderSpec } from './preview-sliders';
import { SliderField } from './SliderField';

function groups(sliders: readonly SliderSpec[]): [string, SliderSpec[]][] {
  const map = new Map<string, SliderSpec[]>();
  for (const s of sliders) map.set(s.group, [...(map.get(s.group) ?? []), s]);
  return [...map];
}

function PreviewLabel() {
  const reduced = useAppStore((s) => s.preview?.reduced);
  const text = reduced
    ? `${formatNumber(reduced.replications, 0)} replication${reduced.replications === 1 ? '' : 's'}, ${formatNumber(reduced.horizon_s)} s${reduced.horizon_s >= 7200 ? ` (${formatDuration(reduced.horizon_s * 1000)})` : ''} simulated`
    : 'one replication over a short horizon';
  return (
    <p className="preview-label">
      <strong>Preview</strong> — {text}; not a result to quote
    </p>
  );
}

function PreviewStatus() {
  const status = useAppStore((s) => s.previewStatus);
  const error = useAppStore((s) => s.previewError);
  const ms = useAppStore((s) => s.previewMs);
  const wallMs = useAppStore((s) => s.preview?.wallMs);
  if (status === 'error') return <p className="message error" role="alert">Preview not run: {error}</p>;
  return (
    <p className="preview-status" role="status">
      {status === 'loading' ? 'Simulating the preview…' : ms !== null && wallMs !== undefined ? `Simulated in ${formatDuration(wallMs)}; answered in ${formatDuration(ms)}` : ''}
    </p>
  );
}

function WhatIfBody({ sliders, omitted }: { sliders: SliderSpec[]; omitted: number }) {
  const values = useAppStore((s) => s.sliderValues);
  const setSliderValue = useAppStore((s) => s.setSliderValue);
  const resetSliders = useAppStore((s) => s.resetSliders);
  const runPreview = useAppStore((s) => s.runPreview);
  const preview = useAppStore((s) => s.preview);
  const status = useAppStore((s) => s.previewStatus);
  const raw = useAppStore((s) => s.raw);
  const lastValid = useAppStore((s) => s.lastValid);
  const setText = useAppStore((s) => s.setText);
  const startRun = useAppStore((s) => s.startRun);
  const inFlight = useAppStore((s) => s.runs.some((r) => r.id === s.activeRunId && IN_FLIGHT.includes(r.status)));
  const moved = sliders.filter((s) => values[s.path] !== undefined && values[s.path] !== s.value).length;
  const sloPercentile = useCallback((id: string) => lastValid?.serving?.services.find((x) => x.id === id)?.slo_percentile ?? null, [lastValid]);
  const commit = useCallback(() => void runPreview(), [runPreview]);

  const runFull = async () => {
    if (moved > 0 && raw !== undefined) setText(formatScenarioJson(withSliderValues(raw, sliders, values)), 'live what-if');
    // The values are the scenario's own now: the sliders start again from them.
    resetSliders();
    await startRun();
  };
  const reset = () => {
    resetSliders();
    void runPreview();
  };

  if (raw === undefined) return <p className="message warn">The scenario text is not valid JSON; fix it to preview changes.</p>;
  if (sliders.length === 0) return <p className="muted">This scenario has none of the inputs the sliders move (replicas, arrival rates, service times, the units of pools jobs run on, failure probabilities, straggler slowdown).</p>;
  // The preview first, then the sliders (in their own scrolling box on a tall enough screen).
  return (
    <>
      <div className={status === 'loading' ? 'whatif-preview updating' : 'whatif-preview'}>
        <PreviewLabel />
        {preview?.result.truncated && <p className="callout warn"><strong>Partial preview:</strong> stopped by a cap ({preview.result.truncated.reason}).</p>}
        {preview ? (
          <PreviewChart result={preview.result} sloPercentile={sloPercentile} busy={status === 'loading'} />
        ) : (
          status !== 'loading' && status !== 'error' && <p className="muted">Move a slider to see a preview.</p>
        )}
        <PreviewStatus />
      </div>
      <div className="whatif-actions">
        <button type="button" className="primary" disabled={inFlight} onClick={() => void runFull()} title="Write the slider values into the scenario, save it and run it with its own replications and horizon">
          Run at full precision
        </button>
        <button type="button" onClick={reset} disabled={moved === 0 && preview !== null}>Reset</button>
        <span className="muted">{moved === 0 ? 'No slider moved: the preview is of the scenario as written.' : `${moved} input${moved === 1 ? '' : 's'} changed from the scenario.`}</span>
      </div>
      <div className="whatif-sliders">
        {groups(sliders).map(([group, list]) => (
          <fieldset key={group} className="slider-group">
            <legend>{group}</legend>
            {list.map((s) => (
              <SliderField key={s.path} spec={s} value={values[s.path] ?? s.value} onInput={setSliderValue} onCommit={commit} />
            ))}
          </fieldset>
        ))}
      </div>
      {omitted > 0 && <p className="muted">{omitted} more input{omitted === 1 ? '' : 's'} left out: a preview takes at most {sliders.length} values. Use a sweep for them.</p>}
    </>
  );
}

export function LiveWhatIf() {
  const scenarioId = useAppStore((s) => s.editorScenarioId);
  const raw = useAppStore((s) => s.raw);
  const values = useAppStore((s) => s.sliderValues);
  const resetSliders = useAppStore((s) => s.resetSliders);
  const runPreview = useAppStore((s) => s.runPreview);
  const hasPreview = useAppStore((s) => s.preview !== null || s.previewStatus === 'loading');
  const { sliders, omitted } = useMemo(() => previewSliders(raw), [raw]);
  const [open, setOpen] = useState(false);
  const id = useId();
  const sectionRef = useRef<HTMLElement>(null);
  // Opened: bring the whole section into view (it fits the column), preview and sliders together.
  useEffect(() => {
    if (open) sectionRef.current?.scrollIntoView({ block: 'nearest' });
  }, [open]);

  // Another scenario: its own sliders, and no preview of the last one.
  useEffect(() => {
    resetSliders();
  }, [scenarioId, resetSliders]);
  // An input moved that the text no longer has (a task deleted): start again from the text.
  // (Not while the text is not JSON: that is a moment's typing.)
  useEffect(() => {
    if (raw !== undefined && Object.keys(values).some((p) => !sliders.some((s) => s.path === p))) resetSliders();
  }, [raw, sliders, values, resetSliders]);

  const toggle = () => {
    setOpen(!open);
    // Opening shows the scenario as it stands at once, before any slider moves.
    if (!open && !hasPreview && sliders.length > 0) void runPreview();
  };

  if (scenarioId === null) return null;
  return (
    <section ref={sectionRef} className="live-whatif" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="live-whatif-heading">
        <button type="button" className="disclosure" aria-expanded={open} aria-controls={`${id}-body`} onClick={toggle}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Live what-if
        </button>
        {!open && <span className="live-whatif-hint">sliders on the key inputs, previewed as you release them</span>}
      </h3>
      {open && (
        <div id={`${id}-body`} className="live-whatif-body">
          <WhatIfBody sliders={sliders} omitted={omitted} />
        </div>
      )}
    </section>
  );
}
