// The sandboxed preload: exposes exactly the contract as `window.headroom`, nothing else
// (no raw ipcRenderer). Built as CommonJS, as sandboxed preloads require.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_INVOKE_CHANNEL, IPC_RUN_EVENT_CHANNEL, type ApiMethod, type HeadroomApi, type RunEvent } from '../common/contract';

const invoke = <T>(method: ApiMethod, ...args: unknown[]) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, args) as Promise<T>;

const api = {
  info: () => invoke('info'),
  listScenarios: () => invoke('listScenarios'),
  getScenario: (id) => invoke('getScenario', id),
  createScenario: (json) => invoke('createScenario', json),
  updateScenario: (id, json) => invoke('updateScenario', id, json),
  deleteScenario: (id) => invoke('deleteScenario', id),
  listExamples: () => invoke('listExamples'),
  startRun: (scenarioId, options) => invoke('startRun', scenarioId, options),
  cancelRun: (runId) => invoke('cancelRun', runId),
  listRuns: (scenarioId) => invoke('listRuns', scenarioId),
  getRunResult: (runId) => invoke('getRunResult', runId),
  onRunEvent: (listener) => {
    const handler = (_e: IpcRendererEvent, event: RunEvent) => listener(event);
    ipcRenderer.on(IPC_RUN_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_RUN_EVENT_CHANNEL, handler);
    };
  },
} satisfies HeadroomApi;

contextBridge.exposeInMainWorld('headroom', api);
