// Sales orders: draft → confirmed (units reserved) → partly shipped → shipped → completed, or
// cancelled (reservations released). Prices are in the order's currency; revenue, cost of goods
// and margin in the base currency at the rate of the order date (stored on the order).
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { PaymentStatus, SalesChannel, SalesOrder, SalesOrderDetail, SalesOrderLine } from '../../common/api/sales-types';
import { convert, parseRate } from '../../common/calc/fx';
import { percent } from '../../common/calc/percent';
import { allocate, divRound, formatMoney, toSafeNumber } from '../../common/money';
import { getLocation } from '../../db/repos/locations';
import { getProduct } from '../../db/repos/products';
import * as repo from '../../db/repos/sales';
import { amountIn } from '../amount';
import type { Ctx } from '../context';
import { findRate } from '../fx/service';
import { uuidv7 } from '../ids';
import { sessionOrderReleased } from '../live/waitlist';
import { nextNumber } from '../purchasing/service';
import { baseCurrency } from '../settings/service';
import { mustGetCustomer } from './customers';
import { reserve } from './reserve';

export type CreateOrder = Parsed<'sales.create'> & { channel?: SalesChannel; source?: string | null; externalRef?: string | null; liveSessionId?: string | null };

export function loadOrder(ctx: Ctx, id: string, field = 'id'): SalesOrder {
  const o = repo.getOrder(ctx.db, id);
  if (!o) throw ApiError.field(field, 'No such order', 'not_found');
  return o;
}

/** An order as stored, without the names joined to it. */
export function record(o: SalesOrder): repo.OrderRecord {
  const { customerName: _n, customerHandle: _h, locationCode: _l, ...rest } = o;
  return rest;
}

const hold = (l: { id: string; productId: string }) => ({ kind: 'order_line' as const, refId: l.id, productId: l.productId });

function checkLocation(ctx: Ctx, id: string): void {
  const loc = getLocation(ctx.db, id);
  if (!loc) throw ApiError.field('locationId', 'No such location', 'not_found');
  if (loc.status !== 'active') throw ApiError.field('locationId', `${loc.code} is archived`, 'conflict');
  if (loc.kind === 'in_transit') throw ApiError.field('locationId', `${loc.code} holds stock on the move; ship from one of your warehouses`);
}

/** The rate of a day from the order's currency to the base (1 for the base itself), or null. */
function rateOn(ctx: Ctx, currency: string, day: string): { fxRate: string | null; fxDay: string | null } {
  if (currency === baseCurrency(ctx)) return { fxRate: '1', fxDay: day };
  const q = findRate(ctx.db, currency, baseCurrency(ctx), day);
  return { fxRate: q?.rate ?? null, fxDay: q?.day ?? null };
}

type LineInput = Parsed<'sales.create'>['lines'][number];

/** Lines priced and netted: each line's discount, then the order's discount split over them by value. */
function priceLines(ctx: Ctx, orderId: string, currency: string, input: LineInput[], discountText: string, shippingText: string, ids: (string | undefined)[] = []) {
  const base = baseCurrency(ctx);
  const built = input.map((l, i) => {
    const product = getProduct(ctx.db, l.productId);
    if (!product) throw ApiError.field(`lines.${i}.productId`, 'No such product', 'not_found');
    if (product.status !== 'active') throw ApiError.field(`lines.${i}.productId`, `${product.sku} is archived`, 'conflict');
    let unitPrice: number;
    if (l.unitPrice !== undefined) unitPrice = amountIn(l.unitPrice, currency, `lines.${i}.unitPrice`);
    else if (currency === base && product.price !== null) unitPrice = product.price;
    else throw ApiError.field(`lines.${i}.unitPrice`, `enter a price: ${product.sku} has no selling price${currency === base ? '' : ` in ${currency}`}`);
    const gross = l.qty * unitPrice;
    if (!Number.isSafeInteger(gross)) throw ApiError.field(`lines.${i}.qty`, 'the line is too large');
    const discount = l.discount === undefined ? 0 : amountIn(l.discount, currency, `lines.${i}.discount`);
    if (discount > gross) throw ApiError.field(`lines.${i}.discount`, 'is more than the line is worth');
    return { productId: l.productId, qty: l.qty, unitPrice, discount, lineNet: gross - discount };
  });
  const subtotal = built.reduce((a, l) => a + l.lineNet, 0);
  const discount = amountIn(discountText, currency, 'discount');
  if (discount > subtotal) throw ApiError.field('discount', 'is more than the lines are worth');
  const shipping = amountIn(shippingText, currency, 'shipping');
  const shares = subtotal > 0 ? allocate(discount, built.map((l) => l.lineNet)) : built.map(() => 0);
  const lines: repo.LineRecord[] = built.map((l, i) => ({
    id: ids[i] ?? uuidv7(),
    orderId,
    position: i,
    productId: l.productId,
    qty: l.qty,
    unitPrice: l.unitPrice,
    discount: l.discount,
    net: l.lineNet - shares[i]!,
    qtyShipped: 0,
    revenue: 0,
    cogs: 0,
  }));
  return { lines, subtotal, discount, shipping, total: subtotal - discount + shipping, units: built.reduce((a, l) => a + l.qty, 0) };
}

