// What a supplier sent, applied inside one transaction per page (the caller's Ctx): the catalogue
// mirror upserted, differences from the merchant's own supplier terms kept for review (never
// applied by themselves), orders' acknowledgements recorded against our purchase orders, and
// shipment notices turned into inbound shipments with their tracking events.
import { api } from '../../common/api';
import { ApiError } from '../../common/api/errors';
import type { ChangeKind } from '../../common/api/sync-types';
import type { SupplierProduct } from '../../common/api/types';
import { currencyExponent, divRound, formatMoney, isCurrency, parseScaled, formatScaled } from '../../common/money';
import * as repo from '../../db/repos/sync';
import { findSupplierProductBySku } from '../../db/repos/suppliers';
import { getPo, poLines } from '../../db/repos/purchasing';
import { listLocations } from '../../db/repos/locations';
import type { Availability, CatalogItem, Order, Price, Shipment, TrackingEvent } from '../../sync/protocol/types';
import type { Ctx } from '../context';
import { uuidv7 } from '../ids';
import { create as createShipment } from '../shipments/service';
import { addSupplierEvents } from '../shipments/events';

// ---- catalogue, prices, availability -------------------------------------------------------------

/** Keeps a difference between the supplier's term and ours for review, or drops one that healed. */
function compare(ctx: Ctx, sp: SupplierProduct, kind: ChangeKind, ours: string | null, theirs: string | null): void {
  if (ours === theirs) return repo.dropPendingChange(ctx.db, sp.id, kind);
  // the merchant already said no to exactly this: do not ask again
  const last = repo.lastDecision(ctx.db, sp.id, kind);
  if (last && last.status === 'dismissed' && last.newValue === theirs) return;
  repo.putPendingChange(ctx.db, { id: uuidv7(), supplierId: sp.supplierId, supplierProductId: sp.id, sku: sp.supplierSku, kind, oldValue: ours, newValue: theirs, detectedAt: ctx.now });
}

export function applyCatalog(ctx: Ctx, supplierId: string, items: CatalogItem[], leadTimeDefault: number): void {
  for (const i of items) {
    repo.upsertCatalogItem(ctx.db, { supplierId, ...i, seenAt: ctx.now });
    const sp = findSupplierProductBySku(ctx.db, supplierId, i.sku);
    if (!sp || sp.status !== 'active') continue;
    compare(ctx, sp, 'discontinued', 'active', i.status);
    compare(ctx, sp, 'moq', String(sp.moq), String(i.moq));
    compare(ctx, sp, 'order_multiple', String(sp.orderMultiple), String(i.orderMultiple));
    if (i.leadTimeDays !== null) compare(ctx, sp, 'lead_time', String(sp.leadTimeDays ?? leadTimeDefault), String(i.leadTimeDays));
  }
}

/** A supplier's decimal in the currency's minor units, half away from zero (they may quote 4 decimals). */
export function toMinor(decimal: string, currency: string): number {
  const exp = currencyExponent(currency as never);
  const scaled = parseScaled(decimal, 12);
  return Number(divRound(scaled, 10n ** BigInt(12 - exp)));
}

export interface PriceTerm {
  currency: string;
  unitPrice: string;
  breaks: { minQty: number; unitPrice: string }[];
}

/** A price with its breaks as comparable text (the value a price change holds). */
export function priceText(p: PriceTerm): string {
  return JSON.stringify({ currency: p.currency, unitPrice: p.unitPrice, breaks: p.breaks.map((b) => ({ minQty: b.minQty, unitPrice: b.unitPrice })) });
}

function ourPrice(sp: SupplierProduct, currency: string): string {
  return priceText({ currency, unitPrice: formatMoney(sp.unitPrice, currency as never), breaks: sp.priceBreaks.map((b) => ({ minQty: b.minQty, unitPrice: formatMoney(b.unitPrice, currency as never) })) });
}

function theirPrice(p: Price): string {
  const norm = (d: string) => formatScaled(BigInt(toMinor(d, p.currency)), currencyExponent(p.currency as never));
  const breaks = [...p.breaks].sort((a, b) => a.minQty - b.minQty).map((b) => ({ minQty: b.minQty, unitPrice: norm(b.unitPrice) }));
  return priceText({ currency: p.currency, unitPrice: norm(p.unitPrice), breaks });
}

/** Returns how many prices were in another currency than the supplier's (mirrored, not compared). */
export function applyPrices(ctx: Ctx, supplierId: string, supplierCurrency: string, items: Price[]): number {
  let foreign = 0;
  for (const p of items) {
    repo.upsertPrice(ctx.db, { supplierId, sku: p.sku, currency: p.currency, unitPrice: p.unitPrice, breaks: JSON.stringify(p.breaks), updatedAt: p.updatedAt, seenAt: ctx.now });
    const sp = findSupplierProductBySku(ctx.db, supplierId, p.sku);
    if (!sp || sp.status !== 'active') continue;
    if (p.currency !== supplierCurrency || !isCurrency(p.currency)) {
      foreign++;
      continue;
    }
    compare(ctx, sp, 'price', ourPrice(sp, supplierCurrency), theirPrice(p));
  }
  return foreign;
}

