import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { CheckReport, PostResult } from '../../common/api/types';
import { COST_SCALE, inflow, replayOutflow, revalue, type CostState } from '../../common/calc/valuation';
import { currencyExponent, divRound, parseScaled, toSafeNumber } from '../../common/money';
import * as ledger from '../../db/repos/ledger';
import { reservedSums } from '../../db/repos/sales';
import type { Ctx } from '../context';
import { uuidv7 } from '../ids';
import { baseCurrency } from '../settings/service';
import { movementHash } from './chain';
import { businessTime, post } from './post';

function done(ctx: Ctx, docId: string, seqs: number[]): PostResult {
  const movements = ledger.movementsBySeq(ctx.db, seqs);
  ctx.emit('stock.changed', {
    productIds: [...new Set(movements.map((m) => m.productId))],
    locationIds: [...new Set(movements.map((m) => m.locationId))],
  });
  return { docId, movements };
}

/** Unit cost typed in the base currency, up to 4 decimals beyond its minor unit. */
function inflowValue(ctx: Ctx, unitCost: string, qty: number): number {
  const exp = currencyExponent(baseCurrency(ctx));
  let e4: bigint;
  try {
    e4 = parseScaled(unitCost, exp + 4);
  } catch (e) {
    throw ApiError.field('unitCost', (e as Error).message);
  }
  if (e4 < 0n) throw ApiError.field('unitCost', 'must not be negative');
  return toSafeNumber(divRound(BigInt(qty) * e4, COST_SCALE));
}

export function adjust(ctx: Ctx, input: Parsed<'stock.adjust'>): PostResult {
  if (input.unitCost !== undefined && input.qty < 0) throw ApiError.field('unitCost', 'only an increase takes a unit cost; a decrease leaves at the average cost');
  const docId = uuidv7();
  const seq = post(ctx, {
    productId: input.productId,
    locationId: input.locationId,
    kind: 'adjustment',
    qty: input.qty,
    ...(input.unitCost !== undefined ? { value: inflowValue(ctx, input.unitCost, input.qty) } : {}),
    occurredAt: businessTime(ctx, input.occurredAt),
    reason: input.reason,
    note: input.note,
    docType: 'adjustment',
    docId,
  });
  return done(ctx, docId, [seq]);
}

/** Two movements in one transaction: out of the source at its average, into the target at that value. */
export function transfer(ctx: Ctx, input: Parsed<'stock.transfer'>): PostResult {
  const docId = uuidv7();
  const occurredAt = businessTime(ctx, input.occurredAt);
  const common = { productId: input.productId, occurredAt, note: input.note, docType: 'transfer', docId };
  const outSeq = post(ctx, { ...common, locationId: input.fromLocationId, kind: 'transfer_out', qty: -input.qty, fields: { location: 'fromLocationId' }, ownReserved: 0 });
  const out = ledger.movementsBySeq(ctx.db, [outSeq])[0]!;
  const inSeq = post(ctx, {
    ...common,
    locationId: input.toLocationId,
    kind: 'transfer_in',
    qty: input.qty,
    value: -out.value,
    fields: { location: 'toLocationId' },
  });
  return done(ctx, docId, [outSeq, inSeq]);
}

/**
 * Undoes an adjustment or a transfer by posting its opposite now (the ledger keeps both).
 * What came in goes out at what it cost (so the average it disturbed is restored; at the average
 * if that is no longer possible); what went out comes back at the value it left with; a
 * transfer comes back the way it went. Refused if the stock it would take back is no longer
 * there, or if the document was reversed already.
 */
export function reverse(ctx: Ctx, input: Parsed<'stock.reverse'>): PostResult {
  const original = ['adjustment', 'transfer'].flatMap((t) => ledger.movementsOfDoc(ctx.db, t, input.docId));
  if (!original.length) throw ApiError.field('docId', 'No adjustment or transfer with this id', 'not_found');
  if (ledger.movementsOfDoc(ctx.db, 'reversal', input.docId).length) throw ApiError.field('docId', 'This was already reversed', 'conflict');
  const first = original[0]!;
  const common = {
    occurredAt: ctx.now,
    reason: 'correction',
    note: [`reverses ${first.docType ?? ''} of ${first.occurredAt.slice(0, 10)}`, input.note].filter(Boolean).join(': '),
    docType: 'reversal',
    docId: input.docId,
    fields: { qty: 'docId', product: 'docId', location: 'docId' },
  };
  const opposite = { adjustment: 'adjustment', transfer_in: 'transfer_out', transfer_out: 'transfer_in' } as const;
  const seqs: number[] = [];
  let carried = 0;
  // Latest first: a transfer is taken back from where it arrived before it is put back.
  for (const m of [...original].reverse()) {
    const kind = opposite[m.kind as keyof typeof opposite];
    // a receipt goes back out at what it cost; an issue comes back at the value it left with;
    // a transfer comes back carrying the value taken out at the far end
    const value = m.qty > 0 ? m.value : first.docType === 'transfer' ? carried : -m.value;
    const seq = post(ctx, { ...common, productId: m.productId, locationId: m.locationId, kind, qty: -m.qty, value });
    carried = -ledger.movementsBySeq(ctx.db, [seq])[0]!.value;
    seqs.push(seq);
  }
  return done(ctx, input.docId, seqs);
}

