// What a live session did: claims per minute, sell-through per product, revenue, cost and margin
// (landed cost included: the moving average carries it), and the orders still to pack. Revenue
// and cost come from the session's orders once it is closed (actual for what shipped, today's
// average cost for what has not), from its claims at the live price while it is on air.
import type { LiveReport, LiveSuggestion } from '../../common/api/sales-types';
import * as repo from '../../db/repos/live';
import { listBalances } from '../../db/repos/ledger';
import { getProduct } from '../../db/repos/products';
import * as sales from '../../db/repos/sales';
import type { Ctx } from '../context';
import { marginPercent, percent } from '../../common/calc/percent';
import { netShipped, toBase } from '../sales/orders';
import { baseCurrency } from '../settings/service';
import { findRate } from '../fx/service';
import { loadSession } from './service';

/** Every minute from the first claim to the last, quiet ones included (at most a day of them). */
function minutes(rows: { minute: string; claims: number; units: number }[]): LiveReport['perMinute'] {
  if (!rows.length) return [];
  const at = new Map(rows.map((r) => [r.minute, r]));
  const out: LiveReport['perMinute'] = [];
  const first = Date.parse(`${rows[0]!.minute}:00Z`);
  const last = Math.min(Date.parse(`${rows.at(-1)!.minute}:00Z`), first + 24 * 60 * 60_000);
  for (let t = first; t <= last; t += 60_000) {
    const minute = new Date(t).toISOString().slice(0, 16);
    out.push(at.get(minute) ?? { minute, claims: 0, units: 0 });
  }
  return out;
}

export function report(ctx: Ctx, id: string): LiveReport {
  const s = loadSession(ctx, id);
  const base = baseCurrency(ctx);
  const items = repo.items(ctx.db, id);
  const orders = sales.listOrders(ctx.db, { sessionId: id, offset: 0, limit: 1000 }).rows;
  const money = new Map<string, { revenue: number; cogs: number }>();
  const add = (productId: string, revenue: number, cogs: number) => {
    const m = money.get(productId) ?? { revenue: 0, cogs: 0 };
    money.set(productId, { revenue: m.revenue + revenue, cogs: m.cogs + cogs });
  };
  const avg = (productId: string) => sales.stockAt(ctx.db, productId, s.locationId).avgCostE4;
  if (s.status === 'closed') {
    for (const o of orders) {
      if (o.status === 'cancelled') continue;
      for (const l of sales.lines(ctx.db, o.id)) {
        const left = o.status === 'completed' ? 0 : l.qty - l.qtyShipped;
        const rest = left ? (toBase(o, base, l.net - netShipped(l.net, l.qty, l.qtyShipped)) ?? 0) : 0;
        add(l.productId, l.revenue + rest, l.cogs + Math.round((avg(l.productId) * left) / 10_000));
      }
    }
  } else {
    const rate = s.currency === base ? '1' : (findRate(ctx.db, s.currency, base, ctx.now.slice(0, 10))?.rate ?? null);
    for (const i of items) add(i.productId, toBase({ currency: s.currency, fxRate: rate }, base, i.price * i.claimed) ?? 0, Math.round((avg(i.productId) * i.claimed) / 10_000));
  }
  const rows = items.map((i) => {
    const m = money.get(i.productId) ?? { revenue: 0, cogs: 0 };
    return { productId: i.productId, sku: i.sku, name: i.name, cap: i.cap, claimed: i.claimed, waiting: i.waiting, sellThroughPct: percent(i.claimed, i.cap), revenue: m.revenue, cogs: m.cogs, margin: m.revenue - m.cogs };
  });
  const sum = (k: 'revenue' | 'cogs') => rows.reduce((a, r) => a + r[k], 0);
  const perMinute = minutes(repo.claimsPerMinute(ctx.db, id));
  return {
    session: s,
    baseCurrency: base,
    perMinute,
    items: rows,
    totals: {
      claims: perMinute.reduce((a, m) => a + m.claims, 0),
      units: rows.reduce((a, r) => a + r.claimed, 0),
      buyers: repo.buyers(ctx.db, id),
      revenue: sum('revenue'),
      cogs: sum('cogs'),
      margin: sum('revenue') - sum('cogs'),
      marginPct: percent(sum('revenue') - sum('cogs'), sum('revenue')),
    },
    orders,
    toPack: orders.filter((o) => o.status === 'confirmed' || o.status === 'partly_shipped'),
  };
}

const DAYS = 90;

/**
 * What to feature: fast sellers that have stock to spare beyond a month of their usual sales, and
 * overstocked products (more than 90 days of cover, or no sales at all) that still make a healthy
 * margin (25 % or more at their usual price and today's landed average cost).
 */
export function suggest(ctx: Ctx, locationId: string, limit: number): LiveSuggestion[] {
  const to = ctx.now.slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const sold = sales.unitsSold(ctx.db, locationId, from, to);
  const out: LiveSuggestion[] = [];
  const balances = listBalances(ctx.db, { locationId, nonZero: true, offset: 0, limit: 100_000 }).rows;
  for (const b of balances) {
    if (b.available <= 0) continue;
    const p = getProduct(ctx.db, b.productId);
    if (!p || p.status !== 'active') continue;
    const units = sold.get(b.productId) ?? 0;
    const perDay = units / DAYS;
    const cover = perDay > 0 ? Math.floor(b.available / perDay) : null;
    const cost = Math.round(b.avgCostE4 / 10_000);
    const margin = p.price ? marginPercent(p.price, cost) : null;
    const common = { productId: p.id, sku: p.sku, name: p.name, available: b.available, perDay: perDay.toFixed(1), daysOfCover: cover, avgCost: cost, price: p.price, marginPct: margin };
    const spare = b.available - Math.ceil(perDay * 30);
    if (perDay >= 0.5 && spare > 0) {
      out.push({ ...common, reason: 'fast_seller', why: `sells ${perDay.toFixed(1)} a day; ${b.available} available is ${cover} days of cover, ${spare} to spare beyond a month`, suggestedCap: spare });
    } else if ((cover === null || cover > DAYS) && b.available >= 3 && margin !== null && Number(margin) >= 25) {
      const cap = Math.max(1, Math.ceil(b.available / 4));
      out.push({
        ...common,
        reason: 'overstock',
        why: `${b.available} available, ${cover === null ? `none sold in ${DAYS} days` : `${cover} days of cover`}; ${margin}% margin at its usual price`,
        suggestedCap: cap,
      });
    }
  }
  const score = (x: LiveSuggestion) => (x.reason === 'fast_seller' ? 1e9 + Number(x.perDay) * 1e3 : (x.daysOfCover ?? 1e6) + Number(x.marginPct ?? 0));
  return out.sort((a, b) => score(b) - score(a)).slice(0, limit);
}
