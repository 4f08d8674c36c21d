// Runs the *built* Electron main bundle (dist-style output of main/electron/build.ts) in plain
// Node, with 'electron' replaced by a recording stand-in (test/fixtures/fake-electron). There is
// no Electron binary on build machines, so this is how the bundle's wiring is checked: it loads
// with only electron/better-sqlite3/node: imports, registers the scheme and sandbox before
// ready, finds its migrations and HS data next to itself, opens the data file in userData,
// serves app:// with the CSP, answers IPC through the contract and refuses a bad data file with
// a dialog instead of a crash.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/common/csp';
import { buildElectron } from '../../main/electron/build';

const root = path.resolve(import.meta.dirname, '../..');
// Inside the project so the bundle resolves better-sqlite3 from node_modules, as in dist/.
const base = path.join(root, '.cache', `electron-bundle-test-${process.pid}`);
const bundle = path.join(base, 'electron', 'main.mjs');
const register = path.join(root, 'test/fixtures/fake-electron/register.mjs');

interface Report {
  order: string[];
  schemes: unknown;
  windows: { webPreferences: Record<string, unknown>; show: boolean }[];
  loadURL: string | null;
  shown: boolean;
  menu: { label: string; submenu?: { label: string }[] }[] | null;
  protocol: Record<string, { status: number; type: string | null; csp: string | null; body: string }>;
  ipc: Record<string, { ok: boolean; result?: { total?: number; rows?: { sku: string }[]; head?: string }; error?: { code: string; details?: { field?: string } } }>;
  events: unknown[][];
  guards: Record<string, unknown>;
  permissions: Record<string, unknown>;
  dialogs: { title: string; content: string; buttons?: string[] }[];
  opened: string[];
  errors: string[];
  exitCode: number | null;
}

