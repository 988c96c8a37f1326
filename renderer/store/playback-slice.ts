// The playback cursor of the open run (types.ts: PlaybackSlice). Kept apart from the results so
// that moving it redraws only the cursor layers of the charts that read it.
import type { StateCreator } from 'zustand';
import type { AppState, PlaybackSlice } from './types';

export const PLAYBACK_SPEEDS = [1, 10, 100, 1000] as const;

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set) => ({
  playbackT: null,
  playing: false,
  playbackSpeed: 100,
  setPlaybackT(t) {
    set({ playbackT: t === null || !Number.isFinite(t) ? null : Math.max(0, t) });
  },
  setPlaying(playing) {
    set({ playing });
  },
  setPlaybackSpeed(speed) {
    set({ playbackSpeed: Math.min(1000, Math.max(1, speed)) });
  },
});
