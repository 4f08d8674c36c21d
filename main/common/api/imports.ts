// The contract of catalogue imports (spread into the one table in ./index.ts). A file goes in whole
// (its bytes, base64): a CSV in any delimiter and encoding Crossdock reads, or an XLSX.
import { z } from './zod';
import { task } from './contract';
import { productFields, type ProductField } from '../imports/products';

export interface ImportProblem {
  /** the row of the file, as a spreadsheet numbers it */
  line: number;
  /** the file's column at fault */
  column: string;
  message: string;
}

export interface ProductImportReport {
  fileName: string;
  format: 'shopify' | 'woocommerce' | 'crossdock' | 'mapped';
  /** the file's header, for a mapping to be chosen from */
  header: string[];
  /** the mapping used (a file of no known format: guessed from the header, or the one given) */
  mapping: Partial<Record<ProductField, string>>;
  dryRun: boolean;
  allOrNothing: boolean;
  /** whether anything was saved (not on a dry run, nor when all-or-nothing met a problem) */
  written: boolean;
  /** products in the file */
  products: number;
  created: number;
  updated: number;
  unchanged: number;
  /** rows that are not products (Shopify's image rows, WooCommerce's grouped or external products) */
  skipped: number;
  /** products whose SKU was made from their Shopify handle (the file had none) */
  madeSkus: number;
  problems: ImportProblem[];
}

const mapping = z.object(Object.fromEntries(productFields.map((f) => [f, z.string().trim().min(1).max(200).optional()])) as Record<ProductField, z.ZodOptional<z.ZodString>>);

export const importsApi = {
  /**
   * Products from a file: Shopify's or WooCommerce's products export, Crossdock's own, or any table
   * with a mapping of its columns. A product whose SKU exists is updated (importing the same file
   * twice changes nothing); rows with problems are listed and skipped, or with `allOrNothing`
   * nothing is saved unless every row is good. Backed up first (not on a dry run).
   */
  'imports.products': task<ProductImportReport>()(
    z.object({
      fileName: z.string().trim().min(1, 'is required').max(255),
      base64: z.string().min(1, 'the file is empty').max(400_000_000, 'the file is too big (at most 300 MB)'),
      format: z.enum(['auto', 'shopify', 'woocommerce', 'crossdock', 'mapped']).default('auto'),
      mapping: mapping.optional(),
      dryRun: z.boolean().default(false),
      allOrNothing: z.boolean().default(false),
    }),
  ),
};
