// A supplier's price list as a spreadsheet export: whatever the delimiter (comma, semicolon, tab),
// a byte-order mark, decimal commas ("12,50", "1.234,50"), currency signs, thousands separators,
// the same SKU twice, and numbers a spreadsheet mangled (a barcode shown as 4,90123E+12 has lost
// its digits and cannot be read back). Columns are found from a mapping (saved per supplier) or
// guessed from the header. Every problem names its line and column; the good rows are kept.
import { detectDelimiter, parseCsv, type Delimiter } from './csv';

export type PriceListField = 'supplierSku' | 'name' | 'unitPrice' | 'currency' | 'moq' | 'orderMultiple' | 'barcode' | 'leadTimeDays';

/** Header text → field; only `supplierSku` and `unitPrice` are required. */
export type PriceListMapping = Partial<Record<PriceListField, string>>;

export interface PriceListRow {
  line: number;
  supplierSku: string;
  name: string | null;
  /** a decimal string with a point ("1234.50"), in `currency` (or the supplier's) */
  unitPrice: string;
  currency: string | null;
  moq: number | null;
  orderMultiple: number | null;
  barcode: string | null;
  leadTimeDays: number | null;
}

export interface PriceListProblem {
  line: number;
  column: string;
  message: string;
  /** the SKU in that row's SKU column, when it has one (the row is still on the list) */
  sku?: string;
}

export interface PriceList {
  delimiter: Delimiter;
  decimalComma: boolean;
  mapping: PriceListMapping;
  rows: PriceListRow[];
  problems: PriceListProblem[];
}

/** Words a header may use for each field, in English and Chinese (lower case, without spaces). */
const GUESSES: Record<PriceListField, string[]> = {
  supplierSku: ['sku', 'suppliersku', 'itemno', 'itemnumber', 'item', 'articleno', 'article', 'code', 'productcode', 'partno', '货号', '编码', '商品编码'],
  name: ['name', 'description', 'productname', 'item description', 'title', '名称', '品名', '商品名称'],
  unitPrice: ['price', 'unitprice', 'cost', 'wholesale', 'wholesaleprice', 'netprice', '单价', '价格', '批发价'],
  currency: ['currency', 'cur', '币种', '货币'],
  moq: ['moq', 'minimum', 'minorder', 'minimumorder', 'minqty', '起订量', '最小起订量'],
  orderMultiple: ['pack', 'packsize', 'casepack', 'casequantity', 'multiple', 'ordermultiple', 'carton', '箱规', '装箱数'],
  barcode: ['barcode', 'ean', 'ean13', 'upc', 'gtin', 'jan', '条码', '条形码'],
  leadTimeDays: ['leadtime', 'leadtimedays', 'lead', 'delivery', 'deliverydays', '交期', '货期'],
};

const squash = (s: string) => s.toLowerCase().replace(/[\s_\-./()]+/g, '');

/** The mapping a header suggests: each field to the first header that reads like it. */
export function guessMapping(header: readonly string[]): PriceListMapping {
  const out: PriceListMapping = {};
  for (const field of Object.keys(GUESSES) as PriceListField[]) {
    const words = GUESSES[field].map(squash);
    const hit = header.find((h) => words.includes(squash(h)));
    if (hit !== undefined) out[field] = hit;
  }
  return out;
}

/** A spreadsheet's scientific notation: the digits past its precision are gone. */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/;

/** digits grouped in thousands or not, with a decimal part or not: "1,234.50", "12.5"; and the same with a decimal comma */
const POINT_AMOUNT = /^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
const COMMA_AMOUNT = /^\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^\d+(?:,\d+)?$/;
const PLAIN_DIGITS = /^\d+$/;
const PLAIN_POINT = /^\d+\.\d+$/;

/**
 * An amount as written in a spreadsheet export, as a decimal string with a point; null when it is
 * not one. With `decimalComma`, "1.234,50" and "12,5" read as 1234.50 and 12.5; without, the comma
 * groups thousands.
 */
export function readAmount(cell: string, decimalComma: boolean): string | null {
  // most cells are plain digits (with a decimal point): nothing to take off
  if (PLAIN_DIGITS.test(cell) || (!decimalComma && PLAIN_POINT.test(cell))) return cell.startsWith('0') ? cell.replace(/^0+(?=\d)/, '') : cell;
  const s = cell.replace(/[\s\u00a0\u202f]|[¥￥$€£₩元円]|^(?:USD|EUR|CNY|RMB|JPY|KRW|GBP|HKD)|(?:USD|EUR|CNY|RMB|JPY|KRW|GBP|HKD)$/gi, '');
  if (!s || SCIENTIFIC.test(s)) return null;
  const [group, point] = decimalComma ? ['.', ','] : [',', '.'];
  if (!(decimalComma ? COMMA_AMOUNT : POINT_AMOUNT).test(s)) return null;
  const plain = s.split(group).join('').replace(point, '.');
  return plain.replace(/^0+(?=\d)/, '');
}

/** Whether the amounts of a column are written with decimal commas: some "12,50" and none "12.50". */
export function usesDecimalComma(cells: readonly string[]): boolean {
  const comma = cells.some((c) => /^\D*\d+,\d{1,2}\D*$|\d\.\d{3},\d+/.test(c.trim()));
  const point = cells.some((c) => /^\D*\d+\.\d{1,2}\D*$|\d,\d{3}\.\d+/.test(c.trim()));
  return comma && !point;
}

