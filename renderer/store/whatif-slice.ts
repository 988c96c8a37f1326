// The what-if workbench's state: the comparison of two runs, the analyses (sweep, solve,
// sensitivity) kept with the open scenario, the one running now with its progress, and the
// live preview behind the sliders. Analyses run in the backend's worker threads; progress
// arrives as `analysis` run events under the request id this slice picked.
import type { StateCreator } from 'zustand';
import type { AnalysisRequest, HeadroomApi, RunEvent } from '../../electron/common/contract';
import { errorMessage } from './session';
import type { AppState, WhatIfSlice } from './types';

let requestSeq = 0;
/** Bumped by every preview asked for and by Reset: only the newest preview's answer is shown. */
let previewSeq = 0;
const nextRequestId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++requestSeq}`;

export const createWhatIfSlice = (api: HeadroomApi): StateCreator<AppState, [], [], WhatIfSlice> => (set, get) => ({
  compareWith: null,
  comparison: null,
  comparisonStatus: 'idle',
  comparisonError: null,
  async compareRuns(runIdA, runIdB) {
    set({ compareWith: runIdB, comparisonStatus: 'loading', comparisonError: null, comparison: null });
    try {
      const comparison = await api.compareRuns(runIdA, runIdB);
      if (get().compareWith !== runIdB) return;
      set({ comparison, comparisonStatus: 'ready' });
    } catch (e) {
      set({ comparisonStatus: 'error', comparisonError: errorMessage(e) });
    }
  },
  clearComparison() {
    set({ compareWith: null, comparison: null, comparisonStatus: 'idle', comparisonError: null });
  },

  analyses: [],
  openAnalysis: null,
  analysisJob: null,
  analysisError: null,
  async loadAnalyses() {
    const sid = get().editorScenarioId;
    if (!sid) return set({ analyses: [], openAnalysis: null });
    try {
      const analyses = await api.listAnalyses(sid);
      if (get().editorScenarioId === sid) set({ analyses });
    } catch (e) {
      set({ analysisError: errorMessage(e) });
    }
  },
  async startAnalysis(request: AnalysisRequest) {
    const sid = get().editorScenarioId;
    if (!sid || get().analysisJob) return false;
    const requestId = nextRequestId('analysis');
    set({ analysisJob: { requestId, kind: request.kind, fraction: 0, label: 'starting' }, analysisError: null });
    try {
      const outcome = await api.runAnalysis(sid, { ...request, requestId });
      if (!outcome.ok) {
        set({ analysisError: outcome.reason === 'cancelled' ? null : outcome.message, analysisIssues: outcome.errors });
        return false;
      }
      set({ openAnalysis: outcome.analysis, analysisIssues: [] });
      await get().loadAnalyses();
      return true;
    } catch (e) {
      set({ analysisError: errorMessage(e) });
      return false;
    } finally {
      set({ analysisJob: null });
    }
  },
  async cancelAnalysis() {
    const job = get().analysisJob;
    if (job) await api.cancelAnalysis(job.requestId);
  },
  analysisIssues: [],
  async showAnalysis(id) {
    try {
      set({ openAnalysis: await api.getAnalysis(id), analysisError: null });
    } catch (e) {
      set({ analysisError: errorMessage(e) });
    }
  },
  closeAnalysis() {
    set({ openAnalysis: null });
  },
  async deleteAnalysis(id) {
    try {
      await api.deleteAnalysis(id);
      if (get().openAnalysis?.summary.id === id) set({ openAnalysis: null });
      await get().loadAnalyses();
    } catch (e) {
      set({ analysisError: errorMessage(e) });
    }
  },

  sliderValues: {},
  preview: null,
  previewStatus: 'idle',
  previewError: null,
  previewMs: null,
  setSliderValue(path, value) {
    set((s) => ({ sliderValues: { ...s.sliderValues, [path]: value } }));
  },
  resetSliders() {
    previewSeq++;
    set({ sliderValues: {}, preview: null, previewStatus: 'idle', previewError: null, previewMs: null });
  },
  async runPreview() {
    const sid = get().editorScenarioId;
    if (!sid) return;
    const started = performance.now();
    const seq = ++previewSeq;
    const sets = Object.entries(get().sliderValues).map(([path, value]) => ({ path, value }));
    set({ previewStatus: 'loading' });
    // A late answer (after Reset, a newer move, or another scenario opened) is dropped.
    const stale = () => seq !== previewSeq || get().editorScenarioId !== sid;
    try {
      const outcome = await api.previewRun(sid, { json: get().text, sets, requestId: 'live-preview' });
      if (stale()) return;
      if (!outcome.ok) {
        if (outcome.reason === 'cancelled') return; // a newer preview is on its way
        set({ previewStatus: 'error', previewError: outcome.message });
        return;
      }
      set({ preview: outcome, previewStatus: 'ready', previewError: null, previewMs: performance.now() - started });
    } catch (e) {
      if (!stale()) set({ previewStatus: 'error', previewError: errorMessage(e) });
    }
  },

  handleAnalysisEvent(event: RunEvent) {
    if (event.type !== 'analysis') return;
    const job = get().analysisJob;
    if (job?.requestId !== event.requestId) return;
    set({ analysisJob: { ...job, fraction: event.fraction, label: event.label } });
  },
});
