// Hardening for every webContents and the default session: the UI may not navigate away from
// app://, open windows, attach webviews or get any permission; allow-listed https links go to
// the user's browser. `import type` only, so the guards are tested in Node with test doubles.
import type { HandlerDetails, Session, Shell } from 'electron';
import { isAllowedExternal, isAppUrl } from './urls';

export type OpenExternal = (url: string) => void;

/** Opens a URL in the OS browser only if it passes the allow-list; otherwise does nothing. */
export function createExternalOpener(shell: Pick<Shell, 'openExternal'>, log: (msg: string) => void = console.warn): OpenExternal {
  return (url) => {
    if (!isAllowedExternal(url)) {
      log(`Blocked opening ${String(url).slice(0, 200)}`);
      return;
    }
    shell.openExternal(url).catch((e: unknown) => log(`Could not open ${url}: ${(e as Error).message}`));
  };
}

type NavigationEvent = { url: string; preventDefault(): void };
export type GuardedContents = {
  on(event: 'will-navigate' | 'will-redirect', listener: (details: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: Pick<HandlerDetails, 'url'>) => { action: 'deny' }): void;
};

/** Called for every webContents the app creates (app 'web-contents-created'). */
export function guardWebContents(contents: GuardedContents, openExternal: OpenExternal): void {
  const stayInApp = (details: NavigationEvent) => {
    if (isAppUrl(details.url)) return;
    details.preventDefault();
    // A plain <a href="https://…"> click lands here: hand allow-listed links to the browser.
    if (isAllowedExternal(details.url)) openExternal(details.url);
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** The UI needs no camera, microphone, notifications, geolocation, HID, USB or serial access. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
