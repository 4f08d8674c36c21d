// Saving opening stock read from a file (main/common/imports/stock.ts): for each row, the product's
// quantity at the location becomes the file's, by an adjustment with the reason "opening" (at the
// file's unit cost when stock is added) through the same posting as any adjustment — so the ledger
// says where every unit came from, and the same file twice changes nothing. A row is posted in a
// savepoint of its own; a refused row (an unknown SKU or location, a quantity that is not one)
// leaves nothing, and the good rows stand — or, all-or-nothing, nothing is saved unless every row is
// good. Stock added without a unit cost is valued at the product's average there (none yet: 0).
// A dry run does everything and rolls it back.
import { api } from '../../common/api';
import { ApiError } from '../../common/api/errors';
import type { StockImportReport } from '../../common/api/imports';
import type { StockEntry, StockRead } from '../../common/imports/stock';
import { getBalance } from '../../db/repos/ledger';
import { findLocationByCode } from '../../db/repos/locations';
import { findProductBy } from '../../db/repos/products';
import type { Ctx } from '../context';
import { adjust } from '../stock/service';
import { gatherEvents, runImport, startReport, type Step } from './run';

export async function applyStock(ctx: Ctx, read: StockRead, opts: { fileName: string; dryRun: boolean; allOrNothing: boolean }, step: Step): Promise<StockImportReport> {
  const report: StockImportReport = { ...startReport(opts, read, read.mapping), rows: read.entries.length, units: 0 };
  const seen = new Map<string, number>();
  const events = gatherEvents(ctx);
  await runImport(ctx, {
    rows: read.entries,
    column: (e, field) => (field === 'productId' ? e.columns.sku : field === 'locationId' ? e.columns.location : (e.columns[field as keyof StockEntry['columns']] ?? e.columns.sku)),
    report,
    // a posting checks as it goes: a refusal half-way must leave nothing of the row
    savepoint: true,
    save: (e) => {
      const key = `${e.sku.toLowerCase()}@${e.location.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined) throw ApiError.field('sku', `${e.sku} at ${e.location} is also on line ${first}: one row per product and location`);
      seen.set(key, e.line);
      setOne(events.ctx, e, report);
    },
  }, step);
  if (report.written) events.flush();
  return report;
}

function setOne(ctx: Ctx, e: StockEntry, report: StockImportReport): void {
  const product = findProductBy(ctx.db, 'sku', e.sku);
  if (!product) throw ApiError.field('sku', `no product has the SKU ${e.sku}: import the products first`);
  const location = findLocationByCode(ctx.db, e.location);
  if (!location) throw ApiError.field('location', `no location has the code ${e.location}`);
  const onHand = getBalance(ctx.db, product.id, location.id)?.onHand ?? 0;
  const delta = e.qty - onHand;
  if (delta === 0) {
    report.unchanged++;
    return;
  }
  const input = api['stock.adjust'].input.parse({
    productId: product.id,
    locationId: location.id,
    qty: delta,
    reason: 'opening',
    note: `imported from ${report.fileName}, line ${e.line}`,
    ...(delta > 0 && e.unitCost !== null ? { unitCost: e.unitCost } : {}),
  });
  adjust(ctx, input);
  if (onHand === 0) report.created++;
  else report.updated++;
  report.units += delta;
}
