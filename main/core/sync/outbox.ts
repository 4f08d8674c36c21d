// The outbox (DESIGN.md §6): placing a purchase order with a connected supplier writes the order and
// its outbox row in the same transaction; the sync runner sends it later, in order per supplier.
// What is sent is fixed when it is queued, under a key that is the same on every attempt.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { OutboxItem, PoSync } from '../../common/api/sync-types';
import { formatMoney } from '../../common/money';
import { getPo, poLines, type PoRecord } from '../../db/repos/purchasing';
import * as repo from '../../db/repos/sync';
import type { OrderRequest } from '../../sync/protocol/types';
import type { Ctx } from '../context';

/** Kinds of connection that take orders (a price list does not). */
export const TAKES_ORDERS = new Set(['open_protocol', 'cj']);

export function orderRequest(ctx: Ctx, po: PoRecord): OrderRequest {
  return {
    reference: po.number,
    currency: po.currency,
    lines: poLines(ctx.db, po.id).map((l) => ({ sku: l.supplierSku ?? l.sku, qty: l.qtyOrdered, unitPrice: formatMoney(l.unitPrice, po.currency as never) })),
    note: po.notes,
  };
}

/** Called as an order is sent: queues it when its supplier is connected for orders. */
export function queueIfConnected(ctx: Ctx, poId: string): void {
  const po = getPo(ctx.db, poId)!;
  const conn = repo.getConnection(ctx.db, po.supplierId);
  if (!conn || !TAKES_ORDERS.has(conn.kind)) return;
  repo.enqueue(ctx.db, { key: po.id, supplierId: po.supplierId, poId: po.id, payload: JSON.stringify(orderRequest(ctx, po)), at: ctx.now });
  ctx.emit('sync.changed', { supplierIds: [po.supplierId] });
}

/**
 * As an order is cancelled: one that never left stops here. One that may have reached the supplier
 * (on the wire, to be looked up, or sent) cannot be taken back from here — the merchant is told.
 */
export function cancelQueued(ctx: Ctx, poId: string): void {
  const item = repo.outboxForPo(ctx.db, poId);
  if (!item) return;
  if ((item.state === 'queued' && item.attempts === 0) || item.state === 'rejected') {
    repo.setOutbox(ctx.db, { ...item, state: 'cancelled', lastError: item.lastError ?? 'cancelled before it was sent', at: ctx.now });
    ctx.emit('sync.changed', { supplierIds: [item.supplierId] });
    return;
  }
  if (item.state !== 'cancelled') {
    throw ApiError.field('id', `${item.poNumber} may already be with ${item.supplierName}: cancel it with them first, then close it here`, 'conflict');
  }
}

function mustItem(ctx: Ctx, seq: number): OutboxItem {
  const item = repo.outboxItem(ctx.db, seq);
  if (!item) throw ApiError.field('seq', 'No such outbox item', 'not_found');
  return item;
}

export function retry(ctx: Ctx, input: Parsed<'sync.retry'>): OutboxItem {
  const item = mustItem(ctx, input.seq);
  if (item.state === 'done' || item.state === 'cancelled') throw ApiError.field('seq', `${item.poNumber} is ${item.state}: there is nothing to retry`, 'conflict');
  if (item.state === 'sending') throw ApiError.field('seq', `${item.poNumber} is being sent right now`, 'conflict');
  // a rejected order starts over, sent again as it is now (the merchant may have fixed a SKU);
  // a waiting one just stops waiting
  const po = getPo(ctx.db, item.poId)!;
  if (item.state === 'rejected') {
    if (po.status !== 'sent') throw ApiError.field('seq', `${po.number} is ${po.status.replace('_', ' ')}: it is not sent again`, 'conflict');
    repo.setPayload(ctx.db, item.seq, JSON.stringify(orderRequest(ctx, po)));
  }
  repo.setOutbox(ctx.db, { ...item, state: item.state === 'rejected' ? 'queued' : item.state, attempts: item.state === 'rejected' ? 0 : item.attempts, nextAt: null, at: ctx.now });
  ctx.emit('sync.changed', { supplierIds: [item.supplierId] });
  return repo.outboxItem(ctx.db, item.seq)!;
}

export function dismiss(ctx: Ctx, input: Parsed<'sync.dismiss'>): OutboxItem {
  const item = mustItem(ctx, input.seq);
  const neverSent = item.state === 'queued' && item.attempts === 0;
  if (item.state !== 'rejected' && !neverSent) {
    throw ApiError.field('seq', `${item.poNumber} may already be with ${item.supplierName} (${item.state}); only an order that never reached them can be taken out`, 'conflict');
  }
  repo.setOutbox(ctx.db, { ...item, state: 'cancelled', at: ctx.now });
  ctx.emit('sync.changed', { supplierIds: [item.supplierId] });
  return repo.outboxItem(ctx.db, item.seq)!;
}

export function poSync(ctx: Ctx, poId: string): PoSync {
  const po = getPo(ctx.db, poId);
  if (!po) throw ApiError.field('poId', 'No such purchase order', 'not_found');
  return {
    connected: repo.getConnection(ctx.db, po.supplierId) !== null,
    outbox: repo.outboxForPo(ctx.db, poId),
    ack: repo.supplierAck(ctx.db, poId),
    shipments: repo.shipmentsForPo(ctx.db, poId),
  };
}
