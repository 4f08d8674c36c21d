// The one way quantity or value enters the ledger. Every feature that moves stock (adjustments,
// transfers, and later receipts, sales and counts) posts through here, inside its transaction.
import { ApiError } from '../../common/api/errors';
import type { MovementKind } from '../../common/api/types';
import { inflow, inflowAtAverage, outflow, outflowAtValue, revalue, type CostState } from '../../common/calc/valuation';
import * as ledger from '../../db/repos/ledger';
import { locationForPosting } from '../../db/repos/locations';
import { productForPosting } from '../../db/repos/products';
import type { Ctx } from '../context';
import { uuidv7 } from '../ids';
import { movementHash } from './chain';

export interface PostLine {
  productId: string;
  locationId: string;
  kind: MovementKind;
  /** signed: positive in, negative out */
  qty: number;
  /** total value (base minor units, unsigned) of an inflow, or of an outflow taken back at its
   *  original cost; omitted = at the current average. With qty 0 (a revaluation): the signed
   *  change of value. */
  value?: number;
  occurredAt: string;
  reason?: string | null;
  note?: string | null;
  docType?: string | null;
  docId?: string | null;
  /** field names to blame in errors, so the UI can mark the right input */
  fields?: { product?: string; location?: string; qty?: string };
  /**
   * Set on outflows that must leave units reserved for others in place (a sale, a transfer): how
   * many of the reserved units are this outflow's own (an order shipping what it reserved).
   * Unset, an outflow may take any unit on hand (a count, a write-off: what is gone is gone).
   */
  ownReserved?: number;
}

export function post(ctx: Ctx, line: PostLine, batch?: Totals): number {
  const { db } = ctx;
  const f = { product: 'productId', location: 'locationId', qty: 'qty', ...line.fields };
  const product = productForPosting(db, line.productId);
  if (!product) throw ApiError.field(f.product, 'No such product', 'not_found');
  if (product.status !== 'active') throw ApiError.field(f.product, `${product.sku} is archived; restore it to move stock`, 'conflict');
  const location = locationForPosting(db, line.locationId);
  if (!location) throw ApiError.field(f.location, 'No such location', 'not_found');
  if (location.status !== 'active') throw ApiError.field(f.location, `${location.code} is archived`, 'conflict');

  const stored = ledger.getBalance(db, line.productId, line.locationId);
  const state: CostState = stored ? { qty: stored.onHand, value: stored.value, avgCostE4: stored.avgCostE4 } : { qty: 0, value: 0, avgCostE4: 0 };

  if (line.qty < 0 && !location.allowNegative) {
    const need = -line.qty;
    if (ledger.hasLaterMovements(db, line.productId, line.locationId, line.occurredAt)) {
      const low = ledger.lowestBalanceFrom(db, line.productId, line.locationId, line.occurredAt);
      if (low < need) {
        throw new ApiError(
          'insufficient_stock',
          `Dated ${line.occurredAt.slice(0, 10)}, taking ${need} of ${product.sku} from ${location.code} would leave a later balance at ${low - need}. Date it later or post the missing stock first.`,
          { field: f.qty, issues: [{ field: f.qty, message: `only ${Math.max(low, 0)} can be taken at that date` }], available: Math.max(low, 0) },
        );
      }
    } else if (state.qty < need) {
      throw new ApiError('insufficient_stock', `Only ${state.qty} of ${product.sku} on hand at ${location.code}; cannot take ${need}.`, {
        field: f.qty,
        issues: [{ field: f.qty, message: `only ${state.qty} on hand` }],
        available: state.qty,
      });
    }
    if (line.ownReserved !== undefined) {
      const others = Math.max((stored?.reserved ?? 0) - line.ownReserved, 0);
      const free = Math.max(state.qty - others, 0);
      if (need > free) {
        throw new ApiError('insufficient_stock', `Only ${free} of ${product.sku} at ${location.code} are free: ${others} of the ${state.qty} on hand are reserved for orders.`, {
          field: f.qty,
          issues: [{ field: f.qty, message: `only ${free} free (${others} reserved)` }],
          available: free,
        });
      }
    }
  }

  const step =
    line.qty === 0
      ? revalue(state, line.value ?? 0)
      : line.qty > 0
      ? line.value === undefined
        ? inflowAtAverage(state, line.qty)
        : inflow(state, line.qty, line.value)
      : line.value === undefined
        ? outflow(state, -line.qty)
        : outflowAtValue(state, -line.qty, line.value);

  const body = {
    id: uuidv7(),
    productId: line.productId,
    locationId: line.locationId,
    kind: line.kind,
    qty: line.qty,
    value: step.value,
    avgCostE4: step.state.avgCostE4,
    qtyAfter: step.state.qty,
    occurredAt: line.occurredAt,
    postedAt: ctx.now,
    actor: ctx.actor,
    reason: line.reason ?? null,
    note: line.note ?? null,
    docType: line.docType ?? null,
    docId: line.docId ?? null,
  };
  const prevHash = ledger.lastHash(db);
  const seq = ledger.insertMovement(db, { ...body, prevHash, hash: movementHash(prevHash, body) });
  ledger.saveBalance(
    db,
    { productId: line.productId, locationId: line.locationId, sku: product.sku },
    { onHand: step.state.qty, reserved: stored?.reserved ?? 0, avgCostE4: step.state.avgCostE4, value: step.state.value },
    ctx.now,
  );
  ledger.addToProduct(db, line.productId, line.qty, step.value, ctx.now);
  const totals = batch ?? new Totals();
  totals.add(line.locationId, product.category, line.occurredAt.slice(0, 10), line.kind, line.qty, step.value);
  if (!batch) totals.flush(ctx);
  return seq;
}

