// The sandboxed preload: exposes exactly the contract as `window.headroom`, nothing else
// (no raw ipcRenderer). Built as CommonJS, as sandboxed preloads require. The dialog methods
// (DIALOG_METHODS) are answered by the main process itself (file dialogs), the rest by the backend.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IPC_INVOKE_CHANNEL, IPC_RUN_EVENT_CHANNEL, type ApiMethod, type DialogMethod, type HeadroomApi, type RunEvent,
} from '../common/contract';

const invoke = <T>(method: ApiMethod | DialogMethod, ...args: unknown[]) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, args) as Promise<T>;

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
  listVersions: (scenarioId) => invoke('listVersions', scenarioId),
  getVersion: (versionId) => invoke('getVersion', versionId),
  restoreVersion: (scenarioId, versionId) => invoke('restoreVersion', scenarioId, versionId),
  renameScenario: (id, name) => invoke('renameScenario', id, name),
  duplicateScenario: (id) => invoke('duplicateScenario', id),
  setTags: (id, tags) => invoke('setTags', id, tags),
  searchScenarios: (query) => invoke('searchScenarios', query),
  listTrash: () => invoke('listTrash'),
  restoreFromTrash: (id) => invoke('restoreFromTrash', id),
  purgeScenario: (id) => invoke('purgeScenario', id),
  exportScenarios: (ids, options) => invoke('exportScenarios', ids, options),
  importScenarios: (files) => invoke('importScenarios', files),
  libraryStatus: () => invoke('libraryStatus'),
  backupLibrary: () => invoke('backupLibrary'),
  restoreLibraryBackup: (name) => invoke('restoreLibraryBackup', name),
  calibrateStragglers: (file, options) => invoke('calibrateStragglers', file, options),
  checkpointSweep: (scenarioId, options) => invoke('checkpointSweep', scenarioId, options),
  cancelCheckpointSweep: (requestId) => invoke('cancelCheckpointSweep', requestId),
  renderRunReport: (runId, kind) => invoke('renderRunReport', runId, kind),
  saveExport: (ids, options) => invoke('saveExport', ids, options),
  openImport: () => invoke('openImport'),
  saveLibraryBackup: () => invoke('saveLibraryBackup'),
  openLibraryBackup: () => invoke('openLibraryBackup'),
  saveRunReport: (runId, kind) => invoke('saveRunReport', runId, kind),
} satisfies HeadroomApi;

contextBridge.exposeInMainWorld('headroom', api);
