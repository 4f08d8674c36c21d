// Exporting a list: every row the screen's own method returns for the screen's filter (page after
// page), as CSV (UTF-8 with a byte-order mark, so Excel reads Chinese right; formula-looking text
// neutralised) or as an Excel workbook. Runs in the read transaction of the call: one consistent
// picture even when the list is long.
import { api, type Method } from '../../common/api';
import { ApiError } from '../../common/api/errors';
import type { ExportFile, ExportList } from '../../common/api/exports';
import { localToday } from '../../common/format';
import { writeCsv, type Cell } from '../../common/table-csv';
import { writeXlsx } from '../../common/xlsx-write';
import type { Ctx, Handler } from '../context';
import { productHandlers } from '../products/handlers';
import { customerHandlers, salesHandlers } from '../sales/handlers';
import { shipmentHandlers } from '../shipments/handlers';
import { baseCurrency } from '../settings/service';
import { stockHandlers } from '../stock/handlers';
import { supplierHandlers } from '../suppliers/handlers';
import { purchasingHandlers } from '../purchasing/handlers';
import { getProduct } from '../../db/repos/products';
import { LIST_EXPORTS } from './lists';

const readers: Partial<Record<Method, Handler<Method>>> = { ...productHandlers, ...stockHandlers, ...supplierHandlers, ...purchasingHandlers, ...salesHandlers, ...customerHandlers, ...shipmentHandlers } as never;
const PAGE = 1000;

export function exportList(ctx: Ctx, input: { what: ExportList; format: 'csv' | 'xlsx'; filter: Record<string, unknown> }): ExportFile {
  const def = LIST_EXPORTS[input.what];
  const read = readers[def.method] as ((args: unknown, ctx: Ctx) => unknown) | undefined;
  if (!read) throw new Error(`no reader for ${def.method}`);
  const rows: unknown[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const parsed = api[def.method].input.safeParse({ ...input.filter, offset, limit: PAGE });
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      const field = ['filter', ...i.path.map(String)].join('.');
      throw ApiError.field(field, `${field}: ${i.message}`);
    }
    const got = read(parsed.data, ctx) as unknown[] | { rows: unknown[]; total: number };
    if (Array.isArray(got)) {
      rows.push(...got);
      break;
    }
    rows.push(...got.rows);
    if (!got.rows.length || rows.length >= got.total) break;
  }
  const columns = def.columns(baseCurrency(ctx), { skuOf: (id) => getProduct(ctx.db, id)?.sku ?? null });
  const header = columns.map(([h]) => h);
  const cells: Cell[][] = rows.map((r) => columns.map(([, value]) => value(r)));
  const name = `${def.title.toLowerCase().replace(/ /g, '-')}-${localToday(new Date(ctx.now))}`;
  return input.format === 'xlsx'
    ? { fileName: `${name}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: Buffer.from(writeXlsx(def.title, header, cells)).toString('base64'), rows: cells.length }
    : { fileName: `${name}.csv`, mimeType: 'text/csv', base64: Buffer.from(writeCsv(header, cells, { bom: true })).toString('base64'), rows: cells.length };
}
