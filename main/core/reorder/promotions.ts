// Promotional periods and live sessions: their units are kept apart (promo_days) so planning can
// leave a spike out of the normal rate. Units are added as orders ship (recordShipped); a change of
// marking rebuilds them from what shipped.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { Promotion } from '../../common/api/reorder-types';
import { mondayOf } from '../../common/days';
import { getProduct } from '../../db/repos/products';
import * as repo from '../../db/repos/reorder';
import type { Ctx } from '../context';
import { uuidv7 } from '../ids';

/** Adds shipped units to the demand history; promotional ones to promo_days as well. */
export function recordShipped(ctx: Ctx, s: { day: string; productId: string; locationId: string; qty: number; liveSessionId: string | null }): void {
  repo.addDemandWeek(ctx.db, { productId: s.productId, week: mondayOf(s.day), locationId: s.locationId, qty: s.qty });
  const promotional = (s.liveSessionId !== null && repo.sessionIsPromotional(ctx.db, s.liveSessionId)) || repo.inPromotion(ctx.db, s.productId, s.day);
  if (promotional) repo.addPromoDay(ctx.db, { productId: s.productId, day: s.day, locationId: s.locationId, qty: s.qty });
}

export function listPromotions(ctx: Ctx, productId: string | undefined): Promotion[] {
  return repo.listPromotions(ctx.db, productId ?? null);
}

export function savePromotion(ctx: Ctx, input: Parsed<'reorder.savePromotion'>): Promotion {
  if (input.productId && !getProduct(ctx.db, input.productId)) throw ApiError.field('productId', 'No such product', 'not_found');
  if (input.id) {
    const cur = repo.getPromotion(ctx.db, input.id);
    if (!cur || cur.status !== 'active') throw ApiError.field('id', 'No such promotion', 'not_found');
  }
  const id = input.id ?? uuidv7();
  repo.savePromotion(ctx.db, { id, name: input.name, fromDay: input.fromDay, toDay: input.toDay, productId: input.productId, status: 'active' }, ctx.now);
  markingChanged(ctx);
  return repo.getPromotion(ctx.db, id)!;
}

export function removePromotion(ctx: Ctx, id: string): Promotion {
  const cur = repo.getPromotion(ctx.db, id);
  if (!cur || cur.status !== 'active') throw ApiError.field('id', 'No such promotion', 'not_found');
  const { status: _s, sku: _k, productName: _n, ...rec } = cur;
  repo.savePromotion(ctx.db, { ...rec, status: 'removed' }, ctx.now);
  markingChanged(ctx);
  return cur;
}

/** After a promotion or a live session's marking changes. */
export function markingChanged(ctx: Ctx): void {
  repo.rebuildPromoDays(ctx.db);
  ctx.emit('reorder.changed', {});
}
