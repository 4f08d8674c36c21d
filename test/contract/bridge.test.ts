import fs from 'node:fs';
import path from 'node:path';
import { createClient } from '../../main/common/api/client';
import { startHost } from '../../main/server/standalone';
import { httpTransport, wsTransport } from '../helpers/bridge-transports';
import { tempDir } from '../helpers/temp-app';
import { contractSuite } from './suite';

for (const [name, make] of [
  ['the loopback bridge (HTTP)', httpTransport],
  ['the loopback bridge (WebSocket)', wsTransport],
] as const) {
  contractSuite(name, async () => {
    const dir = tempDir();
    const host = await startHost({ file: path.join(dir, 'crossdock.sqlite'), staticDir: dir });
    const transport = await make(host.bridge.url, host.bridge.secret);
    return {
      client: createClient(transport),
      transport,
      async close() {
        transport.close();
        await host.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  });
}
