// Receiving what arrives against a purchase order: any part of any lines, into a location,
// valued in the base currency at the receipt's exchange rate (the receipt keeps that rate), with
// damaged units sent to quarantine or written off. Every unit goes through the stock ledger, so
// moving-average costs follow; the order's status follows its receipts.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { Receipt } from '../../common/api/types';
import { convert, formatRate, parseRate } from '../../common/calc/fx';
import { allocate } from '../../common/money';
import { postedDocsOnReceipt } from '../../db/repos/landed';
import * as po from '../../db/repos/purchasing';
import * as repo from '../../db/repos/receipts';
import type { Ctx } from '../context';
import { findRate } from '../fx/service';
import { uuidv7 } from '../ids';
import { businessTime, post } from '../stock/post';
import { nextNumber } from './service';

function receiptRate(ctx: Ctx, order: po.PoRecord, day: string, given: string | undefined) {
  if (given !== undefined) {
    try {
      return { fxRate: formatRate(parseRate(given)), fxDay: day, fxSource: 'entered' };
    } catch (e) {
      throw ApiError.field('fxRate', (e as Error).message);
    }
  }
  const q = findRate(ctx.db, order.currency, order.baseCurrency, day);
  if (!q) {
    throw ApiError.field('fxRate', `No ${order.currency}→${order.baseCurrency} rate on or before ${day}: import rates or enter the rate used`);
  }
  return { fxRate: q.rate, fxDay: q.day, fxSource: q.source };
}

export function receive(ctx: Ctx, input: Parsed<'purchasing.receive'>): Receipt {
  const order = po.getPo(ctx.db, input.poId);
  if (!order) throw ApiError.field('poId', 'No such purchase order', 'not_found');
  if (!['sent', 'partially_received', 'received'].includes(order.status)) {
    throw ApiError.field('poId', `${order.number} is ${order.status.replace('_', ' ')}: only a sent order can be received`, 'conflict');
  }
  const receivedAt = businessTime(ctx, input.receivedAt, 'receivedAt');
  const rate = receiptRate(ctx, order, receivedAt.slice(0, 10), input.fxRate);
  const orderLines = po.poLines(ctx.db, order.id);
  const id = uuidv7();
  const number = nextNumber(ctx, 'receipt_next_number', 'GR');
  const seen = new Set<string>();
  const records: repo.ReceiptLineRecord[] = [];

  input.lines.forEach((l, i) => {
    const f = (name: string) => `lines.${i}.${name}`;
    const line = orderLines.find((x) => x.id === l.lineId);
    if (!line) throw ApiError.field(f('lineId'), `not a line of ${order.number}`, 'not_found');
    if (seen.has(l.lineId)) throw ApiError.field(f('lineId'), 'this line is listed twice');
    seen.add(l.lineId);
    const units = l.qty + l.damagedQty;
    const over = line.qtyReceived + units - line.qtyOrdered;
    if (over > 0 && !l.reason) throw ApiError.field(f('reason'), `${over} more than ordered: say why (e.g. supplier's extra, free samples)`);
    // the units' cost in the base currency, converted once, then shared between good and damaged
    const valueBase = convert(units * line.unitPrice, order.currency, order.baseCurrency, parseRate(rate.fxRate));
    const [goodValue, damagedValue] = allocate(valueBase, [l.qty, l.damagedQty]) as [number, number];
    const common = { productId: line.productId, occurredAt: receivedAt, note: `${order.number} ${number}`, docType: 'receipt', docId: id };
    if (l.qty > 0) {
      post(ctx, { ...common, locationId: input.locationId, kind: 'receipt', qty: l.qty, value: goodValue, reason: l.reason ?? null, fields: { qty: f('qty'), location: 'locationId' } });
    }
    if (l.damagedQty > 0 && l.damagedAction === 'quarantine') {
      post(ctx, { ...common, locationId: l.quarantineLocationId!, kind: 'receipt', qty: l.damagedQty, value: damagedValue, reason: 'damaged', fields: { qty: f('damagedQty'), location: f('quarantineLocationId') } });
    } else if (l.damagedQty > 0) {
      // counted in and written off at once, so the loss carries its cost
      post(ctx, { ...common, locationId: input.locationId, kind: 'receipt', qty: l.damagedQty, value: damagedValue, reason: 'damaged', fields: { qty: f('damagedQty'), location: 'locationId' } });
      post(ctx, { ...common, locationId: input.locationId, kind: 'write_off', qty: -l.damagedQty, value: damagedValue, reason: 'damaged', fields: { qty: f('damagedQty'), location: 'locationId' } });
    }
    repo.addReceived(ctx.db, line.id, units, ctx.now);
    records.push({
      id: uuidv7(),
      poLineId: line.id,
      productId: line.productId,
      qty: l.qty,
      damagedQty: l.damagedQty,
      damagedAction: l.damagedQty > 0 ? (l.damagedAction ?? null) : null,
      quarantineLocationId: l.damagedAction === 'quarantine' ? (l.quarantineLocationId ?? null) : null,
      unitPrice: line.unitPrice,
      valueBase,
      reason: l.reason ?? null,
    });
  });

  repo.insertReceipt(ctx.db, { id, number, poId: order.id, locationId: input.locationId, receivedAt, ...rate, notes: input.notes ?? null, createdAt: ctx.now }, records);
  po.savePo(ctx.db, { ...order, status: statusFromLines(po.poLines(ctx.db, order.id)), updatedAt: ctx.now });
  ctx.emit('purchasing.changed', { ids: [order.id] });
  ctx.emit('stock.changed', { productIds: [...new Set(records.map((r) => r.productId))], locationIds: [input.locationId] });
  return repo.receiptsOf(ctx.db, order.id).find((r) => r.id === id)!;
}

