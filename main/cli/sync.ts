import type { Client } from '../common/api/client';
import type { SyncRun } from '../common/api/sync-types';
import type { CliIo } from './index';
import { table } from './table';

async function supplierIdByName(client: Client, name: string): Promise<string | null> {
  const suppliers = await client.call('suppliers.list', { includeArchived: true });
  return suppliers.find((s) => s.name.toLowerCase() === name.toLowerCase())?.id ?? null;
}

const describeCounts = (c: Record<string, number>) =>
  Object.entries(c)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'nothing new';

/** `sync [SUPPLIER] [--json]`: syncs one connected supplier (by name) or all, and waits for the runs. */
export async function syncCommand(client: Client, io: CliIo, name: string | undefined, json: boolean): Promise<number> {
  const supplierId = name ? await supplierIdByName(client, name) : undefined;
  if (name && !supplierId) {
    io.err(`No supplier named "${name}"`);
    return 1;
  }
  const names = new Map((await client.call('sync.connections')).map((c) => [c.supplierId, c.supplierName]));
  if (!names.size) {
    io.err('No supplier is connected. Connect one on its page in the app (Suppliers → a supplier → Connection).');
    return 1;
  }
  let stage = '';
  const off = json
    ? () => undefined
    : client.on('sync.progress', (p) => {
        const now = `${names.get(p.supplierId)}: ${p.stage}`;
        if (!p.finished && now !== stage) io.err((stage = now) + '…');
      });
  const r = await client.call('sync.run', { ...(supplierId ? { supplierId } : {}), wait: true, via: 'cli' });
  off();
  if (json) {
    io.out(JSON.stringify(r, null, 2));
  } else {
    for (const s of r.skipped) io.out(`${names.get(s.supplierId)}: skipped — ${s.reason}`);
    for (const run of r.runs) io.out(`${names.get(run.supplierId)}: ${run.result} — ${describeCounts(run.counts)}${run.message ? `\n  ${run.message.split('\n').join('\n  ')}` : ''}`);
  }
  return r.runs.every((run: SyncRun) => run.result === 'ok') && r.skipped.length === 0 ? 0 : 1;
}

/** `outbox list [--supplier NAME] [--all] [--json]`: orders waiting to go (with --all, those sent and refused too). */
export async function outboxList(client: Client, io: CliIo, o: { supplier: string | undefined; all: boolean; json: boolean }): Promise<number> {
  const supplierId = o.supplier ? await supplierIdByName(client, o.supplier) : undefined;
  if (o.supplier && !supplierId) {
    io.err(`No supplier named "${o.supplier}"`);
    return 1;
  }
  const items = await client.call('sync.outbox', { ...(supplierId ? { supplierId } : {}), state: o.all ? 'all' : 'waiting', limit: 1000 });
  if (o.json) {
    io.out(JSON.stringify(items, null, 2));
    return 0;
  }
  if (!items.length) {
    io.out(o.all ? 'The outbox is empty.' : 'Nothing is waiting to be sent.');
    return 0;
  }
  io.out(
    table(
      ['#', 'Order', 'Supplier', 'State', 'Tries', 'Next try', 'Supplier says', 'Last problem'],
      items.map((i) => [String(i.seq), i.poNumber, i.supplierName, i.state, String(i.attempts), i.nextAt?.slice(0, 19).replace('T', ' ') ?? '', i.ackStatus ?? '', (i.lastError ?? '').slice(0, 60)]),
      [true, false, false, false, true, false, false, false],
    ),
  );
  return 0;
}
