import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from '../../main/common/api/client';
import { openApp, type App, type OpenOptions } from '../../main/server/app';
import { inProcessTransport } from '../../main/server/in-process';

export function tempDir(prefix = 'crossdock-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TempApp {
  app: App;
  client: Client;
  dir: string;
  file: string;
  /** close and open the same file again (a restart of the app) */
  reopen(): void;
  close(): void;
}

/** A real app on a real SQLite file in a fresh temp folder. */
export function tempApp(opts: { clock?: () => Date; sync?: OpenOptions['sync']; openFile?: OpenOptions['openFile'] } = {}): TempApp {
  const dir = tempDir();
  const file = path.join(dir, 'crossdock.sqlite');
  const open = () => openApp(file, { actor: 'tester', tidyFiles: true, ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.sync ? { sync: opts.sync } : {}), ...(opts.openFile ? { openFile: opts.openFile } : {}) });
  const t: TempApp = {
    app: open(),
    client: null as unknown as Client,
    dir,
    file,
    reopen() {
      t.app.close();
      t.app = open();
      t.client = createClient(inProcessTransport(t.app.dispatcher));
    },
    close() {
      t.app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  t.client = createClient(inProcessTransport(t.app.dispatcher));
  return t;
}
