import { createClient } from '../../main/common/api/client';
import { inProcessTransport } from '../../main/server/in-process';
import { tempApp } from '../helpers/temp-app';
import { contractSuite } from './suite';

contractSuite('the in-process transport', async () => {
  const t = tempApp();
  const transport = inProcessTransport(t.app.dispatcher);
  return { client: createClient(transport), transport, close: async () => t.close() };
});
