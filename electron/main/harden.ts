// Every web contents the app creates is locked down as it is created (Electron's security
// checklist, items 5, 13, 14 and 15; docs/security.md): no permission is ever granted, the page
// cannot navigate away from itself or be redirected, no window opens (an allow-listed link goes
// to the system browser instead), and no <webview> can be attached.
import type { WebContents } from 'electron';
import { isAppPage } from './app-protocol';
import { isAllowedExternal } from './external-links';

/** What hardening uses of Electron's WebContents (a test passes a fake). */
export type ContentsLike = Pick<WebContents, 'setWindowOpenHandler' | 'on' | 'session'>;

export function hardenContents(contents: ContentsLike, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppPage(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppPage(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}
