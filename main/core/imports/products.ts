// Saving a catalogue read from a file (main/common/imports/products.ts). Each product goes through
// the same contract validation and the same service as one typed in, so a row is refused for the
// same reasons a form would be, with the file's column named. A SKU that exists is updated with the
// fields the file gives (the same file twice changes nothing); a new one is created; a variant is
// created after its parent. A row is checked in full (the contract, then the service's own rules)
// before anything of it is written, so a refused row leaves nothing behind (./run.ts frames the
// rest: one transaction, dry run, all-or-nothing).
import { api } from '../../common/api';
import { ApiError } from '../../common/api/errors';
import type { ProductImportReport } from '../../common/api/imports';
import type { Product } from '../../common/api/types';
import type { CatalogRead, ProductEntry } from '../../common/imports/products';
import { deferIndexes, findProductBy, productsBySku } from '../../db/repos/products';
import { amountIn } from '../amount';
import type { Ctx } from '../context';
import { createProduct, updateProduct } from '../products/service';
import { baseCurrency } from '../settings/service';
import { fieldParser } from './fields';
import { gatherEvents, runImport, startReport, type Step } from './run';

/** From this many rows, existing products are read in one go and new ones indexed for search at the end */
const BULK = 500;
/** From this many new products (and no fewer than are already there), the other indexes are built again at the end */
const REBUILD = 5000;

/** The fields of a stored product that an import row can set, to tell an update from no change. */
const COMPARED = ['name', 'localName', 'barcode', 'brand', 'category', 'hsCode', 'originCountry', 'weightG', 'lengthMm', 'widthMm', 'heightMm', 'packSize', 'lowStockThreshold', 'notes', 'options', 'parentId'] as const;

export async function applyProducts(
  ctx: Ctx,
  read: CatalogRead,
  opts: { fileName: string; mapping: ProductImportReport['mapping']; dryRun: boolean; allOrNothing: boolean },
  step: Step,
): Promise<ProductImportReport> {
  const report: ProductImportReport = {
    ...startReport(opts, read, opts.mapping),
    format: read.format,
    products: read.entries.length,
    skipped: read.skipped,
    madeSkus: read.entries.filter((e) => e.madeSku).length,
  };
  const { problems } = report;

  // one event for the whole import, not one per product
  const events = gatherEvents(ctx);
  const quiet = events.ctx;

  // the same SKU twice in a file: the first row counts, the others are listed
  const seen = new Map<string, number>();
  const unique: ProductEntry[] = [];
  for (const e of read.entries) {
    const key = e.sku.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) problems.push({ line: e.line, column: e.columns.sku ?? 'SKU', message: `${e.sku} is also on line ${first}: each SKU once` });
    else {
      seen.set(key, e.line);
      unique.push(e);
    }
  }
  // parents first, so their variants find them
  const ordered = [...unique.filter((e) => !e.parentSku), ...unique.filter((e) => e.parentSku)];
  const bulk = ordered.length >= BULK;
  // the products already there (read once in a bulk import), and the ids of those this one saves
  let known: Map<string, Product> | null = null;
  const saved = new Map<string, string>();
  const lookup: Lookup = {
    existing: (sku) => (known ? (known.get(sku.toLowerCase()) ?? null) : findProductBy(ctx.db, 'sku', sku)),
    idOf: (sku) => saved.get(sku.toLowerCase()) ?? lookup.existing(sku)?.id ?? null,
    saved: (p) => void saved.set(p.sku.toLowerCase(), p.id),
  };
  const failed = new Set<string>();
  const schemas = schemasFor(ordered);

  await runImport(ctx, {
    rows: ordered,
    column: (e, field) => e.columns[field] ?? e.columns.sku ?? field,
    report,
    around: () => {
      if (!bulk) return null;
      const all = productsBySku(ctx.db);
      known = all;
      const added = ordered.filter((e) => !all.has(e.sku.toLowerCase())).length;
      return deferIndexes(ctx.db, { rebuildIndexes: added >= REBUILD && added >= all.size });
    },
    save: (e) => {
      if (e.parentSku && failed.has(e.parentSku.toLowerCase())) {
        failed.add(e.sku.toLowerCase());
        throw ApiError.field('sku', `its parent ${e.parentSku} could not be imported`);
      }
      try {
        saveOne(quiet, e, report, schemas, lookup);
      } catch (err) {
        failed.add(e.sku.toLowerCase());
        throw err;
      }
    },
  }, step);
  if (report.written) events.flush();
  return report;
}

type Schemas = ReturnType<typeof schemasFor>;

interface Lookup {
  /** a product that was there before the import */
  existing(sku: string): Product | null;
  /** the id of a product there before or saved by the import (a variant's parent) */
  idOf(sku: string): string | null;
  saved(p: Product): void;
}

/**
 * The contract's own schemas for a product, cut to the fields the file gives and applied field by
 * field (./fields.ts): each row is checked by the same rules as a form, and a field no row has costs
 * nothing per row. A product created without
 * a field gets what the contract gives it (packSize and allowBackorder defaults, null for the rest,
 * as createProduct does); one updated keeps what it had.
 */
function schemasFor(entries: readonly ProductEntry[]) {
  const keys = new Set(['packSize', 'allowBackorder']);
  for (const e of entries) {
    for (const k in e.input) keys.add(k);
    if (e.parentSku) keys.add('parentId');
  }
  const create = api['products.create'].input;
  const update = api['products.update'].input;
  const mask = (shape: object) => Object.fromEntries([...keys].filter((k) => k in shape).map((k) => [k, true])) as never;
  return {
    create: fieldParser(create.pick(mask(create.shape)) as unknown as typeof create),
    update: fieldParser(update.pick({ ...(mask(update.shape) as object), id: true } as never) as unknown as typeof update),
  };
}

function saveOne(ctx: Ctx, e: ProductEntry, report: ProductImportReport, schemas: Schemas, lookup: Lookup): void {
  const parentId = e.parentSku ? lookup.idOf(e.parentSku) : undefined;
  if (e.parentSku && !parentId) throw ApiError.field('parentSku', `its parent ${e.parentSku} is neither in the file nor in Crossdock`);
  const existing = lookup.existing(e.sku);
  const fields: Record<string, unknown> = { ...e.input, ...(parentId ? { parentId } : {}) };
  if (!existing) {
    // just looked up among the products there and those the import saved (each SKU once in it)
    lookup.saved(createProduct(ctx, schemas.create(fields), { skuChecked: true }));
    report.created++;
    return;
  }
  const { sku: _sku, ...patch } = fields;
  const parsed = schemas.update({ id: existing.id, ...patch });
  const next = parsed as Record<string, unknown>;
  const same = COMPARED.every((k) => next[k] === undefined || JSON.stringify(next[k]) === JSON.stringify(existing[k])) && (next.price === undefined || samePrice(ctx, next.price as string | null, existing.price));
  if (same) {
    report.unchanged++;
    return;
  }
  lookup.saved(updateProduct(ctx, parsed));
  report.updated++;
}

/** A price in the file against the stored one: "12.5" is the stored 1250 (minor units of the base currency). */
function samePrice(ctx: Ctx, price: string | null, stored: number | null): boolean {
  if (price === null || stored === null) return price === null && stored === null;
  return amountIn(price, baseCurrency(ctx), 'price') === stored;
}
