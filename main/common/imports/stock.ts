// Opening stock from a file: how many of each product are at each location, and at what unit cost
// — Crossdock's own stock export, or any table with a SKU, a location code and a quantity (columns
// guessed from English or Chinese headers, or mapped). Pure: rows of cells in, one entry per row
// out, each with its line and the columns it came from; rows that cannot be read are listed.
import { restoreText } from '../table-csv';
import type { ImportRow, RowProblem } from './products';

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

const squash = (s: string) => s.toLowerCase().replace(/[\s_\-./()]+/g, '');

const WORDS: Record<StockField, string[]> = {
  sku: ['sku', 'itemcode', 'productcode', 'code', 'variantsku', '货号', '商品编码', '编码'],
  location: ['location', 'locationcode', 'warehouse', 'store', 'site', '仓库', '库位', '地点'],
  qty: ['onhand', 'qty', 'quantity', 'stock', 'count', 'available', '数量', '库存', '在库'],
  unitCost: ['unitcost', 'cost', 'costperitem', 'averagecost', 'avgcost', '成本', '单位成本', '进价'],
};

export function guessStockMapping(header: readonly string[]): StockMapping {
  const mapping: StockMapping = {};
  for (const field of stockFields) {
    // "Average cost (EUR)" as Crossdock's export names it
    const hit = header.find((h) => WORDS[field].includes(squash(h)) || (field === 'unitCost' && /^average cost \(/i.test(h)));
    if (hit) mapping[field] = hit;
  }
  return mapping;
}

export function readStock(rows: readonly ImportRow[], mapping?: StockMapping): StockRead {
  const records = rows.filter((r) => r.cells.some((c) => c !== ''));
  const [head, ...body] = records;
  const header = head?.cells ?? [];
  const m = mapping ?? guessStockMapping(header);
  const problems: RowProblem[] = [];
  for (const need of ['sku', 'location', 'qty'] as const) {
    const col = m[need];
    if (!col || !header.some((h) => squash(h) === squash(col))) {
      problems.push({ line: 1, column: col ?? need, message: col ? `no column "${col}" in the file` : `choose the column that holds the ${{ sku: 'SKU', location: 'location code', qty: 'quantity on hand' }[need]}` });
    }
  }
  if (problems.length) return { header, mapping: m, entries: [], problems };
  const index = new Map(header.map((h, i) => [squash(h), i] as const));
  const cell = (r: ImportRow, col: string | undefined) => (col === undefined ? '' : restoreText((r.cells[index.get(squash(col)) ?? -1] ?? '').trim()));
  const columns = { sku: m.sku!, location: m.location!, qty: m.qty!, unitCost: m.unitCost ?? 'unit cost' };
  const entries: StockEntry[] = [];
  for (const r of body) {
    const sku = cell(r, m.sku);
    const location = cell(r, m.location);
    const qtyText = cell(r, m.qty).replace(/[\s,]/g, '');
    const cost = cell(r, m.unitCost).replace(/[\s¥￥$€£₩元円]/g, '');
    const bad = (column: string, message: string) => problems.push({ line: r.line, column, message });
    if (!sku) bad(columns.sku, 'is empty');
    else if (!location) bad(columns.location, 'is empty: which location is the stock at?');
    else if (!/^\d+$/.test(qtyText)) bad(columns.qty, `"${cell(r, m.qty)}" is not a whole number of units (0 or more)`);
    else if (cost && !/^\d+(?:[.,]\d+)?$/.test(cost)) bad(columns.unitCost, `"${cell(r, m.unitCost)}" is not an amount`);
    else entries.push({ line: r.line, sku, location, qty: Number(qtyText), unitCost: cost ? cost.replace(',', '.') : null, columns });
  }
  return { header, mapping: m, entries, problems };
}
