// What a shipment cost and what customs made of it. Costs (freight, insurance, brokerage, duty
// and taxes actually paid...) are kept in the currency they were paid in; an inbound shipment's
// become one landed-cost document over the receipts it posted, so its freight and duty land on
// the PO lines it carried and nowhere else. Taxes a registered business reclaims are recorded
// as paid but kept out of the goods' cost.
import { api, type Parsed } from '../../common/api';
import { ApiError } from '../../common/api/errors';
import type { ShipmentDetail } from '../../common/api/types';
import { inCustomsValueByDefault } from '../../common/calc/landed';
import { formatMoney } from '../../common/money';
import * as repo from '../../db/repos/shipments';
import { getSupplier } from '../../db/repos/suppliers';
import type { Ctx } from '../context';
import { uuidv7 } from '../ids';
import * as landed from '../landed/documents';
import { get, load } from './service';
import { amountIn } from '../amount';

export function setCustoms(ctx: Ctx, input: Parsed<'shipments.setCustoms'>): ShipmentDetail {
  const s = load(ctx, input.id);
  if (s.direction !== 'inbound') throw ApiError.field('status', 'customs clearance is recorded on inbound shipments');
  if (input.status === 'cleared' && !input.clearedOn) throw ApiError.field('clearedOn', 'say when it was cleared');
  if (input.status !== 'cleared' && input.clearedOn) throw ApiError.field('clearedOn', 'only a cleared shipment has a clearance date');
  if (input.clearedOn && input.clearedOn > ctx.now.slice(0, 10)) throw ApiError.field('clearedOn', 'cannot be in the future');
  repo.saveShipment(ctx.db, {
    ...s,
    customsStatus: input.status,
    customsBroker: input.broker,
    customsEntry: input.entryNumber,
    customsClearedOn: input.clearedOn,
    updatedAt: ctx.now,
  });
  ctx.emit('shipments.changed', { ids: [s.id] });
  return get(ctx, s.id);
}

/** The landed-cost document made from the shipment, unless it was cancelled. */
function liveLandedCost(ctx: Ctx, s: repo.ShipmentRecord) {
  const doc = s.landedCostId ? repo.landedCostRef(ctx.db, s.landedCostId) : null;
  return doc && doc.status !== 'cancelled' ? doc : null;
}

export function setCosts(ctx: Ctx, input: Parsed<'shipments.setCosts'>): ShipmentDetail {
  const s = load(ctx, input.id);
  const doc = liveLandedCost(ctx, s);
  if (doc?.status === 'posted') throw ApiError.field('costs', `${doc.number} carries these costs into stock: reverse it first, then change them`, 'conflict');
  const records = input.costs.map((c, i): repo.CostRecord => {
    const amount = amountIn(c.amount, c.currency, `costs.${i}.amount`);
    if (c.supplierId && !getSupplier(ctx.db, c.supplierId)) throw ApiError.field(`costs.${i}.supplierId`, 'No such supplier', 'not_found');
    return {
      id: uuidv7(),
      kind: c.kind,
      label: c.label,
      amount,
      currency: c.currency,
      split: c.split,
      inCustomsValue: c.inCustomsValue ?? inCustomsValueByDefault(c.kind),
      recoverable: c.recoverable,
      supplierId: c.supplierId,
      reference: c.reference,
    };
  });
  repo.replaceCosts(ctx.db, s.id, records);
  ctx.emit('shipments.changed', { ids: [s.id] });
  return get(ctx, s.id);
}

/**
 * The shipment's costs as a landed-cost document over its receipts (a draft made earlier is
 * brought up to date), posted when asked. Dated the day customs cleared it, else the day it
 * was received, so each charge converts at that day's rate unless entered otherwise.
 */
export function landCost(ctx: Ctx, input: Parsed<'shipments.landCost'>): ShipmentDetail {
  const s = load(ctx, input.id);
  if (s.direction !== 'inbound') throw ApiError.field('id', 'only an inbound shipment lands cost on receipts', 'conflict');
  const receiptIds = repo
    .receipts(ctx.db, s.id)
    .filter((r) => !r.reversed)
    .map((r) => r.id);
  if (!s.receivedAt || !receiptIds.length) throw ApiError.field('id', `${s.number} has not been received: receive it first`, 'conflict');
  const doc = liveLandedCost(ctx, s);
  if (doc?.status === 'posted') throw ApiError.field('id', `${doc.number} already carries this shipment's costs`, 'conflict');
  const costs = repo.costs(ctx.db, s.id).filter((c) => !c.recoverable);
  if (!costs.length) throw ApiError.field('costs', `record what ${s.number} cost first (freight, duty…)`);
  const body = {
    receiptIds,
    docDate: s.customsClearedOn ?? s.receivedAt.slice(0, 10),
    customs: null,
    notes: [`Costs of shipment ${s.number}`, s.customsEntry ? `customs entry ${s.customsEntry}` : null, s.customsBroker ? `broker ${s.customsBroker}` : null].filter(Boolean).join(', '),
    charges: costs.map((c) => ({
      kind: c.kind,
      label: c.label,
      amount: formatMoney(c.amount, c.currency),
      currency: c.currency,
      split: c.split,
      inCustomsValue: c.inCustomsValue,
      supplierId: c.supplierId,
      reference: c.reference,
    })),
    lines: [],
  };
  const made = doc ? landed.update(ctx, api['landed.update'].input.parse({ id: doc.id, ...body })) : landed.create(ctx, api['landed.create'].input.parse(body));
  repo.saveShipment(ctx.db, { ...load(ctx, s.id), landedCostId: made.id, updatedAt: ctx.now });
  if (input.post) landed.post(ctx, made.id);
  ctx.emit('shipments.changed', { ids: [s.id] });
  return get(ctx, s.id);
}
