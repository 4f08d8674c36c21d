// The contract of catalogue imports (spread into the one table in ./index.ts). A file goes in whole
// (its bytes, base64): a CSV in any delimiter and encoding Crossdock reads, or an XLSX.
import { z } from './zod';
import { read, signal, task, write } from './contract';
import { productFields, type ProductField } from '../imports/products';
import { stockFields, type StockField } from '../imports/stock';
import { priceFields, supplierFields, type PriceField, type SupplierField } from '../imports/suppliers';

export interface ImportProblem {
  /** the row of the file, as a spreadsheet numbers it */
  line: number;
  /** the file's column at fault */
  column: string;
  message: string;
}

/** What every import reports. */
export interface ImportReport {
  fileName: string;
  /** the file's header, for a mapping to be chosen from */
  header: string[];
  /** the mapping used (a file of no known format: guessed from the header, or the one given) */
  mapping: Record<string, string>;
  dryRun: boolean;
  allOrNothing: boolean;
  /** whether anything was saved (not on a dry run, nor when all-or-nothing met a problem, nor when cancelled) */
  written: boolean;
  /** stopped by imports.cancel before the end: nothing was saved */
  cancelled: boolean;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
}

export interface ProductImportReport extends ImportReport {
  format: 'shopify' | 'woocommerce' | 'crossdock' | 'mapped';
  mapping: Partial<Record<ProductField, string>>;
  /** products in the file */
  products: number;
  /** rows that are not products (Shopify's image rows, WooCommerce's grouped or external products) */
  skipped: number;
  /** products whose SKU was made from their Shopify handle (the file had none) */
  madeSkus: number;
}

/** An import of a table by its columns (suppliers, supplier prices, stock) */
export interface TableImportReport extends ImportReport {
  /** rows in the file that could be read */
  rows: number;
}

/** Opening stock: created = stock set where there was none, updated = a quantity changed to the file's */
export interface StockImportReport extends TableImportReport {
  mapping: Partial<Record<StockField, string>>;
  /** units added less units taken away, all rows together */
  units: number;
}

const column = z.string().trim().min(1).max(200).optional();
const mapping = z.object(Object.fromEntries(productFields.map((f) => [f, column])) as Record<ProductField, typeof column>);
const stockMapping = z.object(Object.fromEntries(stockFields.map((f) => [f, column])) as Record<StockField, typeof column>);
const supplierMapping = z.object(Object.fromEntries(supplierFields.map((f) => [f, column])) as Record<SupplierField, typeof column>);
const priceMapping = z.object(Object.fromEntries(priceFields.map((f) => [f, column])) as Record<PriceField, typeof column>);
/** the biggest file an import takes, as base64 (about 300 MB of file) */
export const MAX_FILE_BASE64 = 400_000_000;

const file = {
  fileName: z.string().trim().min(1, 'is required').max(255),
  base64: z.string().min(1, 'the file is empty').max(MAX_FILE_BASE64, 'the file is too big (at most 300 MB)'),
  dryRun: z.boolean().default(false),
  allOrNothing: z.boolean().default(false),
};

export type ImportKind = 'products' | 'stock' | 'suppliers' | 'prices';

/** How far an import under way has got (an event with no transaction behind it). */
export interface ImportProgress {
  kind: ImportKind;
  fileName: string;
  /** reading the file; backing up first; checking and saving its rows; indexing what was saved for search */
  stage: 'reading' | 'backup' | 'saving' | 'finishing';
  /** rows done of `total` (saving); 0 of 0 while reading */
  done: number;
  total: number;
  dryRun: boolean;
}

/** A column mapping saved by name for a kind of import */
export interface ImportTemplate {
  kind: ImportKind;
  name: string;
  mapping: Record<string, string>;
  updatedAt: string;
}

const FIELDS_OF: Record<ImportKind, readonly string[]> = { products: productFields, stock: stockFields, suppliers: supplierFields, prices: priceFields };
const kind = z.enum(['products', 'stock', 'suppliers', 'prices'], { message: 'must be products, stock, suppliers or prices' });

export const importsApi = {
  /** the saved column mappings (of one kind of import, or all) */
  'imports.templates': read<ImportTemplate[]>()(z.object({ kind: kind.optional() }).default({})),
  /** saves a column mapping under a name (the same name again replaces it) */
  'imports.saveTemplate': write<ImportTemplate>()(
    z
      .object({ kind, name: z.string().trim().min(1, 'is required').max(80, 'at most 80 characters'), mapping: z.record(z.string(), z.string().trim().min(1).max(200)) })
      .superRefine((v, ctx) => {
        for (const f of Object.keys(v.mapping)) if (!FIELDS_OF[v.kind].includes(f)) ctx.addIssue({ code: 'custom', path: ['mapping', f], message: `is not a field of a ${v.kind} import` });
        if (!Object.keys(v.mapping).length) ctx.addIssue({ code: 'custom', path: ['mapping'], message: 'maps no column' });
      }),
  ),
  /**
   * Stops the import under way (a big file takes a while): what it saved so far is rolled back and
   * its report says `cancelled`. Answered at once, though every other call waits for the import.
   */
  'imports.cancel': signal<{ cancelled: boolean }>()(z.object({}).default({})),
  'imports.removeTemplate': write<{ removed: boolean }>()(z.object({ kind, name: z.string().trim().min(1, 'is required').max(80) })),
  /**
   * Products from a file: Shopify's or WooCommerce's products export, Crossdock's own, or any table
   * with a mapping of its columns. A product whose SKU exists is updated (importing the same file
   * twice changes nothing); rows with problems are listed and skipped, or with `allOrNothing`
   * nothing is saved unless every row is good. Backed up first (not on a dry run).
   */
  'imports.products': task<ProductImportReport>()(
    z.object({ ...file, format: z.enum(['auto', 'shopify', 'woocommerce', 'crossdock', 'mapped']).default('auto'), mapping: mapping.optional() }),
  ),
  /**
   * Opening stock from a file (SKU, location code, quantity, unit cost): each product's quantity
   * at each location is set to the file's by an adjustment (reason "opening"), so importing the same
   * file twice changes nothing. Backed up first (not on a dry run).
   */
  'imports.stock': task<StockImportReport>()(z.object({ ...file, mapping: stockMapping.optional() })),
  /** suppliers from a file (name, currency, country, contact, terms, lead time…): found by name and updated, or created */
  'imports.suppliers': task<TableImportReport>()(z.object({ ...file, mapping: supplierMapping.optional() })),
  /**
   * Supplier price lists from a file: each row names its supplier, the supplier's SKU, the price in
   * the supplier's currency, and optionally the merchant's SKU, minimum, case pack and lead time
   */
  'imports.prices': task<TableImportReport>()(z.object({ ...file, mapping: priceMapping.optional() })),
};
