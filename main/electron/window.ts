// The one application window: sandboxed, context-isolated, no Node, loading only app://.
import { BrowserWindow } from 'electron';
import { APP_ENTRY } from './urls';

export interface WindowOptions {
  /** dist/electron/preload.cjs */
  preload: string;
  /** devtools only in development */
  devTools: boolean;
}

export function createMainWindow({ preload, devTools }: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Crossdock',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY).catch((e: unknown) => console.error(`Could not load ${APP_ENTRY}:`, e));
  return win;
}