/**
 * Verifies the hash chain in posting order and rebuilds every balance from the ledger, then
 * compares with what is stored. Read-only; names the first broken link and every mismatch.
 */
export function check(ctx: Ctx): CheckReport {
  const { db } = ctx;
  let prev = ledger.GENESIS_HASH;
  let count = 0;
  let firstBroken: number | null = null;
  let chainMessage: string | null = null;
  const rebuilt = new Map<string, CostState>();
  for (const m of ledger.allMovements(db)) {
    count++;
    if (firstBroken === null) {
      const { seq: _s, prevHash, hash, ...body } = m;
      if (prevHash !== prev) {
        firstBroken = m.seq;
        chainMessage = `movement #${m.seq} does not follow the one before it (a movement was removed or reordered)`;
      } else if (movementHash(prevHash, body) !== hash) {
        firstBroken = m.seq;
        chainMessage = `movement #${m.seq} was changed after it was posted`;
      }
      prev = hash;
    }
    const key = `${m.productId}|${m.locationId}`;
    const s = rebuilt.get(key) ?? { qty: 0, value: 0, avgCostE4: 0 };
    rebuilt.set(key, m.qty > 0 ? inflow(s, m.qty, m.value).state : m.qty === 0 ? revalue(s, m.value).state : replayOutflow(s, -m.qty, m.value));
  }

  const mismatches: CheckReport['balances']['mismatches'] = [];
  const seen = new Set<string>();
  // reserved units are the sum of the reservations (order lines, live sessions' holds)
  const reserved = new Map(reservedSums(db).map((r) => [`${r.productId}|${r.locationId}`, r.qty]));
  const reservedByProduct = new Map<string, number>();
  for (const [key, qty] of reserved) reservedByProduct.set(key.split('|')[0]!, (reservedByProduct.get(key.split('|')[0]!) ?? 0) + qty);
  for (const b of ledger.allBalances(db)) {
    const key = `${b.productId}|${b.locationId}`;
    seen.add(key);
    const r = rebuilt.get(key) ?? { qty: 0, value: 0, avgCostE4: 0 };
    const cmp: [string, number, number][] = [
      ['onHand', b.onHand, r.qty],
      ['value', b.value, r.value],
      ['avgCostE4', b.avgCostE4, r.avgCostE4],
      ['reserved', b.reserved, reserved.get(key) ?? 0],
    ];
    for (const [field, stored, want] of cmp) {
      if (stored !== want) mismatches.push({ productId: b.productId, locationId: b.locationId, field, stored, rebuilt: want });
    }
  }
  for (const [key, r] of rebuilt) {
    if (!seen.has(key)) {
      const [productId = '', locationId = ''] = key.split('|');
      mismatches.push({ productId, locationId, field: 'missing balance', stored: 0, rebuilt: r.qty });
    }
  }
  // The kept totals per product, location and category must equal the rebuilt balances summed.
  const categories = ledger.productCategories(db);
  const sums = { product: new Map<string, CostState>(), location: new Map<string, CostState>(), category: new Map<string, CostState>() };
  for (const [key, r] of rebuilt) {
    const [productId = '', locationId = ''] = key.split('|');
    for (const [kind, k] of [['product', productId], ['location', locationId], ['category', categories.get(productId) ?? '']] as const) {
      const t = sums[kind].get(k) ?? { qty: 0, value: 0, avgCostE4: 0 };
      sums[kind].set(k, { qty: t.qty + r.qty, value: t.value + r.value, avgCostE4: 0 });
    }
  }
  const stored = ledger.allTotals(db);
  for (const kind of ['product', 'location', 'category'] as const) {
    for (const t of stored[kind]) {
      const r = sums[kind].get(t.key) ?? { qty: 0, value: 0 };
      const where = kind === 'product' ? { productId: t.key, locationId: '*' } : kind === 'location' ? { productId: '*', locationId: t.key } : { productId: `category:${t.key}`, locationId: '*' };
      if (t.onHand !== r.qty) mismatches.push({ ...where, field: `${kind} onHand`, stored: t.onHand, rebuilt: r.qty });
      if (t.value !== r.value) mismatches.push({ ...where, field: `${kind} value`, stored: t.value, rebuilt: r.value });
      if (kind === 'product' && t.reserved !== (reservedByProduct.get(t.key) ?? 0)) mismatches.push({ ...where, field: 'product reserved', stored: t.reserved!, rebuilt: reservedByProduct.get(t.key) ?? 0 });
      sums[kind].delete(t.key);
    }
    for (const [k, r] of sums[kind]) {
      if (r.qty !== 0 || r.value !== 0) mismatches.push({ productId: kind === 'location' ? '*' : k, locationId: kind === 'location' ? k : '*', field: `missing ${kind} total`, stored: 0, rebuilt: r.qty });
    }
  }
  const chainOk = firstBroken === null;
  return {
    ok: chainOk && mismatches.length === 0,
    movements: count,
    chain: { ok: chainOk, firstBrokenSeq: firstBroken, message: chainMessage },
    balances: { ok: mismatches.length === 0, mismatches },
  };
}
