// Electron entry (bundled to dist/electron/main.mjs). Everything the app does lives in core
// behind the dispatcher; this file only wires the window, the app:// scheme, IPC and the
// security rules around it. Work that must precede the ready event runs at module top level:
// the bundle is one ES module with no top-level await, so that code runs before ready.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, safeStorage, session, shell } from 'electron';
import { createClient } from '../common/api/client';
import { seedDemo } from '../core/demo/seed';
import { DbOpenError } from '../db/errors';
import { defaultBackupDir, replaceFile } from '../db/backup';
import { newestGoodBackup } from '../db/restorable';
import { openApp, startChores, type App } from '../server/app';
import { inProcessTransport } from '../server/in-process';
import { registerIpc } from './ipc';
import { createSecrets } from './secrets';
import { menuTemplate } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createExternalOpener, denyAllPermissions, guardWebContents } from './security';
import { dataFileFor, describeOpenError, nativeBindingPath, parseLaunchArgs, recoveryPrompt } from './startup';
import { isAppUrl } from './urls';
import { createMainWindow } from './window';

// Relative to the bundle: dist/electron/main.mjs → dist/electron/preload.cjs, dist/renderer/.
const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));
const RENDERER = fileURLToPath(new URL('../renderer', import.meta.url));

registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Crossdock owns the data; it focuses its window (second-instance) and we leave.
  app.quit();
} else {
  start();
}

function start(): void {
  const launch = parseLaunchArgs(process.argv.slice(1));
  const openExternal = createExternalOpener(shell);
  let win: BrowserWindow | null = null;
  let backend: App | null = null;

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) win = createWindow();
  });
  let stopChores: (() => Promise<void>) | null = null;
  let quitting = false;
  app.on('will-quit', (event) => {
    if (!backend) return;
    // held until the chores have stopped: a sync under way is aborted (an order on the wire is
    // looked up by its key at the next start) and, if anything changed, the data is backed up
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    void (stopChores?.() ?? Promise.resolve())
      .catch((e: unknown) => console.error('Stopping the background work failed', e))
      .finally(() => {
        backend?.close();
        backend = null;
        app.exit(0);
      });
  });

  function createWindow(): BrowserWindow {
    return createMainWindow({ preload: PRELOAD, devTools: !app.isPackaged });
  }

  function fail(title: string, message: string): void {
    dialog.showErrorBox(title, message);
    app.exit(1);
  }

  async function ready(): Promise<void> {
    const file = dataFileFor(app.getPath('userData'), launch);
    const fresh = !fs.existsSync(file);
    const nativeBinding = nativeBindingPath(process.env, app.isPackaged, process.resourcesPath);
    const open = () => openApp(file, { exclusive: true, ...(nativeBinding ? { nativeBinding } : {}), secrets: createSecrets(safeStorage), sync: { isOnline: () => net.isOnline() }, openFile: (f) => shell.openPath(f) });
    try {
      backend = open();
    } catch (e) {
      // A damaged or foreign file: offered the newest backup that checks out, if there is one.
      const recoverable = e instanceof DbOpenError && (e.reason === 'corrupt' || e.reason === 'foreign') ? e : null;
      const good = recoverable ? await newestGoodBackup(defaultBackupDir(file), nativeBinding) : null;
      if (recoverable && good) {
        const prompt = recoveryPrompt(recoverable, file, good);
        const { response } = await dialog.showMessageBox({ type: 'error', ...prompt, defaultId: 0, cancelId: 1, noLink: true });
        if (response === 0) {
          try {
            await replaceFile(file, good.file);
            backend = open();
          } catch (again) {
            const { title, message } = describeOpenError(again, file);
            fail(title, message);
            return;
          }
        }
      }
      if (!backend) {
        // A foreign, newer, locked or damaged file (DbOpenError), or a native module for the wrong ABI.
        const { title, message } = describeOpenError(e, file);
        fail(title, message);
        return;
      }
    }

    if (launch.demo && fresh) {
      try {
        await seedDemo(createClient(inProcessTransport(backend.dispatcher)));
      } catch (e) {
        console.error('Loading the demo data failed; starting with what was written.', e);
      }
    }

    stopChores = startChores(backend);
    denyAllPermissions(session.defaultSession);
    handleAppProtocol(RENDERER);
    registerIpc(ipcMain, backend.dispatcher, {
      isTrustedSender: isAppUrl,
      targets: () =>
        BrowserWindow.getAllWindows()
          .map((w) => w.webContents)
          .filter((wc) => !wc.isDestroyed() && isAppUrl(wc.getURL())),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isPackaged: app.isPackaged, platform: process.platform, openExternal })));
    win = createWindow();
  }

  app
    .whenReady()
    .then(ready)
    .catch((e: unknown) => fail('Crossdock could not start', e instanceof Error ? (e.stack ?? e.message) : String(e)));
}