/** The order's status from what its lines have received. */
function statusFromLines(lines: { qtyOrdered: number; qtyReceived: number }[]): 'sent' | 'partially_received' | 'received' {
  if (lines.every((l) => l.qtyReceived >= l.qtyOrdered)) return 'received';
  return lines.some((l) => l.qtyReceived > 0) ? 'partially_received' : 'sent';
}

/**
 * Takes a receipt back out: each unit leaves at the value it came in with (restoring the
 * average it moved), damaged units leave quarantine, written-off ones need nothing. Refused if
 * the stock is no longer there, or the receipt was reversed already.
 */
export function reverseReceipt(ctx: Ctx, input: Parsed<'purchasing.reverseReceipt'>): Receipt {
  const poId = repo.receiptPoId(ctx.db, input.id);
  if (!poId) throw ApiError.field('id', 'No such receipt', 'not_found');
  const order = po.getPo(ctx.db, poId)!;
  if (order.status === 'closed' || order.status === 'cancelled') throw ApiError.field('id', `${order.number} is ${order.status}; reopen it first`, 'conflict');
  const receipt = repo.receiptsOf(ctx.db, poId).find((r) => r.id === input.id)!;
  if (receipt.reversed) throw ApiError.field('id', `${receipt.number} was reversed already`, 'conflict');
  const landed = postedDocsOnReceipt(ctx.db, receipt.id);
  if (landed.length) throw ApiError.field('id', `${receipt.number} carries landed cost ${landed.join(', ')}: reverse that first`, 'conflict');
  const where = repo.receiptLineLocations(ctx.db, receipt.id);
  const common = { occurredAt: ctx.now, reason: 'correction', docType: 'receipt_reversal', docId: receipt.id, fields: { qty: 'id', location: 'id', product: 'id' } };
  const note = [`reverses ${receipt.number} of ${order.number}`, input.note].filter(Boolean).join(': ');
  receipt.lines.forEach((l, i) => {
    const [goodValue, damagedValue] = allocate(l.valueBase, [l.qty, l.damagedQty]) as [number, number];
    if (l.qty > 0) post(ctx, { ...common, note, productId: l.productId, locationId: receipt.locationId, kind: 'receipt', qty: -l.qty, value: goodValue });
    if (l.damagedQty > 0 && l.damagedAction === 'quarantine') {
      post(ctx, { ...common, note, productId: l.productId, locationId: where[i]!.quarantineLocationId!, kind: 'receipt', qty: -l.damagedQty, value: damagedValue });
    }
    repo.addReceived(ctx.db, l.poLineId, -(l.qty + l.damagedQty), ctx.now);
  });
  po.savePo(ctx.db, { ...order, status: statusFromLines(po.poLines(ctx.db, order.id)), updatedAt: ctx.now });
  ctx.emit('purchasing.changed', { ids: [order.id] });
  ctx.emit('stock.changed', { productIds: [...new Set(receipt.lines.map((l) => l.productId))], locationIds: [receipt.locationId] });
  return repo.receiptsOf(ctx.db, poId).find((r) => r.id === input.id)!;
}