/**
 * The location, category and day totals of a call's movements, added once at the end. A
 * document revaluing a thousand balances would otherwise rewrite the same few summary rows a
 * thousand times (most of its time at scale). Flush inside the same transaction.
 */
export class Totals {
  private readonly locations = new Map<string, [number, number]>();
  private readonly categories = new Map<string | null, [number, number]>();
  private readonly days = new Map<string, ledger.DayTotals>();

  add(locationId: string, category: string | null, day: string, kind: MovementKind, qty: number, value: number): void {
    const bump = <K>(m: Map<K, [number, number]>, k: K) => {
      const t = m.get(k) ?? [0, 0];
      m.set(k, [t[0] + qty, t[1] + value]);
    };
    bump(this.locations, locationId);
    bump(this.categories, category);
    const key = `${day}|${locationId}|${kind}`;
    const d = this.days.get(key) ?? { day, locationId, kind, qtyIn: 0, qtyOut: 0, valueIn: 0, valueOut: 0, count: 0 };
    const p = ledger.dayParts(qty, value);
    this.days.set(key, { ...d, qtyIn: d.qtyIn + p.qtyIn, qtyOut: d.qtyOut + p.qtyOut, valueIn: d.valueIn + p.valueIn, valueOut: d.valueOut + p.valueOut, count: d.count + 1 });
  }

  flush(ctx: Ctx): void {
    for (const [id, [qty, value]] of this.locations) ledger.addToLocation(ctx.db, id, qty, value);
    for (const [category, [qty, value]] of this.categories) ledger.addToCategory(ctx.db, category, qty, value);
    for (const d of this.days.values()) ledger.addDayTotals(ctx.db, d);
    this.locations.clear();
    this.categories.clear();
    this.days.clear();
  }
}

/**
 * A business date from the API: a bare date means midday UTC of that day (the same calendar
 * day in nearly every time zone), or now if that is still ahead; a date-time is normalised to
 * UTC. The future is refused: stock cannot move tomorrow.
 */
export function businessTime(ctx: Ctx, value: string | undefined, field = 'occurredAt'): string {
  if (!value) return ctx.now;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00.000Z` : new Date(value).toISOString();
  if (iso > ctx.now) {
    if (value.length === 10 && value === ctx.now.slice(0, 10)) return ctx.now;
    if (Date.parse(iso) - Date.parse(ctx.now) > 5 * 60_000) throw ApiError.field(field, 'cannot be in the future');
    return ctx.now;
  }
  return iso;
}