function paymentStatus(paid: number, total: number): PaymentStatus {
  return paid === 0 ? 'unpaid' : paid >= total ? 'paid' : 'partly_paid';
}

function reserveLines(ctx: Ctx, o: repo.OrderRecord, lines: { id: string; productId: string; qty: number; qtyShipped: number }[]): void {
  lines.forEach((l, i) => reserve(ctx, hold(l), o.locationId, l.qty - l.qtyShipped, `lines.${i}.qty`));
}

function releaseLines(ctx: Ctx, o: repo.OrderRecord, lines: { id: string; productId: string }[]): void {
  for (const l of lines) reserve(ctx, hold(l), o.locationId, 0, 'id');
}

export function createOrder(ctx: Ctx, input: CreateOrder): SalesOrderDetail {
  checkLocation(ctx, input.locationId);
  if (input.customerId) mustGetCustomer(ctx, input.customerId, 'customerId');
  const currency = input.currency ?? baseCurrency(ctx);
  const orderDate = input.orderDate ?? ctx.now.slice(0, 10);
  const id = uuidv7();
  const priced = priceLines(ctx, id, currency, input.lines, input.discount, input.shipping);
  const o: repo.OrderRecord = {
    id,
    number: nextNumber(ctx, 'sales_next_number', 'SO'),
    customerId: input.customerId,
    channel: input.channel ?? 'manual',
    source: input.source ?? null,
    externalRef: input.externalRef ?? null,
    liveSessionId: input.liveSessionId ?? null,
    locationId: input.locationId,
    currency,
    ...rateOn(ctx, currency, orderDate),
    orderDate,
    status: 'draft',
    paymentStatus: 'unpaid',
    subtotal: priced.subtotal,
    discount: priced.discount,
    shipping: priced.shipping,
    total: priced.total,
    paid: 0,
    units: priced.units,
    expiresAt: input.expiresAt,
    shipName: input.shipName,
    shipAddress: input.shipAddress,
    shipCountry: input.shipCountry,
    notes: input.notes,
    cancelReason: null,
    confirmedAt: null,
    shippedAt: null,
    closedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  repo.saveOrder(ctx.db, o);
  for (const l of priced.lines) repo.saveLine(ctx.db, l);
  if (input.confirm) confirmLoaded(ctx, o, priced.lines);
  ctx.emit('sales.changed', { ids: [o.id] });
  return orderDetail(ctx, o.id);
}

const EDITABLE = new Set(['draft', 'confirmed']);

function refuse(o: SalesOrder, doing: string): never {
  const why: Record<string, string> = {
    partly_shipped: 'has partly shipped',
    shipped: 'has shipped',
    completed: 'is completed',
    cancelled: 'is cancelled',
    draft: 'is a draft: confirm it first',
    confirmed: 'is confirmed',
  };
  throw ApiError.field('id', `${o.number} ${why[o.status] ?? o.status}: it cannot ${doing}`, 'conflict');
}

export function updateOrder(ctx: Ctx, input: Parsed<'sales.update'>): SalesOrderDetail {
  const cur = loadOrder(ctx, input.id);
  if (!EDITABLE.has(cur.status)) refuse(cur, 'be changed');
  if (input.locationId) checkLocation(ctx, input.locationId);
  if (input.customerId) mustGetCustomer(ctx, input.customerId, 'customerId');
  const old = repo.lines(ctx.db, cur.id);
  const confirmed = cur.status === 'confirmed';
  if (confirmed) releaseLines(ctx, record(cur), old);
  const currency = input.currency ?? cur.currency;
  const orderDate = input.orderDate ?? cur.orderDate;
  const sameLines = input.lines === undefined && input.discount === undefined && input.shipping === undefined && input.currency === undefined;
  const next: repo.OrderRecord = {
    ...record(cur),
    customerId: input.customerId !== undefined ? input.customerId : cur.customerId,
    locationId: input.locationId ?? cur.locationId,
    currency,
    orderDate,
    ...(input.currency !== undefined || input.orderDate !== undefined ? rateOn(ctx, currency, orderDate) : {}),
    expiresAt: input.expiresAt !== undefined ? input.expiresAt : cur.expiresAt,
    shipName: input.shipName !== undefined ? input.shipName : cur.shipName,
    shipAddress: input.shipAddress !== undefined ? input.shipAddress : cur.shipAddress,
    shipCountry: input.shipCountry !== undefined ? input.shipCountry : cur.shipCountry,
    notes: input.notes !== undefined ? input.notes : cur.notes,
    updatedAt: ctx.now,
  };
  let lines: repo.LineRecord[] = old;
  if (!sameLines) {
    if (input.lines === undefined && input.currency !== undefined && input.currency !== cur.currency) {
      throw ApiError.field('lines', 'give the lines again with prices in the new currency');
    }
    const given = input.lines ?? old.map((l) => ({ productId: l.productId, qty: l.qty, unitPrice: formatMoney(l.unitPrice, currency), discount: formatMoney(l.discount, currency) }));
    // a line keeps its id while it is the same product at the same place
    const ids = given.map((g, i) => (old[i]?.productId === g.productId ? old[i]!.id : undefined));
    const priced = priceLines(ctx, cur.id, currency, given, input.discount ?? formatMoney(cur.discount, currency), input.shipping ?? formatMoney(cur.shipping, currency), ids);
    for (const l of old) if (!ids.includes(l.id)) repo.deleteLine(ctx.db, l.id);
    lines = priced.lines;
    for (const l of lines) repo.saveLine(ctx.db, l);
    Object.assign(next, { subtotal: priced.subtotal, discount: priced.discount, shipping: priced.shipping, total: priced.total, units: priced.units });
    next.paymentStatus = paymentStatus(next.paid, next.total);
  }
  repo.saveOrder(ctx.db, next);
  if (confirmed) reserveLines(ctx, next, lines);
  ctx.emit('sales.changed', { ids: [cur.id] });
  ctx.emit('stock.changed', { productIds: [...new Set([...old, ...lines].map((l) => l.productId))], locationIds: [...new Set([cur.locationId, next.locationId])] });
  return orderDetail(ctx, cur.id);
}

function confirmLoaded(ctx: Ctx, o: repo.OrderRecord, lines: repo.LineRecord[]): void {
  reserveLines(ctx, o, lines);
  repo.saveOrder(ctx.db, { ...o, status: 'confirmed', confirmedAt: ctx.now, updatedAt: ctx.now });
  ctx.emit('stock.changed', { productIds: [...new Set(lines.map((l) => l.productId))], locationIds: [o.locationId] });
}

export function confirmOrder(ctx: Ctx, id: string): SalesOrderDetail {
  const o = loadOrder(ctx, id);
  if (o.status !== 'draft') throw ApiError.field('id', `${o.number} is confirmed already`, 'conflict');
  confirmLoaded(ctx, record(o), repo.lines(ctx.db, o.id));
  ctx.emit('sales.changed', { ids: [o.id] });
  return orderDetail(ctx, o.id);
}

export function cancelOrder(ctx: Ctx, id: string, reason: string | null): SalesOrderDetail {
  const o = loadOrder(ctx, id);
  if (o.status === 'cancelled') throw ApiError.field('id', `${o.number} is cancelled already`, 'conflict');
  if (!EDITABLE.has(o.status)) {
    throw ApiError.field('id', `${o.number} ${o.status === 'completed' ? 'is completed' : 'has shipped'}: what left comes back as a return, not by cancelling`, 'conflict');
  }
  const lines = repo.lines(ctx.db, o.id);
  releaseLines(ctx, record(o), lines);
  repo.saveOrder(ctx.db, { ...record(o), status: 'cancelled', cancelReason: reason, expiresAt: null, closedAt: ctx.now, updatedAt: ctx.now });
  if (o.liveSessionId && o.status === 'confirmed') sessionOrderReleased(ctx, o.liveSessionId, lines);
  ctx.emit('sales.changed', { ids: [o.id] });
  ctx.emit('stock.changed', { productIds: [...new Set(lines.map((l) => l.productId))], locationIds: [o.locationId] });
  return orderDetail(ctx, o.id);
}

/** Cancels confirmed orders left unpaid past their expiry; returns their numbers. */
export function releaseExpired(ctx: Ctx): string[] {
  return repo.expiredOrders(ctx.db, ctx.now).map((id) => {
    const o = loadOrder(ctx, id);
    cancelOrder(ctx, id, `not paid by ${o.expiresAt!.slice(0, 16).replace('T', ' ')} UTC: reservation released`);
    return o.number;
  });
}

export function payOrder(ctx: Ctx, input: Parsed<'sales.pay'>): SalesOrderDetail {
  const o = loadOrder(ctx, input.id);
  if (o.status === 'cancelled') refuse(o, 'take a payment');
  const amount = amountIn(input.amount, o.currency, 'amount');
  if (amount === 0) throw ApiError.field('amount', 'must be more than zero');
  const due = o.total - o.paid;
  if (amount > due) throw ApiError.field('amount', due > 0 ? `only ${formatMoney(due, o.currency)} ${o.currency} is still due` : 'the order is paid in full', 'conflict');
  const paid = o.paid + amount;
  const next: repo.OrderRecord = { ...record(o), paid, paymentStatus: paymentStatus(paid, o.total), expiresAt: null, updatedAt: ctx.now };
  if (next.status === 'shipped' && next.paymentStatus === 'paid') Object.assign(next, { status: 'completed', closedAt: ctx.now });
  repo.saveOrder(ctx.db, next);
  ctx.emit('sales.changed', { ids: [o.id] });
  return orderDetail(ctx, o.id);
}

export function completeOrder(ctx: Ctx, id: string, note: string | null): SalesOrderDetail {
  const o = loadOrder(ctx, id);
  if (o.status === 'confirmed') throw ApiError.field('id', `nothing of ${o.number} has shipped: ship it, or cancel it`, 'conflict');
  if (o.status !== 'partly_shipped' && o.status !== 'shipped') refuse(o, 'be completed');
  const lines = repo.lines(ctx.db, o.id);
  releaseLines(ctx, record(o), lines);
  const notes = note ? [o.notes, note].filter(Boolean).join('\n') : o.notes;
  repo.saveOrder(ctx.db, { ...record(o), status: 'completed', notes, expiresAt: null, closedAt: ctx.now, updatedAt: ctx.now });
  if (o.liveSessionId && o.status === 'partly_shipped') {
    sessionOrderReleased(
      ctx,
      o.liveSessionId,
      lines.map((l) => ({ ...l, qty: l.qty - l.qtyShipped })).filter((l) => l.qty > 0),
    );
  }
  ctx.emit('sales.changed', { ids: [o.id] });
  ctx.emit('stock.changed', { productIds: [...new Set(lines.map((l) => l.productId))], locationIds: [o.locationId] });
  return orderDetail(ctx, o.id);
}

/** Part of a line's net for units shipped so far, so the parts of several shipments add up to the net exactly. */
export function netShipped(net: number, qty: number, shipped: number): number {
  return toSafeNumber(divRound(BigInt(net) * BigInt(shipped), BigInt(qty)));
}

/** An amount of the order's currency in base minor units at the order's rate (null without one). */
export function toBase(o: Pick<SalesOrder, 'currency' | 'fxRate'>, base: string, minor: number): number | null {
  if (o.currency === base) return minor;
  return o.fxRate === null ? null : convert(minor, o.currency, base, parseRate(o.fxRate));
}

export function orderDetail(ctx: Ctx, id: string): SalesOrderDetail {
  const o = loadOrder(ctx, id);
  const base = baseCurrency(ctx);
  let revenue = 0;
  let cogs = 0;
  let known = true;
  let estimated = false;
  const lines: SalesOrderLine[] = repo.lines(ctx.db, o.id).map((l) => {
    let lineRevenue: number | null = l.revenue;
    let lineCogs = l.cogs;
    const left = l.qty - l.qtyShipped;
    const est = left > 0 && o.status !== 'cancelled' && o.status !== 'completed';
    if (est) {
      const rest = toBase(o, base, l.net - netShipped(l.net, l.qty, l.qtyShipped));
      const avg = repo.stockAt(ctx.db, l.productId, o.locationId).avgCostE4;
      lineRevenue = rest === null ? null : l.revenue + rest;
      lineCogs += Math.round((avg * left) / 10_000);
    }
    if (lineRevenue === null) known = false;
    else {
      revenue += lineRevenue;
      cogs += lineCogs;
    }
    estimated ||= est;
    const { orderId: _o, ...rest } = l;
    return { ...rest, margin: lineRevenue === null ? null : lineRevenue - lineCogs, marginEstimated: est };
  });
  return {
    order: o,
    baseCurrency: base,
    lines,
    fulfilments: repo.fulfilments(ctx.db, o.id),
    margin: known && o.status !== 'cancelled' ? { revenue, cogs, margin: revenue - cogs, marginPct: percent(revenue - cogs, revenue), estimated } : null,
    can: {
      edit: EDITABLE.has(o.status),
      confirm: o.status === 'draft',
      ship: o.status === 'confirmed' || o.status === 'partly_shipped',
      pay: o.status !== 'cancelled' && o.paid < o.total,
      cancel: EDITABLE.has(o.status),
      complete: o.status === 'partly_shipped' || o.status === 'shipped',
    },
  };
}