export function readPriceList(text: string, opts: { mapping?: PriceListMapping; decimalComma?: boolean } = {}): PriceList {
  const delimiter = detectDelimiter(text);
  return { delimiter, ...readPriceRecords(parseCsv(text, delimiter), { ...opts, delimiter }) };
}

/**
 * The same from a spreadsheet's rows already split into cells (an XLSX sheet, its cells as text),
 * `line` being the row number the merchant sees.
 */
export function readPriceRecords(
  all: readonly { line: number; cells: string[] }[],
  opts: { mapping?: PriceListMapping; decimalComma?: boolean; delimiter?: Delimiter } = {},
): Omit<PriceList, 'delimiter'> {
  const delimiter = opts.delimiter;
  const records = all.filter((r) => r.cells.some((c) => c !== ''));
  const [head, ...body] = records;
  const header = head?.cells ?? [];
  const mapping = opts.mapping ?? guessMapping(header);
  const problems: PriceListProblem[] = [];
  const columnOf = (field: PriceListField) => (mapping[field] === undefined ? -1 : header.findIndex((h) => squash(h) === squash(mapping[field]!)));
  const col = Object.fromEntries((Object.keys(GUESSES) as PriceListField[]).map((f) => [f, columnOf(f)])) as Record<PriceListField, number>;
  for (const required of ['supplierSku', 'unitPrice'] as const) {
    if (col[required] < 0) problems.push({ line: head?.line ?? 1, column: mapping[required] ?? required, message: mapping[required] ? `no column "${mapping[required]}" in the header` : `no column for ${required === 'supplierSku' ? "the supplier's SKU" : 'the unit price'}: map one` });
  }
  const decimalComma = opts.decimalComma ?? (col.unitPrice >= 0 && usesDecimalComma(body.map((r) => r.cells[col.unitPrice] ?? '')));
  if (problems.length) return { decimalComma, mapping, rows: [], problems };

  const rows: PriceListRow[] = [];
  const firstLine = new Map<string, number>();
  for (const r of body) {
    const cell = (f: PriceListField) => (col[f] >= 0 ? (r.cells[col[f]] ?? '').trim() : '');
    const named = cell('supplierSku') ? { sku: cell('supplierSku') } : {};
    const bad = (f: PriceListField, message: string) => problems.push({ line: r.line, column: mapping[f]!, message, ...named });
    if (delimiter && r.cells.length > header.length) {
      // a value with the delimiter in it, not quoted: every cell after it is in the wrong column
      problems.push({ line: r.line, column: 'row', message: `has ${r.cells.length} cells where the header has ${header.length}: a value containing "${delimiter === '\t' ? 'tab' : delimiter}" must be quoted`, ...named });
      continue;
    }
    const sku = cell('supplierSku');
    if (!sku) {
      bad('supplierSku', 'is empty');
      continue;
    }
    if (SCIENTIFIC.test(sku)) {
      bad('supplierSku', `${sku} was turned into a number by a spreadsheet and its digits are lost: export the column as text`);
      continue;
    }
    const seen = firstLine.get(sku.toLowerCase());
    if (seen !== undefined) {
      bad('supplierSku', `${sku} is also on line ${seen}: that line is kept`);
      continue;
    }
    const price = readAmount(cell('unitPrice'), decimalComma);
    if (price === null) {
      bad('unitPrice', cell('unitPrice') ? `"${cell('unitPrice')}" is not a price` : 'is empty');
      continue;
    }
    const whole = (f: 'moq' | 'orderMultiple' | 'leadTimeDays', min: number): number | null | 'bad' => {
      const v = cell(f);
      if (!v) return null;
      const n = readAmount(v, decimalComma);
      if (n === null || !/^\d+(\.0+)?$/.test(n) || Number(n) < min) {
        bad(f, `"${v}" is not a whole number${min ? ` of at least ${min}` : ''}`);
        return 'bad';
      }
      return Number(n);
    };
    const moq = whole('moq', 1);
    const orderMultiple = whole('orderMultiple', 1);
    const leadTimeDays = whole('leadTimeDays', 0);
    if (moq === 'bad' || orderMultiple === 'bad' || leadTimeDays === 'bad') continue;
    let barcode: string | null = cell('barcode') || null;
    if (barcode && SCIENTIFIC.test(barcode)) {
      // the price is still good: keep the row, without the lost barcode
      bad('barcode', `${barcode} was turned into a number by a spreadsheet and its digits are lost: export the column as text (kept without a barcode)`);
      barcode = null;
    }
    const currency = cell('currency').toUpperCase() || null;
    if (currency && !/^[A-Z]{3}$/.test(currency)) {
      bad('currency', `"${currency}" is not a currency code`);
      continue;
    }
    firstLine.set(sku.toLowerCase(), r.line);
    rows.push({ line: r.line, supplierSku: sku, name: cell('name') || null, unitPrice: price, currency, moq, orderMultiple, barcode, leadTimeDays });
  }
  return { decimalComma, mapping, rows, problems };
}
