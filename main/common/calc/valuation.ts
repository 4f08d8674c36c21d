// Perpetual moving-average valuation for one product at one location.
//
// The balance keeps its value exactly (the sum of its movements' values, in base-currency minor
// units) and its average unit cost at 4 decimals beyond the minor unit (COST_SCALE). An inflow
// with a cost re-derives the average from value / quantity; an outflow is costed at the current
// average and leaves it unchanged, so issues never move the cost of what remains. The last unit
// out takes whatever value is left, so an empty balance never keeps a stray minor unit.
import { divRound, toSafeNumber } from '../money';

export const COST_SCALE = 10_000n;

export interface CostState {
  qty: number;
  value: number;
  /** average unit cost in minor units × COST_SCALE */
  avgCostE4: number;
}

export interface CostStep {
  state: CostState;
  /** signed value of the movement, minor units */
  value: number;
}

export const EMPTY_COST: CostState = { qty: 0, value: 0, avgCostE4: 0 };

/** Receipt of qty units worth `value` minor units in total. */
export function inflow(s: CostState, qty: number, value: number): CostStep {
  if (!Number.isSafeInteger(qty) || qty <= 0) throw new RangeError('inflow quantity must be a positive integer');
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError('inflow value must be a non-negative integer');
  const newQty = s.qty + qty;
  const newValue = s.value + value;
  const avg = newQty > 0 ? divRound(BigInt(newValue) * COST_SCALE, BigInt(newQty)) : BigInt(s.avgCostE4);
  return { state: { qty: newQty, value: newValue, avgCostE4: toSafeNumber(avg) }, value };
}

/** Inflow of qty units at the current average (found stock, a count that came out higher). */
export function inflowAtAverage(s: CostState, qty: number): CostStep {
  return inflow(s, qty, toSafeNumber(divRound(BigInt(qty) * BigInt(s.avgCostE4), COST_SCALE)));
}

/** Issue of qty units at the current average. Quantity may go negative only if the caller allows it. */
export function outflow(s: CostState, qty: number): CostStep {
  if (!Number.isSafeInteger(qty) || qty <= 0) throw new RangeError('outflow quantity must be a positive integer');
  const newQty = s.qty - qty;
  const issued =
    newQty === 0 ? BigInt(s.value) : divRound(BigInt(qty) * BigInt(s.avgCostE4), COST_SCALE);
  const newValue = s.value - toSafeNumber(issued);
  return { state: { qty: newQty, value: newValue, avgCostE4: s.avgCostE4 }, value: -toSafeNumber(issued) };
}

/**
 * Issue of qty units at a given total value: taking back a receipt at what it cost, so that
 * undoing a mistaken receipt restores the average it disturbed. Falls back to the average when
 * that value is the same, would exceed the value held, or the issue empties the balance.
 */
export function outflowAtValue(s: CostState, qty: number, value: number): CostStep {
  const atAverage = outflow(s, qty);
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError('outflow value must be a non-negative integer');
  const newQty = s.qty - qty;
  if (newQty <= 0 || value > s.value || -atAverage.value === value) return atAverage;
  const newValue = s.value - value;
  return { state: { qty: newQty, value: newValue, avgCostE4: toSafeNumber(divRound(BigInt(newValue) * COST_SCALE, BigInt(newQty))) }, value: -value };
}

/** Replays a stored outflow: it was either at the average or (if its value differs) at its own value. */
export function replayOutflow(s: CostState, qty: number, value: number): CostState {
  const atAverage = outflow(s, qty);
  return atAverage.value === value ? atAverage.state : outflowAtValue(s, qty, -value).state;
}

/**
 * A change of value without a change of quantity (a landed cost capitalised onto the units on
 * hand, or taken back): the average is re-derived from the new value. There must be units to
 * carry it, and the value may not drop below zero.
 */
export function revalue(s: CostState, delta: number): CostStep {
  if (!Number.isSafeInteger(delta)) throw new RangeError('revaluation must be a whole number of minor units');
  if (s.qty <= 0) throw new RangeError('nothing on hand to revalue');
  const newValue = s.value + delta;
  if (newValue < 0) throw new RangeError('a revaluation cannot take the value below zero');
  return { state: { qty: s.qty, value: newValue, avgCostE4: toSafeNumber(divRound(BigInt(newValue) * COST_SCALE, BigInt(s.qty))) }, value: delta };
}

/** Average unit cost rounded to the minor unit (for display and documents). */
export function avgCostMinor(s: Pick<CostState, 'avgCostE4'>): number {
  return toSafeNumber(divRound(BigInt(s.avgCostE4), COST_SCALE));
}
