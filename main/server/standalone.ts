// Runs Crossdock without Electron: the backend and the loopback bridge serving the built UI.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, startChores, type App } from './app';
import { startBridge, type Bridge } from './bridge';

export function rendererDir(): string {
  return process.env.CROSSDOCK_RENDERER_DIR ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));
}

export interface Host {
  app: App;
  bridge: Bridge;
  close(): Promise<void>;
}

export async function startHost(opts: { file: string; port?: number; staticDir?: string; actor?: string }): Promise<Host> {
  const app = openApp(opts.file, { exclusive: true, ...(opts.actor ? { actor: opts.actor } : {}) });
  const staticDir = opts.staticDir ?? rendererDir();
  try {
    const bridge = await startBridge({
      dispatcher: app.dispatcher,
      ...(fs.existsSync(path.join(staticDir, 'index.html')) ? { staticDir } : {}),
      ...(opts.port ? { port: opts.port } : {}),
    });
    const stopChores = startChores(app);
    return {
      app,
      bridge,
      async close() {
        await stopChores();
        await bridge.close();
        app.close();
      },
    };
  } catch (e) {
    app.close();
    throw e;
  }
}
