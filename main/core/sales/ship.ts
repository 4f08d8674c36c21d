// Shipping an order, whole or in part: the units leave the order's location as 'sale' movements
// at the moving-average cost of that moment — on a new outbound shipment (which then carries the
// tracking, papers and any return), or handed over with no parcel. Each line's reservation shrinks
// by what shipped first, so only other orders' reservations stand in the way.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { SalesOrderDetail } from '../../common/api/sales-types';
import * as ledger from '../../db/repos/ledger';
import * as repo from '../../db/repos/sales';
import * as shipmentsRepo from '../../db/repos/shipments';
import { formatMoney } from '../../common/money';
import { recordShipped } from '../reorder/promotions';
import type { Ctx } from '../context';
import { findRate } from '../fx/service';
import { uuidv7 } from '../ids';
import { baseCurrency } from '../settings/service';
import { dispatchShipment } from '../shipments/flow';
import { create as createShipment, load as loadShipment } from '../shipments/service';
import { businessTime, post } from '../stock/post';
import { loadOrder, netShipped, orderDetail, record, toBase } from './orders';
import { reserve, reservedFor } from './reserve';

export function shipOrder(ctx: Ctx, input: Parsed<'sales.ship'>): SalesOrderDetail {
  const o = loadOrder(ctx, input.id);
  if (o.status === 'draft') throw ApiError.field('id', `${o.number} is a draft: confirm it first`, 'conflict');
  if (o.status !== 'confirmed' && o.status !== 'partly_shipped') throw ApiError.field('id', `${o.number} ${o.status === 'cancelled' ? 'is cancelled' : 'has shipped in full'}: there is nothing to ship`, 'conflict');
  const all = repo.lines(ctx.db, o.id);
  const picks = input.lines
    ? input.lines.map((p, i) => {
        const line = all.find((l) => l.id === p.lineId);
        if (!line) throw ApiError.field(`lines.${i}.lineId`, 'is not a line of this order', 'not_found');
        if (input.lines!.findIndex((q) => q.lineId === p.lineId) !== i) throw ApiError.field(`lines.${i}.lineId`, 'this line is listed twice');
        const left = line.qty - line.qtyShipped;
        if (p.qty > left) throw ApiError.field(`lines.${i}.qty`, left ? `only ${left} left to ship` : 'has shipped in full');
        return { line, qty: p.qty, field: `lines.${i}.qty` };
      })
    : all.filter((l) => l.qty > l.qtyShipped).map((line) => ({ line, qty: line.qty - line.qtyShipped, field: `lines.${line.position}.qty` }));
  if (!picks.length) throw ApiError.field('lines', 'choose what to ship');

  const at = businessTime(ctx, input.at, 'at');
  const day = at.slice(0, 10);
  const base = baseCurrency(ctx);
  const rated = o.fxRate !== null ? o : { ...o, fxRate: findRate(ctx.db, o.currency, base, o.orderDate)?.rate ?? findRate(ctx.db, o.currency, base, day)?.rate ?? null };
  if (toBase(rated, base, 0) === null) throw ApiError.field('id', `No ${o.currency} → ${base} rate is known for ${o.orderDate}: enter one under Rates first`);

  // the shipped units leave their reservation before they leave the shelf
  const hold = (l: repo.LineView) => ({ kind: 'order_line' as const, refId: l.id, productId: l.productId });
  for (const p of picks) reserve(ctx, hold(p.line), o.locationId, Math.max(reservedFor(ctx, hold(p.line)) - p.qty, 0), p.field);

  let shipmentId: string | null = null;
  let seqs: number[];
  if (input.parcel) {
    const value = picks.reduce((a, p) => a + netShipped(p.line.net, p.line.qty, p.line.qtyShipped + p.qty) - netShipped(p.line.net, p.line.qty, p.line.qtyShipped), 0);
    const s = createShipment(ctx, {
      direction: 'outbound',
      supplierId: null,
      fromLocationId: o.locationId,
      toLocationId: null,
      customer: o.shipName ?? o.customerName,
      shipTo: o.shipAddress,
      shipToCountry: o.shipCountry,
      carrier: input.parcel.carrier,
      service: input.parcel.service,
      incoterm: null,
      declaredValue: formatMoney(value, o.currency),
      currency: o.currency,
      volumetricDivisor: 5000,
      shippedOn: day,
      eta: null,
      notes: `Order ${o.number}`,
      trackingNumbers: input.parcel.trackingNumbers,
      parcels: [],
      legs: [],
      lines: picks.map((p) => ({ poLineId: null, productId: p.line.productId, qty: p.qty })),
    }).shipment;
    shipmentsRepo.linkSalesLines(ctx.db, s.id, picks.map((p) => p.line.id));
    shipmentId = s.id;
    seqs = dispatchShipment(ctx, loadShipment(ctx, s.id), at, (_l, i) => reservedFor(ctx, hold(picks[i]!.line)));
  } else {
    seqs = picks.map((p) =>
      post(ctx, {
        productId: p.line.productId,
        locationId: o.locationId,
        kind: 'sale',
        qty: -p.qty,
        occurredAt: at,
        reason: 'handed over',
        note: o.number,
        docType: 'sales_order',
        docId: o.id,
        fields: { qty: p.field },
        ownReserved: reservedFor(ctx, hold(p.line)),
      }),
    );
  }

  const moves = ledger.movementsBySeq(ctx.db, seqs);
  const fulfilmentId = uuidv7();
  repo.insertFulfilment(ctx.db, { id: fulfilmentId, orderId: o.id, shipmentId, shippedAt: at }, ctx.now);
  picks.forEach((p, i) => {
    const l = p.line;
    const shipped = l.qtyShipped + p.qty;
    const revenue = toBase(rated, base, netShipped(l.net, l.qty, shipped) - netShipped(l.net, l.qty, l.qtyShipped))!;
    const cogs = -moves[i]!.value;
    repo.insertFulfilmentLine(ctx.db, { fulfilmentId, orderLineId: l.id, qty: p.qty, revenue, cogs });
    const { sku: _s, name: _n, localName: _ln, barcode: _b, reserved: _r, ...rec } = l;
    repo.saveLine(ctx.db, { ...rec, qtyShipped: shipped, revenue: l.revenue + revenue, cogs: l.cogs + cogs });
    repo.addSalesDay(ctx.db, { day, productId: l.productId, locationId: o.locationId, channel: o.channel, qty: p.qty, revenue, cogs });
    recordShipped(ctx, { day, productId: l.productId, locationId: o.locationId, qty: p.qty, liveSessionId: o.liveSessionId });
  });

  const done = repo.lines(ctx.db, o.id).every((l) => l.qtyShipped === l.qty);
  const status = done ? (o.paymentStatus === 'paid' ? 'completed' : 'shipped') : 'partly_shipped';
  repo.saveOrder(ctx.db, { ...record(o), fxRate: rated.fxRate, status, shippedAt: at, closedAt: status === 'completed' ? ctx.now : null, expiresAt: null, updatedAt: ctx.now });
  ctx.emit('sales.changed', { ids: [o.id] });
  ctx.emit('stock.changed', { productIds: [...new Set(picks.map((p) => p.line.productId))], locationIds: [o.locationId] });
  return orderDetail(ctx, o.id);
}
