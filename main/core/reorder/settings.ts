// What plans are made with: the defaults (one JSON setting), each product's rule, and each
// supplier's order cost and budget cap.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { ReorderRule, ReorderSettings, ReorderSupplier } from '../../common/api/reorder-types';
import { getProduct } from '../../db/repos/products';
import * as repo from '../../db/repos/reorder';
import { getSettings, putSetting } from '../../db/repos/settings';
import { getSupplier } from '../../db/repos/suppliers';
import { amountIn } from '../amount';
import type { Ctx } from '../context';
import { baseCurrency } from '../settings/service';

const KEY = 'reorder';

export const DEFAULTS: Omit<ReorderSettings, 'baseCurrency'> = {
  serviceLevel: 0.95,
  method: 'auto',
  autoPick: 'class',
  alpha: 0.1,
  historyWeeks: 52,
  holdingRate: 0.25,
  orderCost: null,
  promotional: 'exclude',
};

export function readReorderSettings(ctx: Pick<Ctx, 'db'>): ReorderSettings {
  const raw = getSettings(ctx.db)[KEY];
  let stored: Partial<ReorderSettings> = {};
  try {
    stored = raw ? (JSON.parse(raw) as Partial<ReorderSettings>) : {};
  } catch {
    // a damaged setting falls back to the defaults rather than stopping every plan
  }
  return { ...DEFAULTS, ...stored, baseCurrency: baseCurrency(ctx) };
}

export function saveReorderSettings(ctx: Ctx, input: Parsed<'reorder.saveSettings'>): ReorderSettings {
  const { baseCurrency: base, ...cur } = readReorderSettings(ctx);
  const { orderCost, ...rest } = input;
  const next = { ...cur, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) };
  if (orderCost !== undefined) next.orderCost = orderCost === null ? null : amountIn(orderCost, base, 'orderCost');
  putSetting(ctx.db, KEY, JSON.stringify(next), ctx.now);
  ctx.emit('reorder.changed', {});
  return { ...next, baseCurrency: base };
}

export function defaultRule(productId: string): ReorderRule {
  return { productId, supplierId: null, policy: 'rop', method: null, serviceLevel: null, min: null, max: null, reorderLevel: null, reorderQty: null };
}

export function readRule(ctx: Ctx, productId: string): ReorderRule {
  if (!getProduct(ctx.db, productId)) throw ApiError.field('productId', 'No such product', 'not_found');
  return repo.getRule(ctx.db, productId) ?? defaultRule(productId);
}

export function saveRule(ctx: Ctx, input: Parsed<'reorder.saveRule'>): ReorderRule {
  const cur = readRule(ctx, input.productId);
  const next: ReorderRule = { ...cur, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  if (next.supplierId && !getSupplier(ctx.db, next.supplierId)) throw ApiError.field('supplierId', 'No such supplier', 'not_found');
  if (next.policy === 'minmax') {
    if (next.min === null) throw ApiError.field('min', 'is required by the min/max policy');
    if (next.max === null) throw ApiError.field('max', 'is required by the min/max policy');
    if (next.max < next.min) throw ApiError.field('max', 'must not be below min');
  }
  if (next.policy === 'level' && next.reorderLevel === null) throw ApiError.field('reorderLevel', 'is required by the reorder-level policy');
  repo.saveRule(ctx.db, next, ctx.now);
  ctx.emit('reorder.changed', {});
  return next;
}

function mustSupplier(ctx: Ctx, id: string) {
  const s = getSupplier(ctx.db, id);
  if (!s) throw ApiError.field('supplierId', 'No such supplier', 'not_found');
  return s;
}

export function readSupplierTerms(ctx: Ctx, supplierId: string): ReorderSupplier {
  const s = mustSupplier(ctx, supplierId);
  const t = repo.supplierTerms(ctx.db).get(supplierId);
  return { supplierId, currency: s.currency, orderCost: t?.orderCost ?? null, budget: t?.budget ?? null };
}

export function saveSupplierTerms(ctx: Ctx, input: Parsed<'reorder.saveSupplier'>): ReorderSupplier {
  const cur = readSupplierTerms(ctx, input.supplierId);
  const money = (v: string | null | undefined, keep: number | null, field: string) => (v === undefined ? keep : v === null ? null : amountIn(v, cur.currency, field));
  const next = { ...cur, orderCost: money(input.orderCost, cur.orderCost, 'orderCost'), budget: money(input.budget, cur.budget, 'budget') };
  if (next.budget === 0) throw ApiError.field('budget', 'must be more than zero (leave it empty for no cap)');
  repo.saveSupplierTerms(ctx.db, next, ctx.now);
  ctx.emit('reorder.changed', {});
  return next;
}
