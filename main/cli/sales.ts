import type { Client } from '../common/api/client';
import type { SalesOrder, SalesStatus } from '../common/api/sales-types';
import type { CliIo } from './index';
import { allRows, readTextArg } from './pages';
import { money, table } from './table';

/** The location orders ship from: the one named, or the only warehouse there is. */
async function shipsFrom(client: Client, code: string | undefined): Promise<string> {
  const all = (await client.call('locations.list', {})).filter((l) => l.kind !== 'in_transit');
  if (code) {
    const found = all.find((l) => l.code.toLowerCase() === code.toLowerCase());
    if (!found) throw new Error(`No location ${code}. Locations: ${all.map((l) => l.code).join(', ') || 'none yet'}`);
    return found.id;
  }
  if (all.length === 1) return all[0]!.id;
  throw new Error(`Say where the orders ship from: --location ${all.map((l) => l.code).join('|') || 'CODE'}`);
}

/** `orders import FILE.csv [--location CODE] [--dry-run]`: Shopify's orders export or the generic format. */
export async function ordersImport(client: Client, io: CliIo, file: string | undefined, o: { location: string | undefined; dryRun: boolean }): Promise<number> {
  const text = readTextArg(io, file, 'orders import FILE.csv [--location CODE] [--dry-run]');
  if (text === null) return 1;
  const r = await client.call('sales.import', { text, locationId: await shipsFrom(client, o.location), dryRun: o.dryRun });
  const failed = r.orders.filter((x) => x.outcome === 'error').length;
  io.out(`${r.dryRun ? 'Dry run, nothing saved: would import' : 'Imported'} ${r.created} orders (${r.format} format); ${r.exists} imported before; ${r.skipped} skipped; ${failed} with errors.`);
  for (const x of r.orders) if (x.outcome !== 'exists' && x.message) io.out(`  ${x.ref} (line ${x.line}): ${x.outcome === 'created' ? `${x.orderNumber} ` : ''}${x.message}`);
  if (r.errors.length) {
    io.out('Rows to fix:');
    for (const e of r.errors.slice(0, 100)) io.out(`  line ${e.line}, ${e.field}: ${e.message}`);
    if (r.errors.length > 100) io.out(`  … and ${r.errors.length - 100} more`);
  }
  return failed ? 1 : 0;
}

/** `orders list [--status S] [--all] [--json]`: newest first, the latest 200 unless --all. */
export async function ordersList(client: Client, io: CliIo, o: { status: string | undefined; all: boolean; json: boolean }): Promise<number> {
  const filter = o.status === 'to-ship' ? { toShip: true } : o.status ? { status: o.status as SalesStatus } : {};
  const rows: SalesOrder[] = o.all ? await allRows((page) => client.call('sales.list', { ...filter, ...page })) : (await client.call('sales.list', { ...filter, limit: 200 })).rows;
  if (o.json) {
    io.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  if (!rows.length) {
    io.out('No orders yet.');
    return 0;
  }
  io.out(
    table(
      ['Number', 'Date', 'Customer', 'Channel', 'Status', 'Payment', 'Units', 'Total'],
      rows.map((r) => [r.number, r.orderDate, (r.customerName ?? '—').slice(0, 30), r.channel, r.status.replace('_', ' '), r.paymentStatus.replace('_', ' '), String(r.units), money(r.total, r.currency)]),
      [false, false, false, false, false, false, true, true],
    ),
  );
  return 0;
}

/** `live report NUMBER [--json]`: what a live session sold, how fast, at what margin, and what is left to pack. */
export async function liveReport(client: Client, io: CliIo, number: string | undefined, json: boolean): Promise<number> {
  if (!number) {
    io.err('Usage: live report NUMBER [--json]   (e.g. LIVE-000001)');
    return 1;
  }
  const sessions = await allRows((page) => client.call('live.list', page));
  const s = sessions.find((x) => x.number.toLowerCase() === number.toLowerCase() || x.id === number);
  if (!s) {
    io.err(`No live session ${number}.`);
    return 1;
  }
  const r = await client.call('live.report', { id: s.id });
  if (json) {
    io.out(JSON.stringify(r, null, 2));
    return 0;
  }
  const cur = r.baseCurrency;
  const busiest = r.perMinute.reduce((a, m) => (m.claims > a.claims ? m : a), { minute: '', claims: 0, units: 0 });
  io.out(`${s.number} ${s.title} (${s.status}) at ${s.locationCode}`);
  io.out(`${r.totals.claims} claims, ${r.totals.units} units, ${r.totals.buyers} buyers over ${r.perMinute.length} minutes${busiest.claims ? `; busiest ${busiest.minute.replace('T', ' ')} UTC with ${busiest.claims} claims` : ''}`);
  io.out(`Revenue ${money(r.totals.revenue, cur)}, cost ${money(r.totals.cogs, cur)}, margin ${money(r.totals.margin, cur)}${r.totals.marginPct ? ` (${r.totals.marginPct}%)` : ''}`);
  io.out('');
  io.out(
    table(
      ['SKU', 'Product', 'Cap', 'Claimed', 'Sell-through', 'Waiting', 'Revenue', 'Margin'],
      r.items.map((i) => [i.sku, i.name.slice(0, 30), String(i.cap), String(i.claimed), i.sellThroughPct ? `${i.sellThroughPct}%` : '—', String(i.waiting), money(i.revenue, cur), money(i.margin, cur)]),
      [false, false, true, true, true, true, true, true],
    ),
  );
  io.out('');
  io.out(r.toPack.length ? `To pack: ${r.toPack.map((o) => `${o.number} (${o.customerHandle ? `@${o.customerHandle}` : (o.customerName ?? '—')}, ${o.units})`).join(', ')}` : 'Nothing left to pack.');
  return 0;
}
