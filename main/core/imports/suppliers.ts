// Saving suppliers and supplier price lists read from a file (main/common/imports/suppliers.ts)
// through the suppliers service, as the forms do. A supplier is found by its name (updated with the
// fields the file gives) or created; a price-list row is found by its supplier and the supplier's
// SKU (updated, its price breaks kept) or added, linked to the merchant's product when the row
// names its SKU. The same file twice changes nothing.
import { api } from '../../common/api';
import { ApiError } from '../../common/api/errors';
import type { ImportReport } from '../../common/api/imports';
import type { PriceEntry, PriceField, Read, SupplierEntry, SupplierField } from '../../common/imports/suppliers';
import { formatMoney } from '../../common/money';
import { findProductBy } from '../../db/repos/products';
import { findSupplierByName, findSupplierProductBySku } from '../../db/repos/suppliers';
import { amountIn } from '../amount';
import type { Ctx } from '../context';
import { createSupplier, saveSupplierProduct, updateSupplier } from '../suppliers/service';
import { runImport, startReport, type Step } from './run';

type Opts = { fileName: string; dryRun: boolean; allOrNothing: boolean };

function report<F extends string>(read: Read<unknown, F>, opts: Opts): ImportReport & { rows: number } {
  return { ...startReport(opts, read, read.mapping as Record<string, string>), rows: read.entries.length };
}

export async function applySuppliers(ctx: Ctx, read: Read<SupplierEntry, SupplierField>, opts: Opts, step: Step) {
  const r = report(read, opts);
  await runImport(ctx, {
    rows: read.entries,
    column: (e, f) => e.columns[f as SupplierField] ?? e.columns.name ?? f,
    report: r,
    save: (e) => {
      const existing = findSupplierByName(ctx.db, e.name);
      if (!existing) {
        createSupplier(ctx, api['suppliers.create'].input.parse(e.input));
        r.created++;
        return;
      }
      const patch = api['suppliers.update'].input.parse({ id: existing.id, ...e.input });
      const same = Object.entries(patch).every(([k, v]) => v === undefined || k === 'id' || v === existing[k as keyof typeof existing]);
      if (same) r.unchanged++;
      else {
        updateSupplier(ctx, patch);
        r.updated++;
      }
    },
  }, step);
  return r;
}

export async function applyPrices(ctx: Ctx, read: Read<PriceEntry, PriceField>, opts: Opts, step: Step) {
  const r = report(read, opts);
  await runImport(ctx, {
    rows: read.entries,
    column: (e, f) => e.columns[(f === 'productId' ? 'sku' : f === 'supplierId' ? 'supplier' : f) as PriceField] ?? e.columns.supplierSku ?? f,
    report: r,
    save: (e) => {
      const supplier = findSupplierByName(ctx.db, e.supplier);
      if (!supplier) throw ApiError.field('supplier', `no supplier is named ${e.supplier}: import or add the supplier first`);
      const product = e.sku ? findProductBy(ctx.db, 'sku', e.sku) : null;
      if (e.sku && !product) throw ApiError.field('sku', `no product has the SKU ${e.sku}`);
      const existing = findSupplierProductBySku(ctx.db, supplier.id, e.supplierSku);
      const input = api['suppliers.saveProduct'].input.parse({
        ...(existing ? { id: existing.id } : {}),
        supplierId: supplier.id,
        supplierSku: e.supplierSku,
        productId: product?.id ?? existing?.productId ?? null,
        unitPrice: e.unitPrice,
        // a row says nothing of price breaks: those on the list stay
        priceBreaks: existing?.priceBreaks.map((b) => ({ minQty: b.minQty, unitPrice: formatMoney(b.unitPrice, supplier.currency) })) ?? [],
        moq: e.moq ?? existing?.moq ?? 1,
        orderMultiple: e.orderMultiple ?? existing?.orderMultiple ?? 1,
        leadTimeDays: e.leadTimeDays ?? existing?.leadTimeDays ?? null,
      });
      if (
        existing &&
        existing.productId === input.productId &&
        existing.unitPrice === amountIn(input.unitPrice, supplier.currency, 'unitPrice') &&
        existing.moq === input.moq &&
        existing.orderMultiple === input.orderMultiple &&
        existing.leadTimeDays === input.leadTimeDays
      ) {
        r.unchanged++;
        return;
      }
      saveSupplierProduct(ctx, input);
      if (existing) r.updated++;
      else r.created++;
    },
  }, step);
  return r;
}
