// Opening stock from a file: how many of each product are at each location, and at what unit cost
// — Crossdock's own stock export, or any table with a SKU, a location code and a quantity (columns
// guessed from English or Chinese headers, or mapped). Pure: rows of cells in, one entry per row
// out, each with its line and the columns it came from; rows that cannot be read are listed.
import { guessColumns, readMapped, type ImportRow, type RowProblem, type TableSpec } from './table';

export type StockField = 'sku' | 'location' | 'qty' | 'unitCost';
export const stockFields: readonly StockField[] = ['sku', 'location', 'qty', 'unitCost'];
export type StockMapping = Partial<Record<StockField, string>>;

export interface StockEntry {
  line: number;
  sku: string;
  location: string;
  qty: number;
  /** a decimal string in the base currency; null = none given */
  unitCost: string | null;
  columns: Record<StockField, string>;
}

export interface StockRead {
  header: string[];
  mapping: StockMapping;
  entries: StockEntry[];
  problems: RowProblem[];
}

const SPEC: TableSpec<StockField> = {
  fields: stockFields,
  required: ['sku', 'location', 'qty'],
  words: {
    sku: ['sku', 'itemcode', 'productcode', 'code', 'variantsku', '货号', '商品编码', '编码'],
    location: ['location', 'locationcode', 'warehouse', 'store', 'site', '仓库', '库位', '地点'],
    qty: ['onhand', 'qty', 'quantity', 'stock', 'count', 'available', '数量', '库存', '在库'],
    // and "Average cost (EUR)", as Crossdock's own export names it
    unitCost: ['unitcost', 'cost', 'costperitem', 'averagecost', 'avgcost', '成本', '单位成本', '进价'],
  },
  describe: { sku: 'the SKU', location: 'the location code', qty: 'the quantity on hand' },
};

function guessStockMapping(header: readonly string[]): StockMapping {
  const mapping = guessColumns(header, SPEC);
  const average = header.find((h) => /^average cost \(/i.test(h));
  if (!mapping.unitCost && average) mapping.unitCost = average;
  return mapping;
}

export function readStock(rows: readonly ImportRow[], mapping?: StockMapping): StockRead {
  const header = rows.find((r) => r.cells.some((c) => c !== ''))?.cells ?? [];
  const table = readMapped(rows, SPEC, mapping ?? guessStockMapping(header));
  const problems = [...table.problems];
  const m = table.mapping;
  const columns = { sku: m.sku!, location: m.location!, qty: m.qty!, unitCost: m.unitCost ?? 'unit cost' };
  const entries: StockEntry[] = [];
  for (const { line, cells } of table.rows) {
    const qty = cells.qty.replace(/[\s,]/g, '');
    const cost = cells.unitCost.replace(/[\s¥￥$€£₩元円]/g, '');
    const bad = (column: string, message: string) => problems.push({ line, column, message });
    if (!cells.sku) bad(columns.sku, 'is empty');
    else if (!cells.location) bad(columns.location, 'is empty: which location is the stock at?');
    else if (!/^\d+$/.test(qty)) bad(columns.qty, `"${cells.qty}" is not a whole number of units (0 or more)`);
    else if (cost && !/^\d+(?:[.,]\d+)?$/.test(cost)) bad(columns.unitCost, `"${cells.unitCost}" is not an amount`);
    else entries.push({ line, sku: cells.sku, location: cells.location, qty: Number(qty), unitCost: cost ? cost.replace(',', '.') : null, columns });
  }
  return { header: table.header, mapping: m, entries, problems };
}
