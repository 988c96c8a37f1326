// The one backend the renderer talks to: the Electron preload's `window.headroom`, or, in the
// browser preview, the HTTP client implementing the same contract.
import type { HeadroomApi } from '../../electron/common/contract';
import { takeSessionToken } from './session-token';
import { createWebClient } from './web-client';

/** Which shell answers: its dialog methods differ (save dialogs on the desktop, downloads in a browser). */
export const apiShell: 'electron' | 'web' = window.headroom ? 'electron' : 'web';

export const api: HeadroomApi = window.headroom ?? createWebClient(takeSessionToken());