export function applyAvailability(ctx: Ctx, supplierId: string, items: Availability[]): void {
  for (const a of items) repo.upsertAvailability(ctx.db, { supplierId, sku: a.sku, available: a.available, restockDate: a.restockDate, updatedAt: a.updatedAt, seenAt: ctx.now });
}

// ---- orders ---------------------------------------------------------------------------------------

/** Records what the supplier says about orders we sent; returns how many were ours. */
export function applyOrders(ctx: Ctx, supplierId: string, orders: Order[]): number {
  let ours = 0;
  for (const o of orders) {
    // by our key, or (a platform that only knows our order number) by the purchase-order number
    const poId = repo.poIdByKey(ctx.db, supplierId, o.idempotencyKey) ?? repo.poIdByReference(ctx.db, supplierId, o.reference);
    if (!poId) continue;
    ours++;
    repo.saveSupplierOrder(ctx.db, {
      supplierId,
      remoteId: o.id,
      poId,
      status: o.status,
      // an order list without lines keeps the lines already known
      lines: o.lines.length ? JSON.stringify(o.lines) : null,
      reasons: JSON.stringify(o.reasons),
      updatedAt: o.updatedAt,
      at: ctx.now,
    });
  }
  return ours;
}

// ---- shipments --------------------------------------------------------------------------------------

const EVENT_STATUS = {
  info_received: 'created',
  in_transit: 'in_transit',
  customs: 'at_customs',
  out_for_delivery: 'out_for_delivery',
  delivered: 'delivered',
  exception: 'exception',
} as const;

/** Where goods from a supplier arrive when nothing says otherwise: the first own location. */
function receivingLocation(ctx: Ctx, preferred: string | null): string | null {
  const active = listLocations(ctx.db, false).filter((l) => l.kind !== 'in_transit');
  return (active.find((l) => l.id === preferred) ?? active.find((l) => l.kind === 'own') ?? active[0])?.id ?? null;
}

export type ShipmentApplied = { kind: 'created' | 'updated' | 'unchanged'; shipmentId: string } | { kind: 'skipped'; reason: string };

/**
 * A shipment notice: the first time, an inbound shipment for the lines of our order it names; then
 * its tracking events (the same event twice is kept once).
 */
export function applyShipment(ctx: Ctx, supplierId: string, s: Shipment, events: TrackingEvent[], receiveAt: string | null): ShipmentApplied {
  const known = repo.supplierShipment(ctx.db, supplierId, s.id);
  let shipmentId: string;
  if (!known) {
    const ack = repo.supplierOrderByRemoteId(ctx.db, supplierId, s.orderId);
    const po = ack ? getPo(ctx.db, ack.poId) : null;
    if (!po) return { kind: 'skipped', reason: `shipment ${s.id} is for an order Crossdock did not send (${s.reference})` };
    if (po.status !== 'sent' && po.status !== 'partially_received') return { kind: 'skipped', reason: `shipment ${s.id}: ${po.number} is ${po.status.replace('_', ' ')}` };
    const bySku = new Map(poLines(ctx.db, po.id).map((l) => [l.supplierSku ?? l.sku, l]));
    const lines = s.lines.flatMap((l) => {
      const pl = bySku.get(l.sku);
      return pl ? [{ poLineId: pl.id, qty: l.qty }] : [];
    });
    if (!lines.length) return { kind: 'skipped', reason: `shipment ${s.id}: none of its SKUs is on ${po.number}` };
    const to = receivingLocation(ctx, receiveAt);
    if (!to) return { kind: 'skipped', reason: `shipment ${s.id}: there is no location to receive it at` };
    const input = api['shipments.create'].input.safeParse({
      direction: 'inbound',
      supplierId,
      toLocationId: to,
      carrier: s.carrier.slice(0, 60) || null,
      shippedOn: s.shippedAt.slice(0, 10),
      trackingNumbers: s.trackingNumbers,
      notes: `Shipment notice ${s.id} from the supplier for ${po.number}`,
      lines,
    });
    if (!input.success) return { kind: 'skipped', reason: `shipment ${s.id}: ${input.error.issues[0]!.path.join('.')}: ${input.error.issues[0]!.message}` };
    try {
      // a savepoint: a notice our rules refuse (more than the order still expects, a tracking number
      // already on another shipment) leaves nothing behind and the rest of the page goes on
      shipmentId = ctx.db.transaction(() => createShipment(ctx, input.data).shipment.id)();
    } catch (e) {
      if (e instanceof ApiError) return { kind: 'skipped', reason: `shipment ${s.id}: ${e.message}` };
      throw e;
    }
  } else if (known.updatedAt === s.updatedAt) {
    return { kind: 'unchanged', shipmentId: known.shipmentId };
  } else shipmentId = known.shipmentId;
  repo.saveSupplierShipment(ctx.db, { supplierId, remoteId: s.id, shipmentId, updatedAt: s.updatedAt });
  const added = addSupplierEvents(
    ctx,
    shipmentId,
    events.map((e) => ({ at: new Date(e.at).toISOString(), status: EVENT_STATUS[e.status], place: e.place, text: e.text })),
  );
  // a notice heard again with nothing new (a platform that stamps every answer "now") changed nothing
  return { kind: known ? (added ? 'updated' : 'unchanged') : 'created', shipmentId };
}
