import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from '../../main/common/api/client';
import { openApp, type App } from '../../main/server/app';
import { inProcessTransport } from '../../main/server/in-process';

export function tempDir(prefix = 'crossdock-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TempApp {
  app: App;
  client: Client;
  dir: string;
  file: string;
  close(): void;
}

/** A real app on a real SQLite file in a fresh temp folder. */
export function tempApp(opts: { clock?: () => Date } = {}): TempApp {
  const dir = tempDir();
  const file = path.join(dir, 'crossdock.sqlite');
  const app = openApp(file, { actor: 'tester', ...(opts.clock ? { clock: opts.clock } : {}) });
  return {
    app,
    client: createClient(inProcessTransport(app.dispatcher)),
    dir,
    file,
    close() {
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
