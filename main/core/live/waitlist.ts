// The waitlist of a live session's product: claims beyond the cap wait in the order they came and
// move up, first come first served, when units are released — by an undo while on air, or after
// the session by one of its orders being cancelled or expiring unpaid (the buyer then gets an order
// of their own, held for the session's hold hours). A claim that does not fit stops the queue: a
// later, smaller claim does not jump it.
import type { LiveClaim, LiveItem, LiveSession, SalesOrderDetail } from '../../common/api/sales-types';
import { convert, parseRate } from '../../common/calc/fx';
import { marginPercent } from '../../common/calc/percent';
import * as repo from '../../db/repos/live';
import { getProduct } from '../../db/repos/products';
import * as sales from '../../db/repos/sales';
import { formatMoney } from '../../common/money';
import type { Ctx } from '../context';
import { findRate } from '../fx/service';
import { createOrder } from '../sales/orders';
import { available } from '../sales/reserve';
import { baseCurrency } from '../settings/service';

/** An item as the console shows it: units left, waiting, free stock outside the hold, margin at the live price. */
export function itemState(ctx: Ctx, s: LiveSession, i: repo.ItemView): LiveItem {
  const stock = sales.stockAt(ctx.db, i.productId, s.locationId);
  const held = sales.reservation(ctx.db, 'live_hold', s.id, i.productId)?.qty ?? 0;
  const base = baseCurrency(ctx);
  const rate = s.currency === base ? null : findRate(ctx.db, s.currency, base, ctx.now.slice(0, 10))?.rate ?? null;
  const priceBase = s.currency === base ? i.price : rate === null ? null : convert(i.price, s.currency, base, parseRate(rate));
  const cost = Math.round(stock.avgCostE4 / 10_000);
  const { sessionId: _s, ...rest } = i;
  return {
    ...rest,
    left: Math.max(i.cap - i.claimed, 0),
    available: stock.onHand - stock.reserved + held,
    avgCostE4: stock.avgCostE4,
    marginPct: priceBase === null || stock.avgCostE4 === 0 ? null : marginPercent(priceBase, cost),
  };
}

export function counters(ctx: Ctx, sessionId: string, productIds: string[]): { productId: string; claimed: number; left: number; waiting: number }[] {
  return productIds.flatMap((id) => {
    const i = repo.item(ctx.db, sessionId, id);
    return i ? [{ productId: id, claimed: i.claimed, left: Math.max(i.cap - i.claimed, 0), waiting: i.waiting }] : [];
  });
}

/**
 * A confirmed order for one buyer of a session, at its live prices and in its currency, from its
 * location; released unpaid after the session's hold hours (none when they are 0).
 */
export function sessionOrder(ctx: Ctx, s: LiveSession, customerId: string, lines: { productId: string; qty: number; price: number }[], notes: string): SalesOrderDetail {
  return createOrder(ctx, {
    customerId,
    locationId: s.locationId,
    currency: s.currency,
    orderDate: ctx.now.slice(0, 10),
    lines: lines.map((l) => ({ productId: l.productId, qty: l.qty, unitPrice: formatMoney(l.price, s.currency) })),
    discount: '0',
    shipping: '0',
    shipName: null,
    shipAddress: null,
    shipCountry: null,
    notes,
    expiresAt: s.holdHours > 0 ? new Date(Date.parse(ctx.now) + s.holdHours * 3_600_000).toISOString() : null,
    confirm: true,
    channel: 'live',
    liveSessionId: s.id,
  });
}

/** Moves a product's waitlist up as far as units allow; returns the claims promoted. */
export function promote(ctx: Ctx, s: LiveSession, productId: string): LiveClaim[] {
  const promoted: LiveClaim[] = [];
  for (const c of repo.claimsWith(ctx.db, s.id, 'waiting', productId)) {
    const i = repo.item(ctx.db, s.id, productId)!;
    if (c.qty > i.cap - i.claimed) break;
    if (s.status === 'live') {
      repo.setClaim(ctx.db, c.id, { status: 'claimed', promotedAt: ctx.now });
    } else if (s.status === 'closed') {
      if (c.qty > available(ctx, productId, s.locationId) && !getProduct(ctx.db, productId)?.allowBackorder) break;
      const order = sessionOrder(ctx, s, c.customerId, [{ productId, qty: c.qty, price: i.price }], `From the waitlist of ${s.number}`);
      repo.setClaim(ctx.db, c.id, { status: 'ordered', promotedAt: ctx.now, orderId: order.order.id });
    } else break;
    repo.addClaimed(ctx.db, s.id, productId, c.qty);
    promoted.push({ ...c, status: s.status === 'live' ? 'claimed' : 'ordered', promotedAt: ctx.now });
  }
  return promoted;
}

/** A session's order gave units back (cancelled, expired, completed short): the session may sell them again. */
export function sessionOrderReleased(ctx: Ctx, sessionId: string, lines: { productId: string; qty: number }[]): void {
  const s = repo.getSession(ctx.db, sessionId);
  if (!s) return;
  const touched = new Set<string>();
  for (const l of lines) {
    if (!repo.item(ctx.db, sessionId, l.productId)) continue;
    repo.addClaimed(ctx.db, sessionId, l.productId, -l.qty);
    touched.add(l.productId);
  }
  for (const id of touched) promote(ctx, s, id);
  if (touched.size) ctx.emit('live.changed', { id: sessionId, items: counters(ctx, sessionId, [...touched]) });
}
