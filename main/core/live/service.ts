// Live selling sessions. Planned: products with a live price and a cap. On air: each product's cap
// is held at the session's location (nobody else can sell those units), and viewers' claims come
// out of that hold — never beyond it, so nothing is sold twice; beyond it they wait. Closed: the
// hold is released and each buyer's claims become one confirmed order, which reserves the same
// units again in the same transaction; unpaid ones expire after the session's hold hours.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { LiveClaimResult, LiveSession, LiveSessionDetail } from '../../common/api/sales-types';
import { getLocation } from '../../db/repos/locations';
import * as repo from '../../db/repos/live';
import { getProduct } from '../../db/repos/products';
import * as salesRepo from '../../db/repos/sales';
import { amountIn } from '../amount';
import { markingChanged } from '../reorder/promotions';
import type { Ctx } from '../context';
import { uuidv7 } from '../ids';
import { nextNumber } from '../purchasing/service';
import { customerForHandle } from '../sales/customers';
import { reserve } from '../sales/reserve';
import { baseCurrency } from '../settings/service';
import { counters, itemState, promote, sessionOrder } from './waitlist';

export function loadSession(ctx: Ctx, id: string, field = 'id'): LiveSession {
  const s = repo.getSession(ctx.db, id);
  if (!s) throw ApiError.field(field, 'No such live session', 'not_found');
  return s;
}

const record = (s: LiveSession): repo.SessionRecord => {
  const { locationCode: _l, ...rest } = s;
  return rest;
};
const holdOf = (s: { id: string }, productId: string) => ({ kind: 'live_hold' as const, refId: s.id, productId });

export function sessionDetail(ctx: Ctx, id: string): LiveSessionDetail {
  const s = loadSession(ctx, id);
  return {
    session: s,
    items: repo.items(ctx.db, id).map((i) => itemState(ctx, s, i)),
    recent: repo.recentClaims(ctx.db, id, 50),
    waiting: repo.claimsWith(ctx.db, id, 'waiting'),
    orders: salesRepo.listOrders(ctx.db, { sessionId: id, offset: 0, limit: 1000 }).rows,
  };
}

function checkLocation(ctx: Ctx, id: string): void {
  const loc = getLocation(ctx.db, id);
  if (!loc) throw ApiError.field('locationId', 'No such location', 'not_found');
  if (loc.status !== 'active' || loc.kind === 'in_transit') throw ApiError.field('locationId', `${loc.code} cannot sell: choose one of your active warehouses`, 'conflict');
}

type ItemInput = Parsed<'live.create'>['items'][number];

/** Writes the session's items; on air, each one's hold follows its cap. */
function writeItems(ctx: Ctx, s: LiveSession, input: ItemInput[]): void {
  const old = new Map(repo.items(ctx.db, s.id).map((i) => [i.productId, i]));
  const codes = new Map<string, number>();
  const seen = new Set<string>();
  // products without a code get the next free A1, A2…, around the codes typed
  const typed = new Set(input.flatMap((it) => (it.code ? [it.code] : [])));
  let auto = 0;
  const nextCode = () => {
    let c: string;
    do c = `${String.fromCharCode(65 + (Math.floor(auto / 99) % 26))}${(auto++ % 99) + 1}`;
    while (typed.has(c));
    return c;
  };
  const next = input.map((it, i) => {
    const product = getProduct(ctx.db, it.productId);
    if (!product) throw ApiError.field(`items.${i}.productId`, 'No such product', 'not_found');
    if (product.status !== 'active') throw ApiError.field(`items.${i}.productId`, `${product.sku} is archived`, 'conflict');
    if (seen.has(it.productId)) throw ApiError.field(`items.${i}.productId`, `${product.sku} is on the list twice`);
    seen.add(it.productId);
    const code = it.code ?? nextCode();
    if (codes.has(code)) throw ApiError.field(`items.${i}.code`, `code ${code} is used twice`);
    codes.set(code, i);
    const was = old.get(it.productId);
    const claimed = was?.claimed ?? 0;
    if (it.cap < claimed) throw ApiError.field(`items.${i}.cap`, `${claimed} are claimed already`);
    return { sessionId: s.id, productId: it.productId, position: i, price: amountIn(it.price, s.currency, `items.${i}.price`), cap: it.cap, perCustomerLimit: it.perCustomerLimit, claimed, code };
  });
  for (const [productId, was] of old) {
    if (seen.has(productId)) continue;
    if (was.claimed > 0 || was.waiting > 0) throw ApiError.field('items', `${was.sku} has claims: it stays on the list (set its cap to what is claimed)`, 'conflict');
    if (s.status === 'live') reserve(ctx, holdOf(s, productId), s.locationId, 0, 'items');
    repo.deleteItem(ctx.db, s.id, productId);
  }
  // codes are unique per session: clear the old ones first so two items can swap theirs
  for (const i of next) if (old.has(i.productId)) repo.saveItem(ctx.db, { ...i, code: null });
  next.forEach((i, n) => {
    repo.saveItem(ctx.db, i);
    if (s.status === 'live') reserve(ctx, holdOf(s, i.productId), s.locationId, i.cap, `items.${n}.cap`);
  });
}

