import type { Client } from '../common/api/client';
import { formatMoney, groupDigits } from '../common/money';
import type { PoStatus } from '../common/api/types';
import type { CliIo } from './index';
import { allRows } from './pages';
import { money, table } from './table';

/** `po list [--status S] [--json]`: orders newest first. */
export async function poList(client: Client, io: CliIo, o: { status: string | undefined; json: boolean }): Promise<number> {
  const rows = await allRows((page) => client.call('purchasing.list', { ...(o.status ? { status: o.status as PoStatus | 'open' } : {}), ...page }));
  if (o.json) {
    io.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  if (!rows.length) {
    io.out('No purchase orders yet.');
    return 0;
  }
  io.out(
    table(
      ['Number', 'Supplier', 'Status', 'Ordered', 'Lines', 'Total', 'In base'],
      rows.map((r) => [r.number, r.supplierName, r.status.replace('_', ' '), r.orderDate, String(r.lineCount), money(r.total, r.currency), money(r.totalBase, r.baseCurrency)]),
      [false, false, false, false, true, true, true],
    ),
  );
  return 0;
}

/** `po show NUMBER [--json]`: the order, its lines and its receipts. */
export async function poShow(client: Client, io: CliIo, number: string | undefined, json: boolean): Promise<number> {
  if (!number) {
    io.err('Usage: po show NUMBER [--json]');
    return 1;
  }
  const d = await client.call('purchasing.byNumber', { number });
  const receipts = await client.call('purchasing.receipts', { poId: d.order.id });
  if (json) {
    io.out(JSON.stringify({ ...d, receipts }, null, 2));
    return 0;
  }
  const o = d.order;
  io.out(`${o.number}  ${o.supplierName}  ${o.status.replace('_', ' ')}`);
  io.out(`Ordered ${o.orderDate}${o.expectedDate ? `, expected ${o.expectedDate}` : ''}; rate ${o.fxRate ? `1 ${o.currency} = ${o.fxRate} ${o.baseCurrency} (${o.fxDay})` : 'none yet'}`);
  if (o.notes) io.out(`Notes: ${o.notes}`);
  io.out('');
  io.out(
    table(
      ['#', 'SKU', 'Name', 'Ordered', 'Received', `Price ${o.currency}`, `Total ${o.currency}`],
      d.lines.map((l) => [String(l.lineNo), l.sku, l.name.slice(0, 40), String(l.qtyOrdered), String(l.qtyReceived), groupDigits(formatMoney(l.unitPrice, o.currency)), groupDigits(formatMoney(l.lineTotal, o.currency))]),
      [true, false, false, true, true, true, true],
    ),
  );
  io.out(`\nTotal ${money(o.total, o.currency)}; in base ${money(o.totalBase, o.baseCurrency)}`);
  for (const r of receipts) {
    const units = r.lines.reduce((n, l) => n + l.qty + l.damagedQty, 0);
    io.out(`Receipt ${r.number} ${r.receivedAt.slice(0, 10)}: ${units} units at 1 ${o.currency} = ${r.fxRate} ${o.baseCurrency}${r.reversed ? ' (reversed)' : ''}`);
  }
  return 0;
}
