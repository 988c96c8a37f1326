// The sandboxed preload: exposes exactly the method table as `window.headroom`, nothing else
// (no raw ipcRenderer). Built as CommonJS, as sandboxed preloads require; the table's names are
// put in by the build (__HEADROOM_API_NAMES__), so the preload bundles no zod.
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preload-api';

contextBridge.exposeInMainWorld('headroom', createPreloadApi(ipcRenderer, __HEADROOM_API_NAMES__));
