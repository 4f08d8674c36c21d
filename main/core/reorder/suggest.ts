// The morning's suggestions: every product planned, the ones to order grouped by supplier, most
// urgent first, each supplier's order kept within its budget cap; and one product's plan in full
// (weekly history, each method's backtest, projected stock) for the screen that explains it.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { PlanLine, ReorderProduct, ReorderSuggestions, SupplierPlan } from '../../common/api/reorder-types';
import { forecastWith, maseAll } from '../../common/calc/forecast';
import { unitPriceFor } from '../../common/calc/pricing';
import { fitToBudget } from '../../common/calc/reorder';
import { addDays } from '../../common/days';
import { getLocation } from '../../db/repos/locations';
import { getProduct } from '../../db/repos/products';
import { getSupplier } from '../../db/repos/suppliers';
import type { Ctx } from '../context';
import { baseline, load, METHODS, planProduct, type Loaded } from './plan';
import { defaultRule } from './settings';

function scope(ctx: Ctx, input: { locationId?: string | undefined; asOf?: string | undefined }, productId: string | null) {
  if (input.locationId && !getLocation(ctx.db, input.locationId)) throw ApiError.field('locationId', 'No such location', 'not_found');
  return { locationId: input.locationId ?? null, productId, asOf: input.asOf ?? ctx.now.slice(0, 10) };
}

/** Most urgent first: the least slack (days of cover beyond the lead time); no forecast last. */
const byUrgency = (a: PlanLine, b: PlanLine) => (a.slackDays ?? Infinity) - (b.slackDays ?? Infinity) || a.sku.localeCompare(b.sku);

export function suggest(ctx: Ctx, input: Parsed<'reorder.suggest'>): ReorderSuggestions {
  if (input.supplierId && !getSupplier(ctx.db, input.supplierId)) throw ApiError.field('supplierId', 'No such supplier', 'not_found');
  const l = load(ctx, scope(ctx, input, null));
  const bySupplier = new Map<string, PlanLine[]>();
  const unsourced: PlanLine[] = [];
  let planned = 0;
  let noHistory = 0;
  for (const p of l.products) {
    const line = planProduct(l, p);
    if (!line) continue;
    planned++;
    if (line.forecastPerWeek === null) noHistory++;
    if (line.suggestedQty <= 0) continue;
    if (!line.supplierId) unsourced.push(line);
    else if (!input.supplierId || line.supplierId === input.supplierId) {
      const list = bySupplier.get(line.supplierId);
      if (list) list.push(line);
      else bySupplier.set(line.supplierId, [line]);
    }
  }
  const suppliers = [...bySupplier].map(([id, lines]) => supplierPlan(l, id, lines.sort(byUrgency)));
  suppliers.sort((a, b) => byUrgency(a.lines[0]!, b.lines[0]!));
  const toWeek = l.weeks[l.weeks.length - 1]!;
  return { asOf: l.asOf, fromWeek: l.weeks[0]!, toWeek, locationId: input.locationId ?? null, baseCurrency: l.settings.baseCurrency, suppliers, unsourced: unsourced.sort(byUrgency), planned, noHistory };
}

function supplierPlan(l: Loaded, supplierId: string, lines: PlanLine[]): SupplierPlan {
  const terms = l.terms.get(supplierId);
  const budget = terms?.budget ?? null;
  // every line here has this supplier's price-list line, so list price and breaks are there
  const price = (x: PlanLine, qty: number) => unitPriceFor(Math.max(qty, 1), x.listPrice!, x.priceBreaks);
  const fitted = budget === null ? lines.map((x) => x.qty) : fitToBudget(lines, budget, (x, qty) => qty * price(x, qty));
  const out = lines.map((x, i) => {
    const qty = fitted[i]!;
    return { ...x, qty, trimmed: qty < x.suggestedQty, unitPrice: price(x, qty), lineTotal: qty * price(x, qty) };
  });
  const first = l.sources.get(lines[0]!.productId)!.find((s) => s.supplierId === supplierId)!;
  return {
    supplierId,
    supplierName: first.supplierName,
    currency: first.currency,
    orderCost: terms?.orderCost ?? l.orderCostIn(first.currency),
    budget,
    lines: out,
    total: out.reduce((a, x) => a + (x.lineTotal ?? 0), 0),
  };
}

/** How many days ahead the projected-stock chart looks: past the lead time and a few weeks more. */
const horizon = (leadTimeDays: number) => Math.min(365, Math.ceil(leadTimeDays) + 42);

export function productPlan(ctx: Ctx, input: Parsed<'reorder.product'>): ReorderProduct {
  if (!getProduct(ctx.db, input.productId)) throw ApiError.field('productId', 'No such product', 'not_found');
  const l = load(ctx, scope(ctx, input, input.productId));
  const p = l.products[0];
  if (!p) throw ApiError.field('productId', 'is archived, or the parent of variants: it is not planned itself', 'conflict');
  const rule = l.rules.get(p.id) ?? defaultRule(p.id);
  // planned even when its rule says never, so the screen can still show what it would be
  const line = planProduct({ ...l, rules: new Map([[p.id, { ...rule, policy: rule.policy === 'none' ? 'rop' : rule.policy }]]) }, p)!;
  const { demand } = baseline(l, p.id);
  const backtest = maseAll(demand, l.settings.alpha);
  const shipped = l.shipped.get(p.id);
  const promo = l.promo.get(p.id);
  const perDay = (line.forecastPerWeek ?? 0) / 7;
  const arrives = Math.ceil(line.leadTimeDays);
  return {
    line,
    settings: l.settings,
    rule,
    weeks: l.weeks.map((week, k) => ({ week, qty: shipped?.[k] ?? 0, promo: promo?.[k] ?? 0 })),
    methods: METHODS.map((m) => ({ method: m, perWeek: forecastWith(m, demand, l.settings.alpha), mase: backtest[m] })),
    // stock cannot go below zero: what is not there is not sold (or waits), and does not come back when the order lands
    projection: Array.from({ length: horizon(line.leadTimeDays) + 1 }, (_, d) => {
      const stock = Math.max(0, line.projected - perDay * d);
      const atArrival = Math.max(0, line.projected - perDay * arrives);
      return { day: addDays(l.asOf, d), stock, withOrder: d < arrives ? stock : Math.max(0, atArrival + line.qty - perDay * (d - arrives)) };
    }),
  };
}
