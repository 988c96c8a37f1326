// The Electron preload exposes the contract as `window.headroom`; in the browser preview it is absent.
import type { HeadroomApi } from '../electron/common/contract';

declare global {
  interface Window {
    headroom?: HeadroomApi;
  }
}

export {};
