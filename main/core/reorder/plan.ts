// One plan per product: its weekly demand (promotional units left out, unless the settings count
// them), the forecast, the supplier it is ordered from and how long they take, and what the policy
// of main/common/calc/reorder.ts makes of its projected stock. Everything a plan of every product
// needs is read in a handful of bulk queries (load), then each product is planned in memory.
import type { PlanLine, ReorderRule, ReorderSettings } from '../../common/api/reorder-types';
import { convert, invertRate, parseRate, type Rate } from '../../common/calc/fx';
import { forecast, maseAll, sampleSd, type Method } from '../../common/calc/forecast';
import { unitPriceFor, type PriceBreak } from '../../common/calc/pricing';
import { applyPolicy } from '../../common/calc/reorder';
import { addDays, mondayOf } from '../../common/days';
import * as repo from '../../db/repos/reorder';
import type { Ctx } from '../context';
import { findRate } from '../fx/service';
import { effectiveLeadTime } from './lead-time';
import { defaultRule, readReorderSettings } from './settings';

export const METHODS: Method[] = ['mean', 'ses', 'croston', 'sba', 'tsb'];
/** how far ahead planned live sessions are looked for (beyond it, an order placed later still arrives in time) */
const LIVE_HORIZON_DAYS = 365;

const groupBy = <T>(rows: T[], key: (r: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
};

/** lead time of a product no supplier sells, for its figures (the default a new supplier gets) */
const UNSOURCED_LEAD_DAYS = 14;

export interface PlanScope {
  locationId: string | null;
  productId: string | null;
  asOf: string;
}

export interface Loaded {
  settings: ReorderSettings;
  asOf: string;
  /** Mondays of the history's weeks, oldest first: the complete weeks before asOf's */
  weeks: string[];
  products: repo.PlanProduct[];
  /** per product: units shipped per week, and of those the promotional ones */
  shipped: Map<string, Float64Array>;
  promo: Map<string, Float64Array>;
  /** the week a product's history starts: its first sale ever, when that falls inside the window */
  firstWeek: Map<string, number>;
  rules: Map<string, ReorderRule>;
  sources: Map<string, repo.Source[]>;
  terms: Map<string, repo.SupplierTerms>;
  onOrder: Map<string, number>;
  /** per product: units on the plans of live sessions to come, and the day of each */
  plannedLive: Map<string, { day: string; qty: number }[]>;
  observed: Map<string, number[]>;
  /** the settings' order cost in a supplier's currency (null: none, or no rate to convert it) */
  orderCostIn: (currency: string) => number | null;
}

export function load(ctx: Ctx, scope: PlanScope): Loaded {
  const settings = readReorderSettings(ctx);
  const toWeek = addDays(mondayOf(scope.asOf), -7);
  const weeks = Array.from({ length: settings.historyWeeks }, (_, k) => addDays(toWeek, -7 * (settings.historyWeeks - 1 - k)));
  const n = weeks.length;
  const shipped = repo.demandWeeks(ctx.db, { fromWeek: weeks[0]!, weeks: n, locationId: scope.locationId, productId: scope.productId });
  // a product first sold within the window is new, not slow: its history starts at that sale
  const firstWeek = new Map<string, number>();
  for (const [productId, s] of shipped) {
    const k = s.findIndex((q) => q > 0);
    if (k > 0 && !repo.soldBefore(ctx.db, productId, weeks[0]!)) firstWeek.set(productId, k);
  }
  const promo = repo.promoWeeks(ctx.db, { fromWeek: weeks[0]!, weeks: n, locationId: scope.locationId, productId: scope.productId });
  // rates from the base currency to each supplier's, as on the plan's day (null: none known)
  const rates = new Map<string, Rate | null>();
  const rateTo = (currency: string) => {
    if (!rates.has(currency)) {
      const q = findRate(ctx.db, settings.baseCurrency, currency, scope.asOf);
      rates.set(currency, q ? parseRate(q.rate) : null);
    }
    return rates.get(currency)!;
  };
  // each product's price-list lines, cheapest first in the base currency (a line whose currency has no rate last)
  const sources = groupBy(repo.sources(ctx.db, scope.productId), (s) => s.productId);
  const inBase = (s: repo.Source) => {
    const r = rateTo(s.currency);
    return r ? convert(s.unitPrice, s.currency, settings.baseCurrency, invertRate(r)) : Infinity;
  };
  for (const list of sources.values()) if (list.length > 1) list.sort((a, b) => inBase(a) - inBase(b));
  return {
    settings,
    asOf: scope.asOf,
    weeks,
    products: repo.planProducts(ctx.db, scope),
    shipped,
    promo,
    firstWeek,
    rules: repo.allRules(ctx.db),
    sources,
    terms: repo.supplierTerms(ctx.db),
    onOrder: repo.onOrder(ctx.db, scope.productId),
    plannedLive: groupBy(repo.plannedLive(ctx.db, { from: scope.asOf, to: addDays(scope.asOf, LIVE_HORIZON_DAYS), locationId: scope.locationId, productId: scope.productId }), (r) => r.productId),
    observed: repo.leadTimeObservationsAll(ctx.db, scope.productId),
    orderCostIn: (currency) => {
      const r = settings.orderCost === null ? null : rateTo(currency);
      return r === null ? null : convert(settings.orderCost!, settings.baseCurrency, currency, r);
    },
  };
}

/** The price-list line a product is ordered from: its rule's supplier, its default supplier (by name), else the cheapest. */
function sourceOf(list: repo.Source[] | undefined, rule: ReorderRule, defaultSupplier: string | null): repo.Source | null {
  if (!list?.length) return null;
  const wanted = rule.supplierId ? list.find((s) => s.supplierId === rule.supplierId) : undefined;
  if (wanted) return wanted;
  const named = defaultSupplier ? list.find((s) => s.supplierName.toLowerCase() === defaultSupplier.toLowerCase()) : undefined;
  return named ?? list[0]!;
}

/**
 * The weekly demand the forecast sees: shipped units from the product's first sale (or the
 * window's start), less the promotional ones when they are left out.
 */
export function baseline(l: Loaded, productId: string): { demand: number[]; promoUnits: number } {
  const from = l.firstWeek.get(productId) ?? 0;
  const shipped = l.shipped.get(productId)?.subarray(from);
  const promo = l.promo.get(productId)?.subarray(from);
  const demand = new Array<number>(shipped?.length ?? l.weeks.length).fill(0);
  // copied by hand: Array.from walks a typed array through its iterator, 20,000 times a plan
  if (shipped) for (let k = 0; k < shipped.length; k++) demand[k] = shipped[k]!;
  let promoUnits = 0;
  if (promo && l.settings.promotional === 'exclude') {
    for (let k = 0; k < demand.length; k++) {
      promoUnits += promo[k]!;
      demand[k] = Math.max(0, demand[k]! - promo[k]!);
    }
  }
  return { demand, promoUnits };
}

/** The method a product's forecast uses, and its forecast per week. */
function chooseForecast(demand: number[], method: Method | 'auto', l: Loaded) {
  const f = forecast(demand, method, l.settings.alpha);
  if (method !== 'auto' || l.settings.autoPick !== 'backtest' || f.perPeriod === null) return f;
  // the method with the smallest backtest error, where one can be measured (ties keep the class's)
  let best = { method: f.method, error: Infinity };
  const errors = maseAll(demand, l.settings.alpha);
  for (const m of METHODS) {
    const error = errors[m] ?? Infinity;
    if (error < best.error || (error === best.error && m === f.method)) best = { method: m, error };
  }
  return best.method === f.method ? f : { ...forecast(demand, best.method, l.settings.alpha), class: f.class };
}

/** One product's plan; null when its rule says it is never reordered. */
export function planProduct(l: Loaded, p: repo.PlanProduct): PlanLine | null {
  const rule = l.rules.get(p.id) ?? defaultRule(p.id);
  if (rule.policy === 'none') return null;
  const src = sourceOf(l.sources.get(p.id), rule, p.defaultSupplier);
  const { demand, promoUnits } = baseline(l, p.id);
  const sold = demand.some((q) => q > 0);
  const f = chooseForecast(demand, rule.method ?? l.settings.method, l);
  const perWeek = sold ? f.perPeriod : null;
  const noForecast = perWeek === null ? `no sales in the last ${l.weeks.length} weeks${promoUnits ? ' (promotions left out)' : ''}` : null;
  const sd = perWeek === null ? null : sampleSd(demand);

  const lead = effectiveLeadTime(src?.leadTimeDays ?? UNSOURCED_LEAD_DAYS, src?.leadTimeFrom ?? 'supplier', (src && l.observed.get(`${src.supplierId}|${p.id}`)) ?? []);
  const leadTimeDays = lead.days;
  const leadTimeSdDays = lead.sdDays;

  const onOrder = l.onOrder.get(p.id) ?? 0;
  // a live session on the plan before an order could arrive will hold its units: count them as promised
  const arrives = addDays(l.asOf, Math.ceil(leadTimeDays));
  const plannedLive = (l.plannedLive.get(p.id) ?? []).reduce((a, s) => a + (s.day <= arrives ? s.qty : 0), 0);
  const terms = src ? l.terms.get(src.supplierId) : undefined;
  const policy = rule.policy;
  const r = applyPolicy({
    demand: perWeek ?? 0,
    demandSd: sd ?? 0,
    periodDays: 7,
    leadTimeDays,
    leadTimeSdDays,
    serviceLevel: rule.serviceLevel ?? l.settings.serviceLevel,
    onHand: p.onHand,
    onOrder,
    reserved: p.reserved + plannedLive,
    policy,
    orderCost: src ? (terms?.orderCost ?? l.orderCostIn(src.currency)) : null,
    unitCost: src?.unitPrice ?? null,
    holdingRate: l.settings.holdingRate,
    min: rule.min,
    max: rule.max,
    reorderLevel: rule.reorderLevel,
    reorderQty: rule.reorderQty,
    moq: src?.moq ?? 0,
    orderMultiple: src?.orderMultiple ?? 1,
  });
  // a reorder point needs a forecast: without one, say so rather than suggest a silent zero
  const suggestedQty = policy === 'rop' && perWeek === null ? 0 : r.suggestedQty;
  const threshold = policy === 'rop' ? r.reorderPoint : policy === 'minmax' ? (rule.min ?? 0) : (rule.reorderLevel ?? 0);
  const cover = r.daysOfCover;
  const runsOutOn = cover === null ? null : addDays(l.asOf, Math.floor(cover));
  // most price-list lines have no breaks: skip parsing an empty list 20,000 times
  const priceBreaks = src && src.priceBreaks !== '[]' ? (JSON.parse(src.priceBreaks) as PriceBreak[]) : [];
  const unitPrice = src ? unitPriceFor(Math.max(suggestedQty, 1), src.unitPrice, priceBreaks) : null;
  return {
    productId: p.id,
    sku: p.sku,
    name: p.name,
    supplierId: src?.supplierId ?? null,
    supplierProductId: src?.supplierProductId ?? null,
    supplierSku: src?.supplierSku ?? null,
    policy,
    method: f.method,
    class: f.class,
    forecastPerWeek: perWeek,
    sdPerWeek: sd,
    noForecast,
    promoUnits,
    leadTimeDays,
    leadTimeSdDays,
    leadTimeFrom: lead.from,
    safetyStock: perWeek === null ? null : r.safetyStock,
    reorderPoint: perWeek === null ? null : r.reorderPoint,
    eoq: r.eoq,
    onHand: p.onHand,
    onOrder,
    reserved: p.reserved,
    plannedLive,
    projected: r.projected,
    trigger: { kind: policy === 'rop' ? 'rop' : policy === 'minmax' ? 'min' : 'level', threshold, reached: (policy !== 'rop' || perWeek !== null) && r.projected <= threshold },
    daysOfCover: cover,
    runsOutOn,
    orderBy: runsOutOn === null ? null : addDays(runsOutOn, -Math.ceil(leadTimeDays)),
    slackDays: cover === null ? null : cover - leadTimeDays,
    suggestedQty,
    qty: suggestedQty,
    trimmed: false,
    moq: src?.moq ?? 0,
    orderMultiple: src?.orderMultiple ?? 1,
    listPrice: src?.unitPrice ?? null,
    priceBreaks,
    unitPrice,
    lineTotal: unitPrice === null ? null : unitPrice * suggestedQty,
    reason: noForecast && policy === 'rop' ? noForecast : r.reason,
  };
}
