// Catalogue changes kept for review: applying one changes the merchant's supplier terms (price and
// breaks, MOQ, pack, lead time, or archives a discontinued item) for orders made from now on;
// purchase orders already placed keep the terms they were placed with.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import { parseMoney } from '../../common/money';
import { getSupplierProduct, saveSupplierProduct } from '../../db/repos/suppliers';
import * as repo from '../../db/repos/sync';
import type { Ctx } from '../context';
import type { PriceTerm } from './apply';

export function decide(ctx: Ctx, input: Parsed<'sync.decide'>): { applied: number; dismissed: number } {
  let applied = 0;
  let dismissed = 0;
  const suppliers = new Set<string>();
  input.ids.forEach((id, i) => {
    const c = repo.getChange(ctx.db, id);
    if (!c) throw ApiError.field(`ids.${i}`, 'No such change', 'not_found');
    if (c.status !== 'pending') throw ApiError.field(`ids.${i}`, `the change to ${c.sku} was already ${c.status}`, 'conflict');
    suppliers.add(c.supplierId);
    if (input.action === 'dismiss') {
      repo.decideChange(ctx.db, { id, status: 'dismissed', at: ctx.now, by: ctx.actor });
      dismissed++;
      return;
    }
    const sp = getSupplierProduct(ctx.db, c.supplierProductId)!;
    const v = c.newValue ?? '';
    switch (c.kind) {
      case 'price': {
        const p = JSON.parse(v) as PriceTerm;
        sp.unitPrice = parseMoney(p.unitPrice, p.currency as never);
        sp.priceBreaks = p.breaks.map((b) => ({ minQty: b.minQty, unitPrice: parseMoney(b.unitPrice, p.currency as never) }));
        sp.priceDate = ctx.now.slice(0, 10);
        break;
      }
      case 'discontinued':
        if (v === 'discontinued') sp.status = 'archived';
        break;
      case 'moq':
        sp.moq = Number(v);
        break;
      case 'order_multiple':
        sp.orderMultiple = Number(v);
        break;
      case 'lead_time':
        sp.leadTimeDays = Number(v);
        break;
    }
    saveSupplierProduct(ctx.db, { ...sp, updatedAt: ctx.now });
    repo.decideChange(ctx.db, { id, status: 'applied', at: ctx.now, by: ctx.actor });
    applied++;
  });
  ctx.emit('sync.changed', { supplierIds: [...suppliers] });
  if (applied) ctx.emit('suppliers.changed', { ids: [...suppliers] });
  return { applied, dismissed };
}
