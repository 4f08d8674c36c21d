// The sales dashboard (read from the daily aggregate written as orders ship) and the pick list.
import { ApiError } from '../../common/api/errors';
import { mondayOf } from '../../common/days';
import type { Parsed } from '../../common/api';
import type { PickList, SalesChannel, SalesSummary } from '../../common/api/sales-types';
import * as repo from '../../db/repos/sales';
import type { Ctx } from '../context';
import { baseCurrency } from '../settings/service';
import { loadOrder } from './orders';

/** The bucket a day falls in: itself, the Monday of its week, or the first of its month. */
function bucketOf(day: string, bucket: 'day' | 'week' | 'month'): string {
  if (bucket === 'day') return day;
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  return mondayOf(day);
}

export function summary(ctx: Ctx, input: Parsed<'sales.summary'>): SalesSummary {
  const rows = repo.salesByDay(ctx.db, input.from, input.to);
  const series = new Map<string, SalesSummary['series'][number]>();
  // every bucket of the range, quiet ones included, so a chart's time axis has no gaps
  for (let t = Date.parse(`${input.from}T00:00:00Z`); t <= Date.parse(`${input.to}T00:00:00Z`); t += 86_400_000) {
    const b = bucketOf(new Date(t).toISOString().slice(0, 10), input.bucket);
    if (!series.has(b)) series.set(b, { bucket: b, revenue: 0, cogs: 0, margin: 0, units: 0 });
  }
  const channels = new Map<SalesChannel, SalesSummary['byChannel'][number]>();
  const totals = { revenue: 0, cogs: 0, margin: 0, units: 0, orders: repo.orderCount(ctx.db, input.from, input.to) };
  for (const r of rows) {
    const s = series.get(bucketOf(r.day, input.bucket))!;
    s.revenue += r.revenue;
    s.cogs += r.cogs;
    s.margin += r.revenue - r.cogs;
    s.units += r.qty;
    const c = channels.get(r.channel) ?? { channel: r.channel, revenue: 0, margin: 0, units: 0 };
    channels.set(r.channel, { ...c, revenue: c.revenue + r.revenue, margin: c.margin + r.revenue - r.cogs, units: c.units + r.qty });
    totals.revenue += r.revenue;
    totals.cogs += r.cogs;
    totals.units += r.qty;
  }
  totals.margin = totals.revenue - totals.cogs;
  return {
    from: input.from,
    to: input.to,
    baseCurrency: baseCurrency(ctx),
    totals,
    series: [...series.values()],
    byChannel: [...channels.values()].sort((a, b) => b.revenue - a.revenue),
    bestSellers: repo.bestSellers(ctx.db, input.from, input.to, 10),
  };
}

/** What to take from which shelf for these orders (what is left to ship of each), then each order to pack. */
export function picklist(ctx: Ctx, ids: string[]): PickList {
  const picks = new Map<string, PickList['picks'][number]>();
  const orders: PickList['orders'] = [];
  ids.forEach((id, i) => {
    const o = loadOrder(ctx, id, `ids.${i}`);
    if (o.status !== 'confirmed' && o.status !== 'partly_shipped') throw ApiError.field(`ids.${i}`, `${o.number} has nothing to pick (${o.status.replace('_', ' ')})`, 'conflict');
    const lines = repo.lines(ctx.db, o.id).filter((l) => l.qty > l.qtyShipped);
    for (const l of lines) {
      const key = `${o.locationCode}|${l.productId}`;
      const p = picks.get(key) ?? { locationCode: o.locationCode, productId: l.productId, sku: l.sku, name: l.name, barcode: l.barcode, qty: 0, orders: [] };
      picks.set(key, { ...p, qty: p.qty + l.qty - l.qtyShipped, orders: [...p.orders, o.number] });
    }
    const shipTo = [o.shipName, o.shipAddress, o.shipCountry].filter(Boolean).join('\n') || null;
    orders.push({ id: o.id, number: o.number, customer: o.customerName, shipTo, lines: lines.map((l) => ({ sku: l.sku, name: l.name, qty: l.qty - l.qtyShipped })) });
  });
  return { picks: [...picks.values()].sort((a, b) => a.locationCode.localeCompare(b.locationCode) || a.sku.localeCompare(b.sku)), orders };
}
