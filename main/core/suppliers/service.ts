import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { Supplier, SupplierDetail, SupplierProduct } from '../../common/api/types';
import { priceBreaksError } from '../../common/calc/pricing';
import { getProduct } from '../../db/repos/products';
import * as repo from '../../db/repos/suppliers';
import { onTimeRecord } from '../../db/repos/receipts';
import type { Ctx } from '../context';
import { list as listOrders } from '../purchasing/service';
import { uuidv7 } from '../ids';
import { definedOnly } from '../patch';
import { amountIn } from '../amount';

function mustGet(ctx: Ctx, id: string, field = 'id'): Supplier {
  const s = repo.getSupplier(ctx.db, id);
  if (!s) throw ApiError.field(field, 'No such supplier', 'not_found');
  return s;
}

function ensureNameFree(ctx: Ctx, name: string, selfId?: string): void {
  const other = repo.findSupplierByName(ctx.db, name);
  if (other && other.id !== selfId) throw ApiError.field('name', `A supplier named "${other.name}" already exists`, 'conflict');
}

export function createSupplier(ctx: Ctx, input: Parsed<'suppliers.create'>): Supplier {
  ensureNameFree(ctx, input.name);
  const s: Supplier = {
    id: uuidv7(),
    name: input.name,
    country: input.country ?? null,
    currency: input.currency,
    contactName: input.contactName ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    paymentTerms: input.paymentTerms ?? null,
    leadTimeDays: input.leadTimeDays,
    notes: input.notes ?? null,
    status: 'active',
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  repo.saveSupplier(ctx.db, s);
  ctx.emit('suppliers.changed', { ids: [s.id] });
  return s;
}

export function updateSupplier(ctx: Ctx, input: Parsed<'suppliers.update'>): Supplier {
  const cur = mustGet(ctx, input.id);
  const next: Supplier = { ...cur, ...definedOnly(input), updatedAt: ctx.now };
  if (next.name !== cur.name) ensureNameFree(ctx, next.name, cur.id);
  // Prices on the list are in the supplier's currency: changing it would silently relabel them.
  if (next.currency !== cur.currency && repo.listSupplierProducts(ctx.db, { supplierId: cur.id }).length) {
    throw ApiError.field('currency', `${cur.name}'s price list is in ${cur.currency}; remove its products before changing the currency`, 'conflict');
  }
  repo.saveSupplier(ctx.db, next);
  ctx.emit('suppliers.changed', { ids: [cur.id] });
  return next;
}

export function archiveSupplier(ctx: Ctx, id: string): Supplier {
  const next: Supplier = { ...mustGet(ctx, id), status: 'archived', updatedAt: ctx.now };
  repo.saveSupplier(ctx.db, next);
  ctx.emit('suppliers.changed', { ids: [id] });
  return next;
}

export function supplierDetail(ctx: Ctx, id: string): SupplierDetail {
  return {
    supplier: mustGet(ctx, id),
    products: repo.listSupplierProducts(ctx.db, { supplierId: id }),
    openOrders: listOrders(ctx, { status: 'open', supplierId: id, offset: 0, limit: 100 }).rows,
    onTime: onTimeRecord(ctx.db, id),
  };
}


export function saveSupplierProduct(ctx: Ctx, input: Parsed<'suppliers.saveProduct'>): SupplierProduct {
  const supplier = mustGet(ctx, input.supplierId, 'supplierId');
  if (supplier.status !== 'active') throw ApiError.field('supplierId', `${supplier.name} is archived`, 'conflict');
  const existing = input.id ? repo.getSupplierProduct(ctx.db, input.id) : null;
  if (input.id && (!existing || existing.supplierId !== supplier.id)) throw ApiError.field('id', 'No such product on this supplier’s list', 'not_found');
  const sameSku = repo.findSupplierProductBySku(ctx.db, supplier.id, input.supplierSku);
  if (sameSku && sameSku.id !== input.id) throw ApiError.field('supplierSku', `${supplier.name} already lists ${input.supplierSku}`, 'conflict');
  if (input.productId && !getProduct(ctx.db, input.productId)) throw ApiError.field('productId', 'No such product', 'not_found');
  const priceBreaks = input.priceBreaks
    .map((b, i) => ({ minQty: b.minQty, unitPrice: amountIn(b.unitPrice, supplier.currency, `priceBreaks.${i}.unitPrice`) }))
    .sort((a, b) => a.minQty - b.minQty);
  const bad = priceBreaksError(priceBreaks);
  if (bad) throw ApiError.field(`priceBreaks.${bad.index}.minQty`, bad.message);
  const sp: SupplierProduct = {
    id: existing?.id ?? uuidv7(),
    supplierId: supplier.id,
    supplierSku: input.supplierSku,
    productId: input.productId ?? null,
    productSku: null,
    productName: null,
    unitPrice: amountIn(input.unitPrice, supplier.currency, 'unitPrice'),
    priceBreaks,
    moq: input.moq,
    orderMultiple: input.orderMultiple,
    leadTimeDays: input.leadTimeDays ?? null,
    priceDate: input.priceDate ?? ctx.now.slice(0, 10),
    status: 'active',
    createdAt: existing?.createdAt ?? ctx.now,
    updatedAt: ctx.now,
  };
  repo.saveSupplierProduct(ctx.db, sp);
  ctx.emit('suppliers.changed', { ids: [supplier.id] });
  return repo.getSupplierProduct(ctx.db, sp.id)!;
}

export function removeSupplierProduct(ctx: Ctx, id: string): SupplierProduct {
  const sp = repo.getSupplierProduct(ctx.db, id);
  if (!sp) throw ApiError.field('id', 'No such product on a supplier’s list', 'not_found');
  repo.saveSupplierProduct(ctx.db, { ...sp, status: 'archived', updatedAt: ctx.now });
  ctx.emit('suppliers.changed', { ids: [sp.supplierId] });
  return { ...sp, status: 'archived' };
}