export function createSession(ctx: Ctx, input: Parsed<'live.create'>): LiveSessionDetail {
  checkLocation(ctx, input.locationId);
  const s: repo.SessionRecord = {
    id: uuidv7(),
    number: nextNumber(ctx, 'live_next_number', 'LIVE'),
    title: input.title,
    platform: input.platform,
    locationId: input.locationId,
    currency: input.currency ?? baseCurrency(ctx),
    status: 'planned',
    scheduledAt: input.scheduledAt,
    startedAt: null,
    endedAt: null,
    perCustomerLimit: input.perCustomerLimit,
    holdHours: input.holdHours,
    promotional: false,
    notes: input.notes,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  repo.saveSession(ctx.db, s);
  writeItems(ctx, loadSession(ctx, s.id), input.items);
  ctx.emit('live.changed', { id: s.id, items: [] });
  return sessionDetail(ctx, s.id);
}

export function updateSession(ctx: Ctx, input: Parsed<'live.update'>): LiveSessionDetail {
  const cur = loadSession(ctx, input.id);
  if (cur.status !== 'planned' && cur.status !== 'live') throw ApiError.field('id', `${cur.number} is ${cur.status}: it can no longer change`, 'conflict');
  if (cur.status === 'live') {
    for (const k of ['locationId', 'currency'] as const) {
      if (input[k] !== undefined && input[k] !== cur[k]) throw ApiError.field(k, `${cur.number} is on air: its ${k === 'currency' ? 'currency' : 'location'} is settled`, 'conflict');
    }
  }
  if (input.locationId) checkLocation(ctx, input.locationId);
  const next: repo.SessionRecord = { ...record(cur), updatedAt: ctx.now };
  for (const k of ['title', 'platform', 'locationId', 'currency', 'scheduledAt', 'perCustomerLimit', 'holdHours', 'notes'] as const) {
    if (input[k] !== undefined) (next as Record<string, unknown>)[k] = input[k];
  }
  if (input.currency && input.currency !== cur.currency && !input.items && repo.items(ctx.db, cur.id).length) {
    throw ApiError.field('items', 'give the items again with prices in the new currency');
  }
  repo.saveSession(ctx.db, next);
  if (input.items) writeItems(ctx, loadSession(ctx, cur.id), input.items);
  const s = loadSession(ctx, cur.id);
  const changed = repo.items(ctx.db, cur.id).map((i) => i.productId);
  for (const id of changed) if (s.status === 'live') promote(ctx, s, id);
  ctx.emit('live.changed', { id: cur.id, items: counters(ctx, cur.id, changed) });
  if (s.status === 'live') ctx.emit('stock.changed', { productIds: changed, locationIds: [s.locationId] });
  return sessionDetail(ctx, cur.id);
}

/** Marks a session's sales as promotional (or not), in any state: often only clear once it is over. */
export function markPromotional(ctx: Ctx, id: string, promotional: boolean): LiveSessionDetail {
  const cur = loadSession(ctx, id);
  if (cur.promotional !== promotional) {
    repo.saveSession(ctx.db, { ...record(cur), promotional, updatedAt: ctx.now });
    markingChanged(ctx);
    ctx.emit('live.changed', { id, items: [] });
  }
  return sessionDetail(ctx, id);
}

export function startSession(ctx: Ctx, id: string): LiveSessionDetail {
  const s = loadSession(ctx, id);
  if (s.status !== 'planned') throw ApiError.field('id', `${s.number} is ${s.status === 'live' ? 'on air already' : s.status}`, 'conflict');
  const items = repo.items(ctx.db, id);
  if (!items.length) throw ApiError.field('items', 'add at least one product before going live');
  items.forEach((i, n) => reserve(ctx, holdOf(s, i.productId), s.locationId, i.cap, `items.${n}.cap`));
  repo.saveSession(ctx.db, { ...record(s), status: 'live', startedAt: ctx.now, updatedAt: ctx.now });
  ctx.emit('live.changed', { id, items: counters(ctx, id, items.map((i) => i.productId)) });
  ctx.emit('stock.changed', { productIds: items.map((i) => i.productId), locationIds: [s.locationId] });
  return sessionDetail(ctx, id);
}

function onAir(ctx: Ctx, sessionId: string): LiveSession {
  const s = loadSession(ctx, sessionId, 'sessionId');
  if (s.status !== 'live') throw ApiError.field('sessionId', `${s.number} is not on air (${s.status})`, 'conflict');
  return s;
}

function claimResult(ctx: Ctx, s: LiveSession, claimId: string, promoted: LiveClaimResult['promoted'] = []): LiveClaimResult {
  const claim = repo.claim(ctx.db, claimId)!;
  const item = itemState(ctx, s, repo.item(ctx.db, s.id, claim.productId)!);
  const waitPosition = claim.status === 'waiting' ? repo.claimsWith(ctx.db, s.id, 'waiting', claim.productId).findIndex((c) => c.id === claim.id) + 1 : null;
  const { sessionId: _s, ...c } = claim;
  return { claim: c, item, waitPosition, promoted };
}

export function claim(ctx: Ctx, input: Parsed<'live.claim'>): LiveClaimResult {
  const s = onAir(ctx, input.sessionId);
  if (input.clientKey) {
    const same = repo.claimByKey(ctx.db, s.id, input.clientKey);
    if (same) return claimResult(ctx, s, same.id);
  }
  const item = repo.findItem(ctx.db, s.id, input.product.trim());
  if (!item) throw ApiError.field('product', `Nothing in ${s.number} has the code, SKU or barcode “${input.product}”`, 'not_found');
  const buyer = customerForHandle(ctx, input.customer);
  const limit = item.perCustomerLimit ?? s.perCustomerLimit;
  if (limit !== null) {
    const has = repo.customerUnits(ctx.db, s.id, buyer.id, item.productId);
    if (has + input.qty > limit) {
      throw new ApiError('conflict', `@${buyer.handle} has ${has} of ${item.code ?? item.sku} already: the limit is ${limit} a buyer`, {
        reason: 'limit',
        field: 'customer',
        issues: [{ field: 'customer', message: `limit ${limit} a buyer` }],
      });
    }
  }
  const left = item.cap - item.claimed;
  const fits = input.qty <= left;
  if (!fits && !input.waitlist) {
    throw new ApiError('insufficient_stock', left > 0 ? `Only ${left} of ${item.code ?? item.sku} left` : `${item.code ?? item.sku} is sold out`, {
      reason: 'sold_out',
      field: 'qty',
      issues: [{ field: 'qty', message: left > 0 ? `only ${left} left` : 'sold out' }],
      available: left,
    });
  }
  const id = uuidv7();
  repo.insertClaim(ctx.db, {
    id,
    sessionId: s.id,
    productId: item.productId,
    customerId: buyer.id,
    qty: input.qty,
    status: fits ? 'claimed' : 'waiting',
    clientKey: input.clientKey ?? null,
    at: ctx.now,
    promotedAt: null,
    orderId: null,
  });
  if (fits) repo.addClaimed(ctx.db, s.id, item.productId, input.qty);
  ctx.emit('live.changed', { id: s.id, items: counters(ctx, s.id, [item.productId]) });
  return claimResult(ctx, s, id);
}

export function undo(ctx: Ctx, input: Parsed<'live.undo'>): LiveClaimResult {
  const s = onAir(ctx, input.sessionId);
  const c = input.claimId ? repo.claim(ctx.db, input.claimId) : repo.lastClaim(ctx.db, s.id);
  if (!c || (input.claimId && (c as { sessionId?: string }).sessionId !== s.id)) throw ApiError.field(input.claimId ? 'claimId' : 'sessionId', input.claimId ? 'No such claim in this session' : 'There is no claim to undo', 'not_found');
  if (c.status !== 'claimed' && c.status !== 'waiting') throw ApiError.field('claimId', `claim #${c.seq} was ${c.status} already`, 'conflict');
  repo.setClaim(ctx.db, c.id, { status: 'undone' });
  let promoted: LiveClaimResult['promoted'] = [];
  if (c.status === 'claimed') {
    repo.addClaimed(ctx.db, s.id, c.productId, -c.qty);
    promoted = promote(ctx, s, c.productId);
  }
  ctx.emit('live.changed', { id: s.id, items: counters(ctx, s.id, [c.productId]) });
  return claimResult(ctx, s, c.id, promoted);
}

/** Off air: the hold is released and each buyer's claims become one confirmed order. */
export function closeSession(ctx: Ctx, id: string): LiveSessionDetail {
  const s = loadSession(ctx, id);
  if (s.status !== 'live') throw ApiError.field('id', `${s.number} is not on air`, 'conflict');
  const items = repo.items(ctx.db, id);
  for (const i of items) reserve(ctx, holdOf(s, i.productId), s.locationId, 0, 'id');
  const closed: LiveSession = { ...s, status: 'closed', endedAt: ctx.now, updatedAt: ctx.now };
  repo.saveSession(ctx.db, record(closed));
  const byBuyer = new Map<string, ReturnType<typeof repo.claimsWith>>();
  for (const c of repo.claimsWith(ctx.db, id, 'claimed')) byBuyer.set(c.customerId, [...(byBuyer.get(c.customerId) ?? []), c]);
  const price = new Map(items.map((i) => [i.productId, i.price]));
  for (const [customerId, claims] of byBuyer) {
    const units = new Map<string, number>();
    for (const c of claims) units.set(c.productId, (units.get(c.productId) ?? 0) + c.qty);
    const order = sessionOrder(ctx, closed, customerId, [...units].map(([productId, qty]) => ({ productId, qty, price: price.get(productId)! })), `Claimed in ${s.number}`);
    for (const c of claims) repo.setClaim(ctx.db, c.id, { status: 'ordered', orderId: order.order.id });
  }
  // no counters: the session itself changed, and an open console reads it again
  ctx.emit('live.changed', { id, items: [] });
  ctx.emit('stock.changed', { productIds: items.map((i) => i.productId), locationIds: [s.locationId] });
  return sessionDetail(ctx, id);
}

export function cancelSession(ctx: Ctx, id: string): LiveSessionDetail {
  const s = loadSession(ctx, id);
  if (s.status !== 'planned' && s.status !== 'live') throw ApiError.field('id', `${s.number} is ${s.status}: it cannot be cancelled`, 'conflict');
  const items = repo.items(ctx.db, id);
  if (s.status === 'live') {
    for (const i of items) {
      reserve(ctx, holdOf(s, i.productId), s.locationId, 0, 'id');
      repo.addClaimed(ctx.db, id, i.productId, -i.claimed);
    }
    for (const status of ['claimed', 'waiting'] as const) for (const c of repo.claimsWith(ctx.db, id, status)) repo.setClaim(ctx.db, c.id, { status: 'lapsed' });
  }
  repo.saveSession(ctx.db, { ...record(s), status: 'cancelled', endedAt: s.status === 'live' ? ctx.now : null, updatedAt: ctx.now });
  ctx.emit('live.changed', { id, items: [] });
  if (s.status === 'live') ctx.emit('stock.changed', { productIds: items.map((i) => i.productId), locationIds: [s.locationId] });
  return sessionDetail(ctx, id);
}
