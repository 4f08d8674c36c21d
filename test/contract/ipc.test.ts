// The contract over Electron IPC: the real preload API (preload/api.ts) talking through an
// in-memory double of ipcRenderer/ipcMain to the real main-side handler (main/electron/ipc.ts)
// and a real backend on a temp SQLite file. Only Electron's transport itself is simulated.
import fs from 'node:fs';
import path from 'node:path';
import { createClient, type Transport } from '../../main/common/api/client';
import { registerIpc } from '../../main/electron/ipc';
import { isAppUrl } from '../../main/electron/urls';
import { openApp } from '../../main/server/app';
import { createPreloadApi } from '../../preload/api';
import { fakeIpc } from '../helpers/fake-electron-ipc';
import { tempDir } from '../helpers/temp-app';
import { contractSuite } from './suite';

contractSuite('Electron IPC (preload ↔ ipcMain)', async () => {
  const dir = tempDir();
  const app = openApp(path.join(dir, 'crossdock.sqlite'), { actor: 'tester' });
  const ipc = fakeIpc('app://crossdock/index.html');
  const unregister = registerIpc(ipc.ipcMain, app.dispatcher, { isTrustedSender: isAppUrl, targets: () => [ipc.webContents] });
  const api = createPreloadApi(ipc.ipcRenderer);
  const transport: Transport = { invoke: api.invoke, on: api.on };
  return {
    client: createClient(transport),
    transport,
    async close() {
      unregister();
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
