// The one backend the renderer talks to: the Electron preload's `window.headroom`, or, in the
// browser preview, the HTTP client implementing the same contract.
import type { HeadroomApi } from '../../electron/common/contract';
import { takeSessionToken } from './session-token';
import { createWebClient } from './web-client';

export const api: HeadroomApi = window.headroom ?? createWebClient(takeSessionToken());
