// Reorder policies for one product at one place: safety stock, reorder point, EOQ, and how much
// to order under a reorder-point, min/max or reorder-level policy, rounded to the supplier's
// order multiple and minimum. Quantities of demand are per period (the forecast's); lead times
// are in days and turned into periods here.
//
// Sources:
// - Safety stock with demand and lead-time variability combined: SS = z·√(σd²·L + d²·σL²), d and
//   σd the demand per period and its standard deviation, L and σL the lead time and its standard
//   deviation in periods (Silver, Pyke & Thomas, Inventory and Production Management in Supply
//   Chains, 4th ed., 2017, §6.11).
// - z for a cycle service level: the standard normal quantile, by Wichura's algorithm AS 241
//   (Applied Statistics 37(3), 1988, 477–484), accurate to about 1e-16.
// - EOQ = √(2·D·S / (c·h)), D annual demand, S the cost of an order, c the unit cost, h the
//   annual holding rate (Harris 1913; Silver, Pyke & Thomas §4.2).

export type Policy = 'rop' | 'minmax' | 'level';

/** The standard normal quantile: p = 0.95 → 1.6448536269514722. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('p must be between 0 and 1');
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((r * 5226.4952788528545610 + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    x =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -x : x;
}

export interface PolicyInput {
  /** demand per period and its standard deviation */
  demand: number;
  demandSd: number;
  periodDays: number;
  leadTimeDays: number;
  leadTimeSdDays: number;
  serviceLevel: number;
  onHand: number;
  onOrder: number;
  reserved: number;
  policy: Policy;
  /** cost of placing one order and of one unit (any one currency), annual holding rate (0.25 = 25 %) */
  orderCost: number | null;
  unitCost: number | null;
  holdingRate: number | null;
  min: number | null;
  max: number | null;
  reorderLevel: number | null;
  reorderQty: number | null;
  moq: number;
  orderMultiple: number;
}

export interface PolicyResult {
  safetyStock: number;
  reorderPoint: number;
  /** null without the costs it needs */
  eoq: number | null;
  /** on hand + on order − reserved */
  projected: number;
  suggestedQty: number;
  /** days the projected stock lasts at the forecast rate; null when nothing sells */
  daysOfCover: number | null;
  /** why the quantity is what it is */
  reason: string;
}

/** Up to the order multiple, then up to the minimum order quantity. */
export function roundOrder(qty: number, multiple: number, moq: number): number {
  if (qty <= 0) return 0;
  const m = Math.max(1, multiple);
  return Math.max(Math.ceil(qty / m - 1e-9) * m, moq);
}

export function eoq(annualDemand: number, orderCost: number, unitCost: number, holdingRate: number): number | null {
  if (unitCost <= 0 || holdingRate <= 0 || orderCost < 0 || annualDemand < 0) return null;
  return Math.sqrt((2 * annualDemand * orderCost) / (unitCost * holdingRate));
}

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

export function applyPolicy(i: PolicyInput): PolicyResult {
  const L = i.leadTimeDays / i.periodDays;
  const sL = i.leadTimeSdDays / i.periodDays;
  const z = normalQuantile(i.serviceLevel);
  const safetyStock = z * Math.sqrt(i.demandSd ** 2 * L + i.demand ** 2 * sL ** 2);
  const reorderPoint = i.demand * L + safetyStock;
  const annual = (i.demand * 365) / i.periodDays;
  const q = i.orderCost !== null && i.unitCost !== null && i.holdingRate !== null ? eoq(annual, i.orderCost, i.unitCost, i.holdingRate) : null;
  const projected = i.onHand + i.onOrder - i.reserved;
  const perDay = i.demand / i.periodDays;
  const daysOfCover = perDay > 0 ? Math.max(projected, 0) / perDay : null;
  let raw = 0;
  let reason: string;
  if (i.policy === 'rop') {
    if (projected <= reorderPoint) {
      // enough to be back above the reorder point, or the economic quantity if that is more
      const back = Math.floor(reorderPoint - projected) + 1;
      raw = Math.max(q ?? 0, back);
      reason = `projected ${fmt(projected)} ≤ reorder point ${fmt(reorderPoint)}`;
    } else reason = `projected ${fmt(projected)} > reorder point ${fmt(reorderPoint)}`;
  } else if (i.policy === 'minmax') {
    const min = i.min ?? 0;
    const max = i.max ?? 0;
    if (projected <= min) {
      raw = max - projected;
      reason = `projected ${fmt(projected)} ≤ min ${fmt(min)}: up to max ${fmt(max)}`;
    } else reason = `projected ${fmt(projected)} > min ${fmt(min)}`;
  } else {
    const level = i.reorderLevel ?? 0;
    if (projected <= level) {
      raw = Math.max(i.reorderQty ?? 0, level - projected);
      reason = `projected ${fmt(projected)} ≤ reorder level ${fmt(level)}`;
    } else reason = `projected ${fmt(projected)} > reorder level ${fmt(level)}`;
  }
  return { safetyStock, reorderPoint, eoq: q, projected, suggestedQty: roundOrder(raw, i.orderMultiple, i.moq), daysOfCover, reason };
}

export interface BudgetLine {
  qty: number;
  moq: number;
  orderMultiple: number;
}

/**
 * Keeps one supplier's order within a budget: lines come most urgent first and take what they
 * need while it fits; the first that does not fit is cut to the largest orderable quantity (a
 * multiple of its pack, at least its minimum) that does, and the rest likewise — so the least
 * urgent lines are trimmed first. `cost` is a line's total for a quantity (price breaks make it
 * less than proportional). Returns each line's quantity within the budget.
 */
export function fitToBudget<T extends BudgetLine>(lines: readonly T[], budget: number, cost: (line: T, qty: number) => number): number[] {
  let left = budget;
  return lines.map((l) => {
    if (l.qty <= 0) return 0;
    const full = cost(l, l.qty);
    if (full <= left) {
      left -= full;
      return l.qty;
    }
    // the largest k with cost(k·multiple) within what is left, k·multiple ≥ moq (binary search; the
    // answer is checked, so a price break that makes cost uneven can only cost a smaller cut)
    const m = Math.max(1, l.orderMultiple);
    let lo = Math.max(1, Math.ceil(l.moq / m));
    let hi = Math.floor(l.qty / m);
    let best = 0;
    while (lo <= hi) {
      const k = Math.floor((lo + hi) / 2);
      if (cost(l, k * m) <= left) {
        best = k * m;
        lo = k + 1;
      } else hi = k - 1;
    }
    if (best) left -= cost(l, best);
    return best;
  });
}
