import type { Client } from '../common/api/client';
import type { BalanceRow } from '../common/api/types';
import { avgCostMinor } from '../common/calc/valuation';
import { formatMoney, groupDigits } from '../common/money';
import type { CliIo } from './index';
import { table } from './table';

export async function printStock(client: Client, io: CliIo, o: { location?: string | undefined; all: boolean; json: boolean }): Promise<number> {
  const { baseCurrency } = await client.call('settings.get');
  let locationId: string | undefined;
  if (o.location) {
    const locs = await client.call('locations.list', { includeArchived: true });
    const loc = locs.find((l) => l.code.toLowerCase() === o.location!.toLowerCase());
    if (!loc) {
      io.err(`No location with code ${o.location}. Known: ${locs.map((l) => l.code).join(', ') || 'none yet'}`);
      return 1;
    }
    locationId = loc.id;
  }
  const rows: BalanceRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await client.call('stock.balances', { ...(locationId ? { locationId } : {}), nonZero: !o.all, offset, limit: 1000 });
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) break;
  }
  const money = (minor: number) => groupDigits(formatMoney(minor, baseCurrency));
  if (o.json) {
    io.out(
      JSON.stringify(
        {
          baseCurrency,
          balances: rows.map((r) => ({
            sku: r.sku,
            name: r.name,
            location: r.locationCode,
            onHand: r.onHand,
            reserved: r.reserved,
            available: r.available,
            avgCost: formatMoney(avgCostMinor(r), baseCurrency),
            value: formatMoney(r.value, baseCurrency),
          })),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  if (!rows.length) {
    io.out('No stock yet. Add a location and products, then adjust or receive stock.');
    return 0;
  }
  const total = rows.reduce((s, r) => s + r.value, 0);
  io.out(
    table(
      ['SKU', 'Name', 'Location', 'On hand', 'Reserved', 'Available', `Avg cost ${baseCurrency}`, `Value ${baseCurrency}`],
      rows.map((r) => [r.sku, r.name.slice(0, 40), r.locationCode, String(r.onHand), String(r.reserved), String(r.available), money(avgCostMinor(r)), money(r.value)]),
      [false, false, false, true, true, true, true, true],
    ),
  );
  io.out(`\n${rows.length} balance${rows.length === 1 ? '' : 's'}, total value ${money(total)} ${baseCurrency}`);
  return 0;
}
