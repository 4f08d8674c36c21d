// The Electron shell's trust rules (main/electron/urls.ts, security.ts, menu.ts), with test
// doubles for webContents, session and shell: no Electron binary needed.
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../main/electron/menu';
import { createExternalOpener, denyAllPermissions, guardWebContents, type GuardedContents } from '../../main/electron/security';
import { APP_ENTRY, EXTERNAL_HOSTS, HELP_LINKS, isAllowedExternal, isAppUrl } from '../../main/electron/urls';

describe('isAllowedExternal', () => {
  it.each([
    'https://www.wcoomd.org/en/topics/nomenclature/overview.aspx',
    'https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html',
    'https://comtrade.un.org/',
    'https://WWW.ECB.EUROPA.EU/path?q=1#frag',
  ])('allows %s', (url) => {
    expect(isAllowedExternal(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://www.ecb.europa.eu/'],
    ['a host not on the list', 'https://evil.example/'],
    ['a subdomain of a listed host', 'https://evil.www.ecb.europa.eu/'],
    ['a listed host as a prefix', 'https://www.ecb.europa.eu.evil.example/'],
    ['a trailing-dot host', 'https://www.ecb.europa.eu./'],
    ['a username', 'https://user@www.ecb.europa.eu/'],
    ['a username and password', 'https://user:pw@www.ecb.europa.eu/'],
    ['the listed host as credentials', 'https://www.ecb.europa.eu@evil.example/'],
    ['an explicit port', 'https://www.ecb.europa.eu:8443/'],
    ['a file URL', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['our own scheme', APP_ENTRY],
    ['a custom protocol handler', 'ms-settings:privacy'],
    ['a UNC-ish URL', 'file://server/share/x.exe'],
    ['garbage', 'not a url'],
    ['an empty string', ''],
    ['a huge URL', `https://www.ecb.europa.eu/${'a'.repeat(3000)}`],
    ['not a string', 42],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });

  it('every help link is allowed, and the allow-list is small and exact', () => {
    for (const link of HELP_LINKS) expect(isAllowedExternal(link.url)).toBe(true);
    expect(EXTERNAL_HOSTS.length).toBeLessThanOrEqual(5);
    for (const h of EXTERNAL_HOSTS) expect(h).toMatch(/^[a-z0-9.-]+$/);
  });
});

describe('isAppUrl', () => {
  it.each(['app://crossdock/index.html', 'app://crossdock/', 'app://crossdock/products/1?x=1#y'])('trusts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });
  it.each(['app://evil/index.html', 'app://crossdock.evil/', 'app://x@crossdock/', 'https://crossdock/', 'file:///index.html', 'about:blank', '', null])(
    'does not trust %s',
    (url) => {
      expect(isAppUrl(url)).toBe(false);
    },
  );
});

function fakeContents() {
  const listeners = new Map<string, ((e: { url: string; preventDefault(): void }) => void)[]>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(event: string, l: (e: { url: string; preventDefault(): void }) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), l]);
      return contents;
    },
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
      openHandler = h;
    },
  };
  const fire = (event: string, url = '') => {
    const e = { url, preventDefault: vi.fn() };
    for (const l of listeners.get(event) ?? []) l(e);
    return e.preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as unknown as GuardedContents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('guardWebContents', () => {
  it('keeps navigation inside app:// and hands allow-listed links to the browser', () => {
    const { contents, fire } = fakeContents();
    const opened: string[] = [];
    guardWebContents(contents, (url) => opened.push(url));
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(fire(event, 'app://crossdock/products')).toBe(false);
      expect(fire(event, 'https://evil.example/')).toBe(true);
      expect(fire(event, 'file:///etc/passwd')).toBe(true);
      expect(fire(event, 'app://evil/')).toBe(true);
      expect(fire(event, 'https://www.ecb.europa.eu/')).toBe(true);
    }
    expect(opened).toEqual(['https://www.ecb.europa.eu/', 'https://www.ecb.europa.eu/']);
  });

  it('denies every new window, opening only allow-listed https links externally', () => {
    const { contents, open } = fakeContents();
    const opened: string[] = [];
    guardWebContents(contents, (url) => opened.push(url));
    expect(open('https://www.wcoomd.org/')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('app://crossdock/index.html')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.wcoomd.org/']);
  });

  it('refuses to attach webviews', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, () => undefined);
    expect(fire('will-attach-webview')).toBe(true);
  });
});

describe('createExternalOpener', () => {
  it('passes only allow-listed URLs to shell.openExternal and logs its failures', async () => {
    const openExternal = vi.fn((url: string) => (url.includes('ecb') ? Promise.reject(new Error('no browser')) : Promise.resolve()));
    const log = vi.fn();
    const open = createExternalOpener({ openExternal }, log);
    open('https://www.wcoomd.org/');
    open('https://evil.example/');
    open('https://www.ecb.europa.eu/');
    await new Promise((r) => setImmediate(r));
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual(['https://www.wcoomd.org/', 'https://www.ecb.europa.eu/']);
    expect(log.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/Blocked.*evil/), expect.stringMatching(/no browser/)]);
  });
});

describe('denyAllPermissions', () => {
  it('answers every request, check and device query with no', () => {
    const s = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    denyAllPermissions(s as never);
    const callback = vi.fn();
    for (const perm of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) s.setPermissionRequestHandler.mock.calls[0]![0](null, perm, callback, {});
    expect(callback.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect(callback).toHaveBeenCalledTimes(5);
    expect(s.setPermissionCheckHandler.mock.calls[0]![0](null, 'media', 'app://crossdock', {})).toBe(false);
    expect(s.setDevicePermissionHandler.mock.calls[0]![0]({ deviceType: 'usb' })).toBe(false);
  });
});

describe('menuTemplate', () => {
  const roles = (t: ReturnType<typeof menuTemplate>): string[] =>
    t.flatMap((item) => [String(item.role ?? item.label ?? item.type), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);

  it('offers reload and devtools only in development', () => {
    const dev = roles(menuTemplate({ isPackaged: false, platform: 'linux', openExternal: () => undefined }));
    const prod = roles(menuTemplate({ isPackaged: true, platform: 'linux', openExternal: () => undefined }));
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    for (const r of ['reload', 'forceReload', 'toggleDevTools']) expect(prod).not.toContain(r);
    expect(prod).toEqual(expect.arrayContaining(['quit', 'undo', 'copy', 'paste', 'selectAll']));
  });

  it('has the macOS app menu only on macOS, and Help opens links through the allow-list', () => {
    const opened: string[] = [];
    const mac = menuTemplate({ isPackaged: true, platform: 'darwin', openExternal: (u) => opened.push(u) });
    expect(mac[0]!.role).toBe('appMenu');
    expect(menuTemplate({ isPackaged: true, platform: 'win32', openExternal: () => undefined })[0]!.role).not.toBe('appMenu');
    const help = mac.find((m) => m.role === 'help')!;
    for (const item of help.submenu as { click: () => void }[]) item.click();
    expect(opened).toEqual(HELP_LINKS.map((l) => l.url));
  });
});