function run(name: string, args: string[] = [], env: Record<string, string> = {}): Report {
  const userData = path.join(base, `user-data-${name}`);
  const reportFile = path.join(base, `report-${name}.json`);
  const clean = { ...process.env };
  for (const k of ['CROSSDOCK_SQLITE_BINDING', 'CROSSDOCK_MIGRATIONS', 'CROSSDOCK_HS_FILE', 'CROSSDOCK_DATA_DIR', 'NODE_OPTIONS']) delete clean[k];
  const r = spawnSync(process.execPath, ['--import', register, bundle, ...args], {
    cwd: base,
    env: { ...clean, FAKE_ELECTRON_USER_DATA: userData, FAKE_ELECTRON_REPORT: reportFile, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (!fs.existsSync(reportFile)) throw new Error(`the bundle wrote no report (status ${r.status}):\n${r.stderr}\n${r.stdout}`);
  return JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
}

beforeAll(async () => {
  fs.rmSync(base, { recursive: true, force: true });
  await buildElectron(path.join(base, 'electron'));
  // the renderer the bundle serves lives at ../renderer relative to it, as dist/renderer does
  fs.mkdirSync(path.join(base, 'renderer', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(base, 'renderer', 'index.html'), '<!doctype html><title>Crossdock</title><script type="module" src="./assets/app.js"></script>');
  fs.writeFileSync(path.join(base, 'renderer', 'assets', 'app.js'), 'console.log("ui")');
}, 60_000);
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('the built Electron main bundle', () => {
  let r: Report;
  beforeAll(() => {
    r = run('normal');
  });

  it('runs to the end without errors', () => {
    expect(r.errors).toEqual([]);
    expect(r.dialogs).toEqual([]);
    expect(r.exitCode).toBe(0);
  });

  it('registers the scheme and the sandbox before ready, the rest after', () => {
    const ready = r.order.indexOf('ready');
    expect(ready).toBeGreaterThan(0);
    expect(r.order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(r.order.indexOf('enableSandbox')).toBeLessThan(ready);
    expect(r.order.indexOf('requestSingleInstanceLock')).toBeLessThan(ready);
    expect(r.order.indexOf('protocol.handle app')).toBeGreaterThan(ready);
    expect(r.order.indexOf('ipcMain.handle crossdock:invoke')).toBeGreaterThan(ready);
    expect(r.order.filter((o) => o.startsWith('ipcMain.handle'))).toEqual(['ipcMain.handle crossdock:invoke']);
    expect(r.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('opens one hardened window on app://crossdock/index.html with the bundled preload', () => {
    expect(r.windows).toHaveLength(1);
    const w = r.windows[0]!;
    expect(w.show).toBe(false);
    expect(r.shown).toBe(true);
    expect(w.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, spellcheck: false });
    expect(w.webPreferences.preload).toBe(path.join(base, 'electron', 'preload.cjs'));
    expect(r.loadURL).toBe('app://crossdock/index.html');
  });

  it('keeps its data in userData/crossdock.sqlite', () => {
    expect(fs.existsSync(path.join(base, 'user-data-normal', 'crossdock.sqlite'))).toBe(true);
  });

  it('holds the quit until its work is done: a backup of the changes (beside the daily one of the first start), the lock released', () => {
    expect(r.order.slice(-2)).toEqual(['will-quit held', 'exit 0']);
    const backups = fs.readdirSync(path.join(base, 'user-data-normal', 'backups')).sort();
    expect(backups.map((b) => b.replace(/^crossdock-\d{8}T\d{9}Z-/, ''))).toEqual(['daily.sqlite', 'quit.sqlite'].sort());
    expect(fs.existsSync(path.join(base, 'user-data-normal', 'crossdock.sqlite.lock'))).toBe(false);
  });

  it('serves the renderer over app:// with the CSP, falls back for routes and refuses the rest', () => {
    expect(r.protocol.index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', csp: CONTENT_SECURITY_POLICY });
    expect(r.protocol.index!.body).toContain('<title>Crossdock</title>');
    expect(r.protocol.route).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(r.protocol.asset).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'console.log("ui")' });
    expect(r.protocol.missing!.status).toBe(404);
    expect(r.protocol.traversal!.status).toBe(403);
    expect(r.protocol.post!.status).toBe(405);
  });

  it('answers IPC through the contract, refusing strangers, unknown methods and bad input', () => {
    expect(r.ipc.settings).toMatchObject({ ok: true });
    expect(r.ipc.untrusted).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(r.ipc.noFrame).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(r.ipc.unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(r.ipc.invalid).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'sku' } } });
    expect(r.ipc.create).toMatchObject({ ok: true });
    expect(r.ipc.list!.result!.rows!.map((p) => p.sku)).toEqual(['SMOKE-1']);
    // a PDF with Chinese in it, made by the bundle: pdfkit and the embedded font were found
    expect(r.ipc.papers).toMatchObject({ ok: true, result: { head: '%PDF-' } });
    // the data changes, in order (besides the backup status: the daily backup of a first start)
    const changes = r.events.filter((e) => e[1] !== 'backups.changed');
    expect(changes.map((e) => e[1])).toEqual(['products.changed', 'locations.changed', 'products.changed', 'shipments.changed']);
    expect(changes[0]).toEqual(['crossdock:event', 'products.changed', { ids: [expect.any(String)] }]);
    expect(r.events.some((e) => e[1] === 'backups.changed')).toBe(true);
  });

  it('guards navigation, new windows, webviews and permissions', () => {
    expect(r.guards).toEqual({ navigateAway: true, navigateInside: false, redirectAway: true, webview: true, openWindow: { action: 'deny' }, openAllowed: { action: 'deny' } });
    expect(r.opened).toEqual(['https://www.ecb.europa.eu/']);
    expect(r.permissions).toEqual({ request: false, check: false, device: false });
  });

  it('installs its own menu, with developer items outside a packaged build', () => {
    expect(r.menu!.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(r.menu![2]!.submenu!.map((i) => i.label)).toContain('toggleDevTools');
  });
});

describe('the built Electron main bundle, other launches', () => {
  it('--demo fills a separate demo database on first start', () => {
    const r = run('demo', ['--demo']);
    expect(r.errors).toEqual([]);
    expect(fs.existsSync(path.join(base, 'user-data-demo', 'crossdock-demo.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(base, 'user-data-demo', 'crossdock.sqlite'))).toBe(false);
    expect(r.ipc.list!.result!.total).toBeGreaterThan(10);
  });

  it('--data FILE that is not a Crossdock database: an error box and a clean exit, no window', () => {
    const bad = path.join(base, 'not-ours.sqlite');
    fs.writeFileSync(bad, 'this is a spreadsheet, not a database '.repeat(200));
    const r = run('bad', ['--data', bad]);
    expect(r.errors).toEqual([]);
    expect(r.windows).toEqual([]);
    expect(r.dialogs).toHaveLength(1);
    expect(r.dialogs[0]!.title).toBe('Crossdock cannot open its data');
    expect(r.dialogs[0]!.content).toContain(bad);
    expect(r.exitCode).toBe(1);
    expect(fs.readFileSync(bad, 'utf8')).toMatch(/^this is a spreadsheet/); // untouched
  });

  it('a damaged data file with a good backup: offers to restore it, and with a yes opens the restored data', () => {
    const ud = path.join(base, 'user-data-damaged');
    fs.mkdirSync(path.join(ud, 'backups'), { recursive: true });
    // the backups of a normal run: restore the newest that checks out (the quit one), skipping a broken newer one
    for (const f of fs.readdirSync(path.join(base, 'user-data-normal', 'backups'))) fs.copyFileSync(path.join(base, 'user-data-normal', 'backups', f), path.join(ud, 'backups', f));
    fs.writeFileSync(path.join(ud, 'backups', 'crossdock-29990101T000000000Z-daily.sqlite'), 'broken');
    fs.writeFileSync(path.join(ud, 'crossdock.sqlite'), 'SQLite format 3\0' + 'garbage'.repeat(2000));

    const no = run('damaged');
    expect(no.dialogs.map((d) => d.buttons)).toEqual([[expect.stringMatching(/^Restore the backup of \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), 'Quit'], undefined]);
    expect(no.dialogs[0]!.content).toMatch(/The data file is damaged\.\n.*-quit\.sqlite/s);
    expect(no.windows).toEqual([]);
    expect(no.exitCode).toBe(1);
    expect(fs.readFileSync(path.join(ud, 'crossdock.sqlite'), 'latin1')).toContain('garbage'); // untouched

    const yes = run('damaged', [], { FAKE_ELECTRON_ANSWER: '0' });
    expect(yes.errors).toEqual([]);
    expect(yes.windows).toHaveLength(1);
    // the smoke product the normal run made before it quit is back
    expect(yes.ipc.list!.result!.rows!.map((p) => p.sku)).toContain('SMOKE-1');
    expect(fs.readdirSync(ud).filter((f) => f.startsWith('crossdock.sqlite.replaced-'))).toHaveLength(1);
  });

  it('a data file another Crossdock has open: an error box naming it, and a clean exit', () => {
    const ud = path.join(base, 'user-data-locked');
    fs.mkdirSync(ud, { recursive: true });
    // this test process stands in for the other app
    fs.writeFileSync(path.join(ud, 'crossdock.sqlite.lock'), JSON.stringify({ pid: process.pid, host: os.hostname(), since: '2026-12-06T09:00:00.000Z' }));
    const r = run('locked');
    expect(r.windows).toEqual([]);
    expect(r.dialogs[0]!.content).toMatch(new RegExp(`already open on .* \\(process ${process.pid}, since 2026-12-06T09:00:00.000Z\\)[^]*Only one Crossdock`));
    expect(r.exitCode).toBe(1);
  });

  it('a second launch leaves at once (the first one focuses its window)', () => {
    const r = run('second', [], { FAKE_ELECTRON_LOCKED: '1' });
    expect(r.order).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock', 'quit']);
    expect(r.windows).toEqual([]);
  });
});
