// Playback of the open run over simulated time (workshop mode): one scrubber, play/pause and a
// speed that move the cursor every time chart of the run draws (store: playbackT), the state at
// that instant, and a story mode that steps through the run's key moments, one sentence each
// (simulation/present: stateAt, storyMoments).
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ResultDocument, RunSummary } from '../../electron/common/contract';
import { clock, playbackSpan, playbackStep, stateAt, storyMoments } from '../../simulation/present';
import { APP_NUMBERS } from '../format/numbers';
import { useAppStore } from '../store';
import { PLAYBACK_SPEEDS } from '../store/playback-slice';
import { useRunScenario } from './use-run-scenario';

export function PlaybackBar({ run, result }: { run: RunSummary; result: ResultDocument }) {
  const t = useAppStore((s) => s.playbackT);
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.playbackSpeed);
  const scenario = useRunScenario(run) ?? null;
  const span = useMemo(() => playbackSpan(result), [result]);
  const step = useMemo(() => playbackStep(result), [result]);
  const moments = useMemo(() => (scenario ? storyMoments(result, scenario, APP_NUMBERS) : []), [result, scenario]);
  const [story, setStory] = useState<number | null>(null);
  const id = useId();
  const at = t ?? 0;

  // A new run starts with no cursor and playback stopped (the parent keys this bar by run).
  useEffect(() => {
    const s = useAppStore.getState();
    s.setPlaying(false);
    s.setPlaybackT(null);
  }, [run.id]);

  usePlaybackClock(playing, speed, span);

  const lines = useMemo(() => stateAt(result, scenario, at, APP_NUMBERS), [result, scenario, at]);
  const store = useAppStore.getState;

  const togglePlay = () => {
    const s = store();
    if (!s.playing && (s.playbackT === null || s.playbackT >= span)) s.setPlaybackT(0);
    s.setPlaying(!s.playing);
  };
  const goTo = (i: number) => {
    const m = moments[i];
    if (!m) return;
    setStory(i);
    store().setPlaying(false);
    store().setPlaybackT(Math.min(m.t_s, span));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === ' ' && !(e.target instanceof HTMLButtonElement) && !(e.target instanceof HTMLSelectElement)) {
      e.preventDefault();
      togglePlay();
    }
  };

  if (span <= 0) return null;
  const moment = story === null ? null : moments[story] ?? null;
  return (
    <section className="playback" aria-label="Playback over simulated time" onKeyDown={onKey}>
      <div className="playback-controls">
        <button type="button" className="playback-play" onClick={togglePlay} aria-pressed={playing}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <label className="playback-speed">
          <span>Speed</span>
          <select value={speed} onChange={(e) => store().setPlaybackSpeed(Number(e.target.value))}>
            {PLAYBACK_SPEEDS.map((x) => <option key={x} value={x}>{x}×</option>)}
          </select>
        </label>
        <input
          className="playback-scrubber" type="range" min={0} max={span} step={step} value={Math.min(at, span)}
          aria-label="Simulated time" aria-valuetext={`${clock(at)} of ${clock(span)}`}
          onChange={(e) => { store().setPlaying(false); store().setPlaybackT(Number(e.target.value)); }}
        />
        <output className="playback-time" aria-live="off">{t === null ? '—' : clock(at)} / {clock(span)}</output>
        {t !== null && (
          <button type="button" onClick={() => { store().setPlaying(false); store().setPlaybackT(null); setStory(null); }}>Hide cursor</button>
        )}
        {moments.length > 0 && (
          <button type="button" aria-pressed={story !== null} onClick={() => (story === null ? goTo(0) : setStory(null))}>
            {story === null ? 'Story' : 'End story'}
          </button>
        )}
      </div>
      {moment && story !== null && (
        <div className="playback-story" aria-live="polite">
          <button type="button" onClick={() => goTo(story - 1)} disabled={story === 0} aria-label="Previous moment">‹</button>
          <p>
            <span className="muted">{story + 1} of {moments.length} · {clock(moment.t_s)} · </span>
            <strong>{moment.title}.</strong> {moment.sentence}
          </p>
          <button type="button" onClick={() => goTo(story + 1)} disabled={story === moments.length - 1} aria-label="Next moment">›</button>
        </div>
      )}
      {t !== null && lines.length > 0 && (
        <ul id={id} className="playback-state" aria-label={`State at ${clock(at)}`}>
          {lines.map((l) => <li key={l.subject}><strong>{l.subject}</strong> {l.text}</li>)}
        </ul>
      )}
    </section>
  );
}

/** While playing, advances the cursor by (wall seconds × speed) each frame; stops at the end. */
function usePlaybackClock(playing: boolean, speed: number, span: number) {
  const last = useRef<number | null>(null);
  useEffect(() => {
    if (!playing) { last.current = null; return; }
    let frame = 0;
    const tick = (now: number) => {
      const s = useAppStore.getState();
      const dt = last.current === null ? 0 : (now - last.current) / 1000;
      last.current = now;
      const next = Math.min(span, (s.playbackT ?? 0) + dt * speed);
      s.setPlaybackT(next);
      if (next >= span) { s.setPlaying(false); return; }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => { cancelAnimationFrame(frame); last.current = null; };
  }, [playing, speed, span]);
}
