// `npm run supplier-server -- --port N --data DIR [--items N] [--currency USD] [--api-key KEY] [--manual-ack]`:
// the reference supplier (main/sync/reference-server) on 127.0.0.1, for tests, demos and anyone
// writing a connector. Faults are switched with POST /_admin/faults (docs/supplier-protocol.md).
import { ReferenceSupplier } from '../sync/reference-server/server';
import { SupplierStore } from '../sync/reference-server/store';

const USAGE = 'Usage: npm run supplier-server -- --data DIR [--port N] [--items N] [--currency CUR] [--api-key KEY] [--manual-ack]';

export async function startSupplierServer(argv: string[]): Promise<{ url: string; close(): Promise<void> }> {
  const opt = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const data = opt('data');
  if (!data) throw new Error(USAGE);
  const port = Number(opt('port') ?? 0);
  const items = Number(opt('items') ?? 200);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: must be a port number\n${USAGE}`);
  if (!Number.isInteger(items) || items < 1) throw new Error(`--items: must be a whole number above zero\n${USAGE}`);
  const store = SupplierStore.open(data, { items, currency: opt('currency') ?? 'USD' });
  const supplier = new ReferenceSupplier(store, { apiKey: opt('api-key') ?? process.env.SUPPLIER_API_KEY ?? 'reference-key', autoAck: !argv.includes('--manual-ack') });
  const server = await supplier.listen(port);
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          store.flush();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  startSupplierServer(process.argv.slice(2)).then(
    (s) => {
      console.log(`Reference supplier listening on ${s.url}`);
      // what changed in the last moment is written before it stops
      const stop = () => void s.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (e: Error) => {
      console.error(e.message);
      process.exit(2);
    },
  );
}
