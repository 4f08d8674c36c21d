// A catalogue from another system, read into Crossdock products: Shopify's products export (a
// product's variant rows leave the product's own columns blank: they are filled from its first
// row), WooCommerce's products export (variations point at their parent by its SKU, or by "id:N"),
// Crossdock's own products export, or any other table by a mapping of its columns. Pure: rows of
// cells in, one entry per product out, each with the line it came from, the products.create input
// it asks for (validated later by the contract, so every rule stays in one place) and the column
// each field came from (so a problem names the merchant's column). Rows that cannot be read are
// listed with their line and column.
import { readAmount, usesDecimalComma } from '../price-list';
import { guessColumns, readMapped, squash, type ImportRow, type RowProblem, type TableSpec } from './table';

export type { ImportRow, RowProblem };
import { restoreText } from '../table-csv';

export type ProductField =
  | 'sku'
  | 'name'
  | 'localName'
  | 'barcode'
  | 'brand'
  | 'category'
  | 'hsCode'
  | 'originCountry'
  | 'weightG'
  | 'lengthMm'
  | 'widthMm'
  | 'heightMm'
  | 'packSize'
  | 'price'
  | 'lowStockThreshold'
  | 'notes'
  | 'parentSku'
  | 'options';

export const productFields: readonly ProductField[] = ['sku', 'name', 'localName', 'barcode', 'brand', 'category', 'hsCode', 'originCountry', 'weightG', 'lengthMm', 'widthMm', 'heightMm', 'packSize', 'price', 'lowStockThreshold', 'notes', 'parentSku', 'options'];

/** A column of the file for each field (header text); `sku` and `name` are needed. */
export type ProductMapping = Partial<Record<ProductField, string>>;
export type CatalogFormat = 'shopify' | 'woocommerce' | 'crossdock' | 'mapped';

export interface ProductEntry {
  line: number;
  sku: string;
  /** the fields the row gives (products.create's input, before validation); absent = not in the file */
  input: Record<string, unknown>;
  parentSku: string | null;
  /** field → the file's column it came from */
  columns: Partial<Record<string, string>>;
  /** the SKU was made from the handle because the file had none */
  madeSku?: boolean;
}

export interface CatalogRead {
  format: CatalogFormat;
  header: string[];
  entries: ProductEntry[];
  problems: RowProblem[];
  /** rows that are not products (Shopify's extra image rows, WooCommerce's grouped and external products) */
  skipped: number;
}

