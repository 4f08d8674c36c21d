// Lead times: the supplier's default, overridden by its price-list line for the product, and
// observed from the receipts of its purchase orders (days from sending the order to each receipt).
// Once there are enough receipts (3), planning uses what was observed, with its spread.
import { ApiError } from '../../common/api/errors';
import type { LeadTime } from '../../common/api/reorder-types';
import { sampleSd } from '../../common/calc/forecast';
import { leadTimeObservationsAll } from '../../db/repos/reorder';
import { getSupplier, listSupplierProducts } from '../../db/repos/suppliers';
import type { Ctx } from '../context';

export const OBSERVED_AFTER = 3;

/** What planning uses from the configured lead time and the days observed on receipts. */
export function effectiveLeadTime(configuredDays: number, configuredFrom: 'product' | 'supplier', seen: readonly number[]): Pick<LeadTime, 'observed' | 'days' | 'sdDays' | 'from'> {
  const observed = seen.length ? { receipts: seen.length, meanDays: seen.reduce((a, d) => a + d, 0) / seen.length, sdDays: sampleSd(seen) } : null;
  const use = observed && observed.receipts >= OBSERVED_AFTER;
  return { observed, days: use ? observed.meanDays : configuredDays, sdDays: use ? observed.sdDays : 0, from: use ? 'observed' : configuredFrom };
}

export function leadTime(ctx: Ctx, supplierId: string, productId: string): LeadTime {
  const supplier = getSupplier(ctx.db, supplierId);
  if (!supplier) throw ApiError.field('supplierId', 'No such supplier', 'not_found');
  const line = listSupplierProducts(ctx.db, { supplierId, productId })[0];
  const configuredFrom = line?.leadTimeDays != null ? 'product' : 'supplier';
  const configuredDays = line?.leadTimeDays ?? supplier.leadTimeDays;
  const seen = leadTimeObservationsAll(ctx.db, productId).get(`${supplierId}|${productId}`) ?? [];
  return { supplierId, productId, configuredDays, configuredFrom, ...effectiveLeadTime(configuredDays, configuredFrom, seen) };
}
