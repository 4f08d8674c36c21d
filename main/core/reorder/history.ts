// Demand history for forecasting: a product's shipped units (sales and live-session orders, as
// written to sales_days when they ship; never transfers or adjustments) in periods of N days
// ending on a day, of which promotional, and what every method of main/common/calc/forecast.ts
// makes of it (promotional units left out when the settings say so), each with its backtest
// error, beside the one `auto` picks.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { DemandHistory } from '../../common/api/reorder-types';
import { forecast, forecastWith, maseAll, sampleSd } from '../../common/calc/forecast';
import { getProduct } from '../../db/repos/products';
import { dailyPromo } from '../../db/repos/reorder';
import { dailyDemand } from '../../db/repos/sales';
import type { Ctx } from '../context';
import { METHODS } from './plan';
import { readReorderSettings } from './settings';

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function demandHistory(ctx: Ctx, input: Parsed<'reorder.history'>): DemandHistory {
  const product = getProduct(ctx.db, input.productId);
  if (!product) throw ApiError.field('productId', 'No such product', 'not_found');
  const end = Date.parse(`${input.asOf ?? ctx.now.slice(0, 10)}T00:00:00Z`);
  const start = end - (input.periods * input.periodDays - 1) * DAY;
  const periods = Array.from({ length: input.periods }, (_, k) => ({
    from: dayOf(start + k * input.periodDays * DAY),
    to: dayOf(start + ((k + 1) * input.periodDays - 1) * DAY),
    qty: 0,
    promo: 0,
  }));
  const periodOf = (day: string) => periods[Math.floor((Date.parse(`${day}T00:00:00Z`) - start) / (input.periodDays * DAY))]!;
  for (const d of dailyDemand(ctx.db, product.id, input.locationId ?? null, dayOf(start), dayOf(end))) periodOf(d.day).qty += d.qty;
  for (const d of dailyPromo(ctx.db, product.id, input.locationId ?? null, dayOf(start), dayOf(end))) periodOf(d.day).promo += d.qty;
  const exclude = readReorderSettings(ctx).promotional === 'exclude';
  const demand = periods.map((p) => (exclude ? p.qty - p.promo : p.qty));
  const found = forecast(demand, 'auto', input.alpha);
  // a product that never sold gets no forecast, and says so, rather than a silent zero
  const auto = demand.some((q) => q > 0) ? found : { ...found, perPeriod: null, why: `nothing shipped in these ${input.periods} periods` };
  const backtest = maseAll(demand, input.alpha);
  return {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    locationId: input.locationId ?? null,
    periodDays: input.periodDays,
    periods,
    class: auto.class,
    adi: Number.isFinite(auto.adi) ? auto.adi : null,
    cv2: auto.cv2,
    sdPerPeriod: sampleSd(demand),
    auto: { method: auto.method, perPeriod: auto.perPeriod, why: auto.why },
    methods: METHODS.map((m) => ({ method: m, perPeriod: forecastWith(m, demand, input.alpha), mase: backtest[m] })),
  };
}
