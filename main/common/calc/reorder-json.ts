// The reorder engines over JSON, for the `reorder` command: items in (docs/reorder.md), one result
// each out. Every problem is collected with its JSON path (items[0].demand[3]) so a script sees
// them all at once.
import { forecast, sampleSd, type DemandClass, type Method } from './forecast';
import { applyPolicy, type Policy } from './reorder';

export interface ReorderIssue {
  path: string;
  message: string;
}

export class ReorderInputError extends Error {
  constructor(readonly issues: ReorderIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  }
}

export interface ReorderResult {
  id: string;
  method: Method;
  class: DemandClass;
  forecastPerPeriod: number | null;
  demandSdPerPeriod: number | null;
  safetyStock: number | null;
  reorderPoint: number | null;
  eoq: number | null;
  projected: number;
  suggestedQty: number | null;
  daysOfCover: number | null;
  /** only when there is no forecast: why */
  note?: string;
}

const METHODS = ['auto', 'mean', 'ses', 'croston', 'sba', 'tsb'] as const;
const POLICIES = ['rop', 'minmax', 'level'] as const;

class Reader {
  readonly issues: ReorderIssue[] = [];
  fail(path: string, message: string): null {
    this.issues.push({ path, message });
    return null;
  }
  /** `at` and `key` make the value's path, written out only when something is wrong with it */
  num(v: unknown, at: string, key: string, o: { min?: number; above?: number; below?: number; int?: boolean; dflt?: number; nullable?: boolean } = {}): number | null {
    if (v === undefined && o.dflt !== undefined) return o.dflt;
    if (v === null || v === undefined) return o.nullable ? null : this.fail(at + key, 'is required');
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.fail(at + key, 'must be a number');
    if (o.int && !Number.isInteger(v)) return this.fail(at + key, 'must be a whole number');
    if (o.min !== undefined && v < o.min) return this.fail(at + key, `must be at least ${o.min}`);
    if (o.above !== undefined && v <= o.above) return this.fail(at + key, `must be more than ${o.above}`);
    if (o.below !== undefined && v >= o.below) return this.fail(at + key, `must be less than ${o.below}`);
    return v;
  }
  /** an amount as a decimal string ("25.00") or a number */
  amount(v: unknown, at: string, key: string): number | null {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim())) return Number(v);
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
    return this.fail(at + key, 'must be a non-negative amount like "25.00"');
  }
  oneOf<T extends string>(v: unknown, at: string, key: string, allowed: readonly T[], dflt: T): T | null {
    if (v === undefined) return dflt;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    return this.fail(at + key, `must be one of ${allowed.join(', ')}`);
  }
}

function readItem(r: Reader, x: unknown, at: string) {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return r.fail(at, 'must be an object');
  const o = x as Record<string, unknown>;
  const id = typeof o.id === 'string' && o.id.trim() ? o.id : r.fail(`${at}.id`, 'is required');
  let demand: number[] | null = null;
  if (!Array.isArray(o.demand)) r.fail(`${at}.demand`, 'must be a list of demand per period, oldest first');
  else if (!o.demand.length) r.fail(`${at}.demand`, 'is empty: give at least one period');
  else {
    // checked in one pass; a path is only written for a value that is wrong (a year of weeks × 100k items adds up)
    let ok = true;
    for (let k = 0; k < o.demand.length; k++) {
      const d: unknown = o.demand[k];
      if (typeof d !== 'number' || !Number.isFinite(d) || d < 0) ok = r.num(d, at, `.demand[${k}]`, { min: 0 }) !== null && ok;
    }
    demand = ok ? (o.demand as number[]) : null;
  }
  const item = {
    id,
    demand,
    periodDays: r.num(o.periodDays, at, '.periodDays', { above: 0, dflt: 1 }),
    method: r.oneOf(o.method, at, '.method', METHODS, 'auto'),
    alpha: r.num(o.alpha, at, '.alpha', { above: 0, dflt: 0.1 }),
    mean: r.num(o.demandMeanPerPeriod, at, '.demandMeanPerPeriod', { min: 0, nullable: true }),
    sd: r.num(o.demandSdPerPeriod, at, '.demandSdPerPeriod', { min: 0, nullable: true }),
    leadTimeDays: r.num(o.leadTimeDays, at, '.leadTimeDays', { min: 0 }),
    leadTimeSdDays: r.num(o.leadTimeSdDays, at, '.leadTimeSdDays', { min: 0, dflt: 0 }),
    serviceLevel: r.num(o.serviceLevel, at, '.serviceLevel', { above: 0, below: 1, dflt: 0.95 }),
    onHand: r.num(o.onHand, at, '.onHand', { dflt: 0 }),
    onOrder: r.num(o.onOrder, at, '.onOrder', { min: 0, dflt: 0 }),
    reserved: r.num(o.reserved, at, '.reserved', { min: 0, dflt: 0 }),
    policy: r.oneOf<Policy>(o.policy, at, '.policy', POLICIES, 'rop'),
    orderCost: r.amount(o.orderCost, at, '.orderCost'),
    unitCost: r.amount(o.unitCost, at, '.unitCost'),
    holdingRate: r.num(o.holdingRate, at, '.holdingRate', { above: 0, nullable: true }),
    min: r.num(o.min, at, '.min', { min: 0, nullable: true }),
    max: r.num(o.max, at, '.max', { min: 0, nullable: true }),
    reorderLevel: r.num(o.reorderLevel, at, '.reorderLevel', { min: 0, nullable: true }),
    reorderQty: r.num(o.reorderQty, at, '.reorderQty', { min: 0, nullable: true }),
    moq: r.num(o.moq, at, '.moq', { min: 0, int: true, dflt: 0 }),
    orderMultiple: r.num(o.orderMultiple, at, '.orderMultiple', { min: 1, int: true, dflt: 1 }),
  };
  if (item.alpha !== null && item.alpha > 1) r.fail(`${at}.alpha`, 'must be at most 1');
  if (item.leadTimeDays === 0 && item.leadTimeSdDays !== null && item.leadTimeSdDays > 0) r.fail(`${at}.leadTimeSdDays`, 'a lead time of zero cannot vary: give the lead time, or 0 here');
  if (item.policy === 'minmax') {
    if (item.min === null) r.fail(`${at}.min`, 'is required by the minmax policy');
    if (item.max === null) r.fail(`${at}.max`, 'is required by the minmax policy');
    if (item.min !== null && item.max !== null && item.max < item.min) r.fail(`${at}.max`, 'must not be below min');
  }
  if (item.policy === 'level' && item.reorderLevel === null) r.fail(`${at}.reorderLevel`, 'is required by the level policy');
  return item;
}

