// app:// → file mapping of the Electron shell (main/electron/paths.ts): traversal in every
// spelling is refused, client-side routes fall back to index.html, and types are right.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentType, resolveAppPath } from '../../main/electron/paths';

const root = path.resolve('/srv/crossdock/dist/renderer');
const file = (...p: string[]) => ({ ok: true, file: path.join(root, ...p), fallback: false });
const spa = { ok: true, file: path.join(root, 'index.html'), fallback: true };

describe('resolveAppPath', () => {
  it.each([
    ['app://crossdock/index.html', file('index.html')],
    ['app://crossdock/', { ...file('index.html') }],
    ['app://crossdock', { ...file('index.html') }],
    ['app://crossdock/assets/index-abc123.js', file('assets', 'index-abc123.js')],
    ['app://crossdock/assets/index-abc123.js?v=1#x', file('assets', 'index-abc123.js')],
    ['app://crossdock/fonts/Noto%20Sans%20SC.woff2', file('fonts', 'Noto Sans SC.woff2')],
    ['app://crossdock/assets//double.css', file('assets', 'double.css')],
    ['app://crossdock//etc/passwd.txt', file('etc', 'passwd.txt')], // an "absolute" path stays under the root
  ])('%s is served', (url, expected) => {
    expect(resolveAppPath(root, url)).toEqual(expected);
  });

  it.each(['app://crossdock/products', 'app://crossdock/products/01890000-0000-7000-8000-000000000000', 'app://crossdock/stock/movements?kind=sale'])(
    '%s is a client-side route: index.html (SPA fallback)',
    (url) => {
      expect(resolveAppPath(root, url)).toEqual(spa);
    },
  );

  it.each([
    // Literal and encoded dot segments are already removed by URL parsing; whatever survives is
    // refused or stays inside the root.
    'app://crossdock/../../../etc/passwd',
    'app://crossdock/assets/../../secret.txt',
    'app://crossdock/%2e%2e/%2e%2e/etc/passwd',
    'app://crossdock/.%2e/main.mjs',
    'app://crossdock/%252e%252e/%252e%252e/x.js', // decoded once only: a file literally named %2e%2e
  ])('%s does not leave the root', (url) => {
    const r = resolveAppPath(root, url);
    if (r.ok) expect(r.file.startsWith(root + path.sep)).toBe(true);
  });

  it.each([
    ['an encoded slash', 'app://crossdock/assets%2f..%2f..%2f..%2fetc%2fpasswd'],
    ['an encoded .. with an encoded slash', 'app://crossdock/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['an encoded ..', 'app://crossdock/x/%2E%2E%2Fmain.mjs'],
    ['an encoded backslash', 'app://crossdock/..%5c..%5cwindows%5cwin.ini'],
    ['a literal backslash', 'app://crossdock/..\\..\\windows\\win.ini'],
    ['a drive letter', 'app://crossdock/C:/Windows/win.ini'],
    ['an encoded drive letter', 'app://crossdock/C%3a%5cWindows%5cwin.ini'],
    ['an NTFS stream', 'app://crossdock/index.html::$DATA'],
    ['a NUL byte', 'app://crossdock/index.html%00.png'],
    ['a device name', 'app://crossdock/con.txt'],
  ])('%s is refused (403)', (_name, url) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: false, status: 403 });
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://crossdock.evil/index.html'],
    ['credentials', 'app://user:pw@crossdock/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['https', 'https://crossdock/index.html'],
  ])('%s is not ours (404)', (_name, url) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: false, status: 404 });
  });

  it('malformed URLs and encodings are bad requests', () => {
    expect(resolveAppPath(root, 'not a url')).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath(root, 'app://crossdock/%E0%A4%A.js')).toEqual({ ok: false, status: 400 });
  });

  it('applies the same rules with Windows paths', () => {
    const winRoot = 'C:\\Program Files\\Crossdock\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppPath(winRoot, 'app://crossdock/assets/a.js', path.win32)).toEqual({ ok: true, file: `${winRoot}\\assets\\a.js`, fallback: false });
    expect(resolveAppPath(winRoot, 'app://crossdock/products/42', path.win32)).toEqual({ ok: true, file: `${winRoot}\\index.html`, fallback: true });
    for (const url of ['app://crossdock/..%5c..%5cmain.mjs', 'app://crossdock/C:%5cWindows%5cwin.ini', 'app://crossdock/%5c%5cserver%5cshare%5cx.js', 'app://crossdock/NUL', 'app://crossdock/aux.js']) {
      expect(resolveAppPath(winRoot, url, path.win32)).toEqual({ ok: false, status: 403 });
    }
  });
});

describe('contentType', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['a.json', 'application/json; charset=utf-8'],
    ['C:\\x\\a.png', 'image/png'],
    ['LICENSE', 'application/octet-stream'],
    ['a.exe', 'application/octet-stream'],
  ])('%s → %s', (f, type) => {
    expect(contentType(f)).toBe(type);
  });
});
