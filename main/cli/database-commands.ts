// The commands that work on the database: opened once, every call through the same API as the UI,
// in-process. Loaded by ./index.ts only when one of them is asked for.
import { createClient, type Client } from '../common/api/client';
import { ApiError } from '../common/api/errors';
import { DbOpenError } from '../db/errors';
import { dataFile, openApp } from '../server/app';
import { inProcessTransport } from '../server/in-process';
import { dbCheck } from './db-check';
import { fxImport, fxRate } from './fx';
import type { CliIo } from './index';
import { poList, poShow } from './po';
import { liveReport, ordersImport, ordersList } from './sales';
import { shipmentsList, trackingImport } from './shipments';
import { printStock } from './stock';
import { outboxList, syncCommand } from './sync';
import { backupCommand } from './backup';
import { exportCommand, importCommand } from './transfer';

export async function runDatabaseCommand(
  command: string,
  rest: string[],
  { opt, has }: { opt(name: string): string | undefined; has(name: string): boolean },
  io: CliIo,
): Promise<number> {
  let app;
  const file = opt('data') ?? dataFile(has('demo'));
  try {
    app = openApp(file);
  } catch (e) {
    io.err(e instanceof DbOpenError ? e.message : `Cannot open the database: ${(e as Error).message}`);
    return 2;
  }
  try {
    const client: Client = createClient(inProcessTransport(app.dispatcher));
    if (command === 'stock') return await printStock(client, io, { location: opt('location'), all: has('all'), json: has('json') });
    if (command === 'fx import') return await fxImport(client, io, rest[0]);
    if (command === 'fx rate') return await fxRate(client, io, rest[0]?.toUpperCase(), rest[1], has('json'));
    if (command === 'po list') return await poList(client, io, { status: opt('status'), json: has('json') });
    if (command === 'po show') return await poShow(client, io, rest[0], has('json'));
    if (command === 'shipments list') return await shipmentsList(client, io, { late: has('late'), arriving: has('arriving'), json: has('json') });
    if (command === 'tracking import') return await trackingImport(client, io, rest[0]);
    if (command === 'orders import') return await ordersImport(client, io, rest[0], { location: opt('location'), dryRun: has('dry-run') });
    if (command === 'orders list') return await ordersList(client, io, { status: opt('status'), all: has('all'), json: has('json') });
    if (command === 'live report') return await liveReport(client, io, rest[0], has('json'));
    if (command === 'sync') return await syncCommand(client, io, rest[0], has('json'));
    if (command === 'backup') return await backupCommand(app.db, file, io, opt('to'));
    if (command.startsWith('import ')) {
      return await importCommand(client, io, command.slice('import '.length) as 'products', rest[0], { dryRun: has('dry-run'), allOrNothing: has('all-or-nothing'), format: opt('format'), map: opt('map') });
    }
    if (command === 'export') return await exportCommand(app.db, file, client, io, rest[0], { format: opt('format'), out: opt('out') });
    if (command === 'outbox list') return await outboxList(client, io, { supplier: opt('supplier'), all: has('all'), json: has('json') });
    return await dbCheck(app.db, file, client, io, { json: has('json') });
  } catch (e) {
    io.err(e instanceof ApiError ? `${e.details?.field ? `${e.details.field}: ` : ''}${e.message}` : `Failed: ${(e as Error).message}`);
    return 1;
  } finally {
    app.close();
  }
}
