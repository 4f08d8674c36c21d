// Reservations: units held back for an order line or a live session. Each is a row; the balance's
// and the product's reserved units are their sums, changed here and nowhere else, in the caller's
// transaction. Available = on hand − reserved; a reservation may not take more than is available
// unless the product allows backorders.
import { ApiError } from '../../common/api/errors';
import { getLocation } from '../../db/repos/locations';
import { getProduct } from '../../db/repos/products';
import * as repo from '../../db/repos/sales';
import type { Ctx } from '../context';
import { uuidv7 } from '../ids';

export interface Hold {
  kind: repo.ReservationKind;
  /** the order line, or the live session */
  refId: string;
  productId: string;
}

/**
 * Sets what `hold` reserves to `qty` units at a location (0 releases it). An increase must be
 * available there; the error names `field`.
 */
export function reserve(ctx: Ctx, hold: Hold, locationId: string, qty: number, field: string): void {
  const cur = repo.reservation(ctx.db, hold.kind, hold.refId, hold.productId);
  const kept = cur && cur.locationId === locationId ? cur.qty : 0;
  if (qty > kept) {
    const product = getProduct(ctx.db, hold.productId);
    if (!product) throw ApiError.field(field, 'No such product', 'not_found');
    if (!product.allowBackorder) {
      const s = repo.stockAt(ctx.db, hold.productId, locationId);
      const free = s.onHand - s.reserved;
      if (qty - kept > free) {
        const code = getLocation(ctx.db, locationId)?.code ?? '';
        const have = Math.max(free + kept, 0);
        throw new ApiError('insufficient_stock', `Only ${have} of ${product.sku} available at ${code} (${s.onHand} on hand, ${s.reserved - kept} reserved for others).`, {
          field,
          issues: [{ field, message: `only ${have} available` }],
          available: have,
        });
      }
    }
  }
  if (cur) repo.addReserved(ctx.db, hold.productId, cur.locationId, -cur.qty, ctx.now);
  if (qty > 0) {
    repo.putReservation(ctx.db, { id: cur?.id ?? uuidv7(), ...hold, locationId, qty }, ctx.now);
    repo.addReserved(ctx.db, hold.productId, locationId, qty, ctx.now);
  } else if (cur) repo.deleteReservation(ctx.db, cur.id);
}

export function reservedFor(ctx: Ctx, hold: Hold): number {
  return repo.reservation(ctx.db, hold.kind, hold.refId, hold.productId)?.qty ?? 0;
}

/** Units free to promise at a location: on hand − reserved. */
export function available(ctx: Ctx, productId: string, locationId: string): number {
  const s = repo.stockAt(ctx.db, productId, locationId);
  return s.onHand - s.reserved;
}