/** Which export a header comes from. */
export function detectFormat(header: readonly string[]): Exclude<CatalogFormat, 'mapped'> | null {
  const h = new Set(header.map(squash));
  if (h.has('handle') && h.has('variantsku') && h.has('option1name')) return 'shopify';
  if (h.has('type') && h.has('sku') && h.has('parent') && (h.has('regularprice') || h.has('attribute1name'))) return 'woocommerce';
  if (h.has('sku') && h.has('name') && header.some((x) => /^price \(/i.test(x) || x === 'Variant of (SKU)')) return 'crossdock';
  return null;
}

/** Any other table: a column for each field, guessed from the header's words (English and Chinese) or chosen. */
const MAPPED: TableSpec<ProductField> = {
  fields: productFields,
  required: ['sku', 'name'],
  words: {
    sku: ['sku', 'itemcode', 'itemno', 'productcode', 'code', 'articleno', '货号', '商品编码', '编码', 'sku编码'],
    name: ['name', 'productname', 'title', 'description', 'itemname', '名称', '品名', '商品名称'],
    localName: ['localname', 'chinesename', 'namezh', '中文名', '中文名称'],
    barcode: ['barcode', 'ean', 'ean13', 'upc', 'gtin', 'jan', '条码', '条形码'],
    brand: ['brand', 'vendor', 'manufacturer', '品牌'],
    category: ['category', 'type', 'producttype', '分类', '类别'],
    hsCode: ['hscode', 'hs', 'tariffcode', 'customscode', '海关编码', 'hs编码'],
    originCountry: ['origin', 'countryoforigin', 'origincountry', '原产地', '产地'],
    weightG: ['weightg', 'weight', 'grams', '重量', '重量g'],
    lengthMm: ['lengthmm', 'length', '长'],
    widthMm: ['widthmm', 'width', '宽'],
    heightMm: ['heightmm', 'height', '高'],
    packSize: ['packsize', 'pack', 'unitsperpack', '包装数'],
    price: ['price', 'sellingprice', 'retailprice', 'saleprice', '售价', '价格', '零售价'],
    lowStockThreshold: ['lowstockthreshold', 'reorderlevel', 'minstock', '库存预警'],
    notes: ['notes', 'note', 'remarks', 'comment', '备注'],
    parentSku: ['parentsku', 'parent', 'variantof', 'variantofsku', '父货号'],
    options: ['options', 'variant', 'attributes', '规格'],
  },
  describe: { sku: 'the SKU', name: 'the product name' },
};

export const guessProductMapping = (header: readonly string[]): ProductMapping => guessColumns(header, MAPPED);

/** "4.90123E+12": what Excel shows for a long number it has rounded; the digits are gone. */
const MANGLED = /^-?\d+(?:[.,]\d+)?E[+-]?\d+$/i;

/** Reads a catalogue: the format found from the header (or forced), or the mapping given. */
export function readCatalog(rows: readonly ImportRow[], opts: { format?: CatalogFormat | 'auto'; mapping?: ProductMapping } = {}): CatalogRead {
  const records = rows.filter((r) => r.cells.some((c) => c !== ''));
  const [head, ...body] = records;
  const header = head?.cells ?? [];
  const format = opts.mapping ? 'mapped' : opts.format && opts.format !== 'auto' ? opts.format : (detectFormat(header) ?? 'mapped');
  const read = { shopify: readShopify, woocommerce: readWoo, crossdock: readCrossdock, mapped: readByMapping }[format];
  const mapping = opts.mapping ?? guessProductMapping(header);
  // decimal commas ("12,50") when the price column has some and no "12.50"
  const priceColumn = { shopify: 'Variant Price', woocommerce: 'Regular price', crossdock: header.find((h) => /^price \(/i.test(h)) ?? 'Price', mapped: mapping.price ?? '' }[format];
  const at = header.findIndex((h) => squash(h) === squash(priceColumn));
  const decimalComma = at >= 0 && usesDecimalComma(body.map((r) => r.cells[at] ?? ''));
  return { format, header, ...read(header, body, mapping, (cell) => readAmount(cell, decimalComma) ?? cell) };
}

type Reader = (header: string[], body: ImportRow[], mapping: ProductMapping, amount: Amount) => Omit<CatalogRead, 'format' | 'header'>;

function columnsOf(header: string[]) {
  const index = new Map(header.map((h, i) => [squash(h), i] as const));
  return (row: ImportRow, name: string) => {
    const i = index.get(squash(name));
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  };
}

/** Reads a number cell as the decimal string the contract reads, in the file's convention (decimal commas or not); a cell that reads as neither stays as it is, so the contract names the problem. */
type Amount = (cell: string) => string;

/** Builds one entry, checking the cells every format shares. */
const makeEntry = (decimal: Amount) => (line: number, problems: RowProblem[], fields: [field: string, column: string, value: string, kind?: 'text' | 'int' | 'decimal' | 'code'][], extra: Partial<ProductEntry> = {}): ProductEntry | null => {
  const input: Record<string, unknown> = {};
  const columns: Record<string, string> = {};
  let bad = false;
  for (const [field, column, value, kind = 'text'] of fields) {
    // named even when empty: "name is required" points at the file's name column
    columns[field] = column;
    if (value === '') continue;
    if ((kind === 'code' || field === 'sku') && MANGLED.test(value)) {
      problems.push({ line, column, message: `Excel turned this into ${value}: the digits are lost. Export the file again with this column formatted as text` });
      bad = true;
      continue;
    }
    if (kind === 'int') {
      const n = Number(decimal(value));
      if (!Number.isFinite(n)) {
        problems.push({ line, column, message: `"${value}" is not a number` });
        bad = true;
        continue;
      }
      input[field] = n;
    } else input[field] = kind === 'decimal' ? decimal(value) : value;
  }
  const sku = typeof input.sku === 'string' ? input.sku : '';
  if (!sku) {
    if (!bad) problems.push({ line, column: columns.sku ?? 'SKU', message: 'has no SKU: Crossdock needs one for every product' });
    return null;
  }
  return bad ? null : { line, sku, input, parentSku: null, columns, ...extra };
};

const readCrossdock: Reader = (header, body, _mapping, amount) => {
  const entry = makeEntry(amount);
  // our own CSV neutralised formula-looking text with an apostrophe: undone here
  const raw = columnsOf(header);
  const cell = (r: ImportRow, name: string) => restoreText(raw(r, name));
  const priceColumn = header.find((h) => /^price \(/i.test(h)) ?? 'Price';
  const problems: RowProblem[] = [];
  const entries: ProductEntry[] = [];
  for (const r of body) {
    const options = cell(r, 'Options');
    const e = entry(r.line, problems, [
      ['sku', 'SKU', cell(r, 'SKU'), 'code'],
      ['name', 'Name', cell(r, 'Name')],
      ['localName', 'Local name', cell(r, 'Local name')],
      ['barcode', 'Barcode', cell(r, 'Barcode'), 'code'],
      ['brand', 'Brand', cell(r, 'Brand')],
      ['category', 'Category', cell(r, 'Category')],
      ['hsCode', 'HS code', cell(r, 'HS code'), 'code'],
      ['originCountry', 'Origin', cell(r, 'Origin')],
      ['weightG', 'Weight (g)', cell(r, 'Weight (g)'), 'int'],
      ['lengthMm', 'Length (mm)', cell(r, 'Length (mm)'), 'int'],
      ['widthMm', 'Width (mm)', cell(r, 'Width (mm)'), 'int'],
      ['heightMm', 'Height (mm)', cell(r, 'Height (mm)'), 'int'],
      ['packSize', 'Pack size', cell(r, 'Pack size'), 'int'],
      ['price', priceColumn, cell(r, priceColumn), 'decimal'],
      ['lowStockThreshold', 'Low-stock threshold', cell(r, 'Low-stock threshold'), 'int'],
      ['notes', 'Notes', cell(r, 'Notes')],
    ]);
    if (!e) continue;
    if (options) {
      e.input.options = Object.fromEntries(options.split(';').map((kv) => kv.split(':').map((x) => x.trim()) as [string, string]).filter(([k, v]) => k && v));
      e.columns.options = 'Options';
    }
    const parent = cell(r, 'Variant of (SKU)');
    if (parent) e.parentSku = parent;
    entries.push(e);
  }
  return { entries, problems, skipped: 0 };
};

const readByMapping: Reader = (header, body, mapping, amount) => {
  const entry = makeEntry(amount);
  const table = readMapped(body, MAPPED, mapping, header);
  if (table.problems.length) return { entries: [], problems: table.problems, skipped: 0 };
  const problems: RowProblem[] = [];
  const kinds: Partial<Record<ProductField, 'int' | 'decimal' | 'code'>> = { sku: 'code', barcode: 'code', hsCode: 'code', weightG: 'int', lengthMm: 'int', widthMm: 'int', heightMm: 'int', packSize: 'int', lowStockThreshold: 'int', price: 'decimal' };
  const mapped = productFields.filter((f) => f !== 'parentSku' && f !== 'options' && mapping[f]);
  const entries: ProductEntry[] = [];
  for (const { line, cells } of table.rows) {
    const e = entry(line, problems, mapped.map((f) => [f, mapping[f]!, cells[f], kinds[f]] as [string, string, string, ('int' | 'decimal' | 'code' | undefined)?]));
    if (!e) continue;
    if (cells.parentSku) e.parentSku = cells.parentSku;
    if (cells.options) {
      e.input.options = Object.fromEntries(cells.options.split(/[;；]/).map((kv) => kv.split(/[:：]/).map((x) => x.trim()) as [string, string]).filter(([k, v]) => k && v));
      e.columns.options = mapping.options!;
    }
    entries.push(e);
  }
  return { entries, problems, skipped: 0 };
};

/** A SKU made from a Shopify handle and option values, for a variant the file gives none. */
const madeSku = (...parts: string[]) =>
  parts
    .join('-')
    .toUpperCase()
    .replace(/[^A-Z0-9_.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 64);

const readShopify: Reader = (header, body, _mapping, amount) => {
  const entry = makeEntry(amount);
  const cell = columnsOf(header);
  const problems: RowProblem[] = [];
  const entries: ProductEntry[] = [];
  let skipped = 0;
  // the product's own columns, from the first row of each handle
  const first = new Map<string, ImportRow>();
  const byHandle = new Map<string, ImportRow[]>();
  for (const r of body) {
    const handle = cell(r, 'Handle');
    if (!handle) {
      problems.push({ line: r.line, column: 'Handle', message: 'is empty: every row of a Shopify export names its product' });
      continue;
    }
    if (!first.has(handle)) first.set(handle, r);
    byHandle.set(handle, [...(byHandle.get(handle) ?? []), r]);
  }
  for (const [handle, list] of byHandle) {
    const p = first.get(handle)!;
    const title = cell(p, 'Title');
    const optionNames = [1, 2, 3].map((n) => cell(p, `Option${n} Name`));
    // rows with a variant (the rest only add images)
    const variants = list.filter((r) => cell(r, 'Variant SKU') || cell(r, 'Variant Price') || [1, 2, 3].some((n) => cell(r, `Option${n} Value`)));
    skipped += list.length - variants.length;
    const single = variants.length === 1 && (optionNames[0] === '' || optionNames[0] === 'Title') && ['', 'Default Title'].includes(cell(variants[0]!, 'Option1 Value'));
    const shared = (r: ImportRow): [string, string, string, ('int' | 'decimal' | 'code')?][] => [
      ['brand', 'Vendor', cell(p, 'Vendor')],
      ['category', cell(p, 'Type') ? 'Type' : 'Product Category', cell(p, 'Type') || cell(p, 'Product Category').split(' > ').pop()!],
      ['weightG', 'Variant Grams', cell(r, 'Variant Grams'), 'int'],
      ['price', 'Variant Price', cell(r, 'Variant Price'), 'decimal'],
      ['barcode', 'Variant Barcode', cell(r, 'Variant Barcode').replace(/^'/, ''), 'code'],
    ];
    if (single) {
      const r = variants[0]!;
      const sku = cell(r, 'Variant SKU') || madeSku(handle);
      const e = entry(r.line, problems, [['sku', 'Variant SKU', sku, 'code'], ['name', 'Title', title], ...shared(r)], { madeSku: !cell(r, 'Variant SKU') });
      if (e) entries.push(e);
      continue;
    }
    // a product with variants: the product itself, and one variant per row with its options
    const parentSku = madeSku(handle);
    const parent = entry(p.line, problems, [['sku', 'Handle', parentSku, 'code'], ['name', 'Title', title], ['brand', 'Vendor', cell(p, 'Vendor')], ['category', 'Type', cell(p, 'Type') || cell(p, 'Product Category').split(' > ').pop()!]], { madeSku: true });
    if (parent) entries.push(parent);
    for (const r of variants) {
      const values = [1, 2, 3].map((n) => cell(r, `Option${n} Value`));
      const options = Object.fromEntries(optionNames.map((n, i) => [n, values[i]!] as const).filter(([n, v]) => n && v));
      const sku = cell(r, 'Variant SKU') || madeSku(handle, ...values.filter(Boolean));
      const e = entry(r.line, problems, [['sku', 'Variant SKU', sku, 'code'], ['name', 'Title', `${title} - ${values.filter(Boolean).join(' / ')}`], ...shared(r)], { parentSku, madeSku: !cell(r, 'Variant SKU') });
      if (!e) continue;
      e.input.options = options;
      e.columns.options = 'Option1 Value';
      entries.push(e);
    }
  }
  return { entries, problems, skipped };
};

/** WooCommerce writes weights and sizes in the shop's units, named in the header. */
function unitFactor(header: string[], prefix: string): { column: string; factor: number } | null {
  const column = header.find((h) => h.toLowerCase().startsWith(prefix));
  if (!column) return null;
  const unit = /\(([^)]+)\)/.exec(column)?.[1]?.toLowerCase() ?? '';
  const factor = { kg: 1000, g: 1, lbs: 453.59237, oz: 28.349523125, cm: 10, mm: 1, m: 1000, in: 25.4, yd: 914.4 }[unit];
  return factor ? { column, factor } : null;
}

const readWoo: Reader = (header, body, _mapping, amount) => {
  const entry = makeEntry(amount);
  const cell = columnsOf(header);
  const problems: RowProblem[] = [];
  const entries: ProductEntry[] = [];
  let skipped = 0;
  const skuById = new Map(body.map((r) => [cell(r, 'ID'), cell(r, 'SKU')] as const));
  const nameById = new Map(body.map((r) => [cell(r, 'ID'), cell(r, 'Name')] as const));
  const weight = unitFactor(header, 'weight (');
  const sizes = (['length', 'width', 'height'] as const).map((d) => unitFactor(header, `${d} (`));
  const barcodeColumn = header.find((h) => /gtin|upc|ean|isbn/i.test(h)) ?? 'GTIN, UPC, EAN, or ISBN';
  const scaled = (r: ImportRow, u: { column: string; factor: number } | null) => {
    if (!u || !cell(r, u.column)) return '';
    const n = Number(amount(cell(r, u.column)));
    return Number.isFinite(n) ? String(Math.round(n * u.factor)) : cell(r, u.column);
  };
  for (const r of body) {
    const type = cell(r, 'Type').toLowerCase();
    if (!['simple', 'variable', 'variation'].some((t) => type.split(/,\s*/).includes(t))) {
      skipped++;
      continue;
    }
    const parentRef = cell(r, 'Parent');
    const parentSku = parentRef.startsWith('id:') ? (skuById.get(parentRef.slice(3)) ?? null) : parentRef || null;
    if (type.includes('variation') && !parentSku) {
      problems.push({ line: r.line, column: 'Parent', message: parentRef ? `its parent ${parentRef} is not in the file, or has no SKU` : 'a variation names no parent' });
      continue;
    }
    const attrs: Record<string, string> = {};
    for (let n = 1; n <= 10; n++) {
      const name = cell(r, `Attribute ${n} name`);
      const value = cell(r, `Attribute ${n} value(s)`);
      if (name && value && type.includes('variation')) attrs[name] = value;
    }
    const name = cell(r, 'Name') || (parentRef.startsWith('id:') ? `${nameById.get(parentRef.slice(3)) ?? ''} - ${Object.values(attrs).join(' / ')}` : '');
    const e = entry(
      r.line,
      problems,
      [
        ['sku', 'SKU', cell(r, 'SKU'), 'code'],
        ['name', 'Name', name],
        ['barcode', barcodeColumn, cell(r, barcodeColumn), 'code'],
        ['brand', 'Brands', cell(r, 'Brands').split(',')[0]!.trim()],
        ['category', 'Categories', cell(r, 'Categories').split(',')[0]!.split('>').pop()!.trim()],
        ['weightG', weight?.column ?? 'Weight', scaled(r, weight), 'int'],
        ['lengthMm', sizes[0]?.column ?? 'Length', scaled(r, sizes[0]!), 'int'],
        ['widthMm', sizes[1]?.column ?? 'Width', scaled(r, sizes[1]!), 'int'],
        ['heightMm', sizes[2]?.column ?? 'Height', scaled(r, sizes[2]!), 'int'],
        ['price', 'Regular price', cell(r, 'Regular price'), 'decimal'],
        ['lowStockThreshold', 'Low stock amount', cell(r, 'Low stock amount'), 'int'],
      ],
      type.includes('variation') ? { parentSku } : {},
    );
    if (!e) continue;
    if (Object.keys(attrs).length) {
      e.input.options = attrs;
      e.columns.options = 'Attribute 1 value(s)';
    }
    entries.push(e);
  }
  return { entries, problems, skipped };
};