/** One valid item's result. */
function run(it: NonNullable<ReturnType<typeof readItem>>): ReorderResult {
  const f = forecast(it.demand!, it.method!, it.alpha!);
  const perPeriod = it.mean ?? f.perPeriod;
  const projected = it.onHand! + it.onOrder! - it.reserved!;
  if (perPeriod === null) {
    return { id: it.id!, method: f.method, class: f.class, forecastPerPeriod: null, demandSdPerPeriod: null, safetyStock: null, reorderPoint: null, eoq: null, projected, suggestedQty: null, daysOfCover: null, note: f.why ?? 'no forecast' };
  }
  const sd = it.sd ?? sampleSd(it.demand!);
  const p = applyPolicy({
    demand: perPeriod,
    demandSd: sd,
    periodDays: it.periodDays!,
    leadTimeDays: it.leadTimeDays!,
    leadTimeSdDays: it.leadTimeSdDays!,
    serviceLevel: it.serviceLevel!,
    onHand: it.onHand!,
    onOrder: it.onOrder!,
    reserved: it.reserved!,
    policy: it.policy!,
    orderCost: it.orderCost,
    unitCost: it.unitCost,
    holdingRate: it.holdingRate,
    min: it.min,
    max: it.max,
    reorderLevel: it.reorderLevel,
    reorderQty: it.reorderQty,
    moq: it.moq!,
    orderMultiple: it.orderMultiple!,
  });
  // a literal, not a spread: spreading into a wide object makes V8 build it the slow way (5× here)
  return { id: it.id!, method: f.method, class: f.class, forecastPerPeriod: perPeriod, demandSdPerPeriod: sd, safetyStock: p.safetyStock, reorderPoint: p.reorderPoint, eoq: p.eoq, projected, suggestedQty: p.suggestedQty, daysOfCover: p.daysOfCover };
}

/** Runs every item; throws ReorderInputError listing every problem when any item is unusable. */
export function reorderJson(input: unknown): { items: ReorderResult[] } {
  const r = new Reader();
  const list = typeof input === 'object' && input !== null && Array.isArray((input as { items?: unknown }).items) ? ((input as { items: unknown[] }).items as unknown[]) : null;
  if (!list) throw new ReorderInputError([{ path: 'items', message: 'must be a list of items' }]);
  // each item is read and run in turn, so its parsed form dies young (100k items kept alive until
  // the end cost more in garbage collection than the forecasts); after a problem, only read
  const items: ReorderResult[] = [];
  for (let k = 0; k < list.length; k++) {
    const it = readItem(r, list[k], `items[${k}]`);
    if (!r.issues.length) items.push(run(it!));
  }
  if (r.issues.length) throw new ReorderInputError(r.issues);
  return { items };
}
