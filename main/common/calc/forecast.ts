// Demand forecasting for one series of demand per period (oldest first): the mean, simple
// exponential smoothing, Croston, the Syntetos–Boylan approximation and Teunter–Syntetos–Babai,
// with the classification of a series as smooth, erratic, intermittent or lumpy that picks one.
//
// Sources:
// - Croston, J.D. (1972) Forecasting and stock control for intermittent demands. Operational
//   Research Quarterly 23(3), 289–303; as computed by R's forecast package (Hyndman), croston():
//   the non-zero demands and the intervals between them (the first interval is the position,
//   1-based, of the first non-zero period) are each smoothed with the same alpha, both starting
//   at their first value; the forecast is the last smoothed demand over the last smoothed
//   interval. With a single non-zero period, that demand over its position.
// - Syntetos, A.A. & Boylan, J.E. (2005) The accuracy of intermittent demand estimates. IJF 21,
//   303–314: SBA multiplies Croston's forecast by 1 − α/2.
// - Teunter, R.H., Syntetos, A.A. & Babai, M.Z. (2011) Intermittent demand: linking forecasting to
//   inventory obsolescence. EJOR 214, 606–615: the probability of a demand is smoothed every
//   period, its size only when one occurs; the forecast is their product.
// - Syntetos, A.A., Boylan, J.E. & Croston, J.D. (2005) On the categorization of demand patterns.
//   JORS 56, 495–503: cut-offs ADI 1.32 and CV² 0.49.
// - Hyndman, R.J. & Koehler, A.B. (2006) Another look at measures of forecast accuracy. IJF 22,
//   679–688: MASE, errors scaled by the in-sample one-step naive forecast's mean absolute error.

export type Method = 'mean' | 'ses' | 'croston' | 'sba' | 'tsb';
export type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy';

export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

export interface Classification {
  /** average inter-demand interval: periods per period with demand (Infinity with none) */
  adi: number;
  /** squared coefficient of variation of the non-zero demands (sample variance over mean²) */
  cv2: number;
  class: DemandClass;
}

const nonZero = (ys: readonly number[]) => ys.filter((y) => y > 0);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

export function classify(demand: readonly number[]): Classification {
  const nz = nonZero(demand);
  const adi = nz.length ? demand.length / nz.length : Infinity;
  const m = nz.length ? mean(nz) : 0;
  const cv2 = m > 0 ? (sampleSd(nz) / m) ** 2 : 0;
  const intermittent = adi >= ADI_CUTOFF;
  const variable = cv2 >= CV2_CUTOFF;
  return { adi, cv2, class: intermittent ? (variable ? 'lumpy' : 'intermittent') : variable ? 'erratic' : 'smooth' };
}

/** The method `auto` picks for a class: SES for smooth and erratic, SBA for intermittent, TSB for lumpy. */
export function methodFor(c: DemandClass): Method {
  return c === 'intermittent' ? 'sba' : c === 'lumpy' ? 'tsb' : 'ses';
}

/** Simple exponential smoothing starting at the first value (forecast's ses(initial = "simple")). */
export function ses(ys: readonly number[], alpha: number): number {
  let level = ys[0]!;
  for (let i = 1; i < ys.length; i++) level += alpha * (ys[i]! - level);
  return level;
}

/** Croston's forecast per period, or SBA's with `sba`; null without any demand. */
export function croston(demand: readonly number[], alpha: number, variant: 'croston' | 'sba' = 'croston'): number | null {
  const positions: number[] = [];
  demand.forEach((y, i) => y > 0 && positions.push(i + 1));
  if (!positions.length) return null;
  const sizes = positions.map((p) => demand[p - 1]!);
  const intervals = positions.map((p, i) => (i === 0 ? p : p - positions[i - 1]!));
  const f = ses(sizes, alpha) / ses(intervals, alpha);
  return variant === 'sba' ? f * (1 - alpha / 2) : f;
}

/**
 * Teunter–Syntetos–Babai: the probability of demand starts at the share of periods with demand
 * (1/ADI) and the size at the mean non-zero demand; then the probability is smoothed every
 * period (with `beta`) and the size when a demand occurs (with `alpha`). Null without any demand.
 */
export function tsb(demand: readonly number[], alpha: number, beta = alpha): number | null {
  const nz = nonZero(demand);
  if (!nz.length) return null;
  let p = nz.length / demand.length;
  let z = mean(nz);
  for (const y of demand) {
    if (y > 0) {
      p += beta * (1 - p);
      z += alpha * (y - z);
    } else p += beta * (0 - p);
  }
  return p * z;
}

/** One method's forecast per period, or null when the series cannot carry it. */
export function forecastWith(method: Method, demand: readonly number[], alpha: number): number | null {
  if (!demand.length) return null;
  switch (method) {
    case 'mean':
      return mean(demand);
    case 'ses':
      return ses(demand, alpha);
    case 'croston':
      return croston(demand, alpha);
    case 'sba':
      return croston(demand, alpha, 'sba');
    case 'tsb':
      return tsb(demand, alpha);
  }
}

/**
 * The one-step forecasts a method makes from each point of a series: element t is what it would
 * have said about period t knowing periods 0..t−1 (null where it could not say). One pass for
 * every method: TSB's start values depend on the whole prefix, but its recursions are linear in
 * them, so the prefix's result is (1 − β)^t·p₀ plus the recursion run from zero (likewise z).
 */
export function oneStepForecasts(method: Method, demand: readonly number[], alpha: number, beta = alpha): (number | null)[] {
  const i = ORDER.indexOf(method);
  const f = allSteps(demand, alpha, beta);
  return Array.from({ length: demand.length }, (_, t) => (t === 0 || Number.isNaN(f[t * ORDER.length + i]!) ? null : f[t * ORDER.length + i]!));
}

/** the methods in the order allSteps gives their forecasts */
const ORDER: readonly Method[] = ['mean', 'ses', 'croston', 'sba', 'tsb'];
// allSteps' buffer, reused: synchronous and never re-entered, so one is enough
let steps = new Float64Array(ORDER.length * 256);

/**
 * Walks a series once and gives, for each period t from 1, what every method would have forecast
 * for it from periods 0..t−1: element t·5 + i for the i-th method of ORDER, NaN where it has
 * nothing to say. One pass serves all five: a plan backtests every method on every product. The
 * buffer is reused by the next call.
 */
function allSteps(demand: readonly number[], alpha: number, beta: number): Float64Array {
  if (steps.length < demand.length * ORDER.length) steps = new Float64Array(demand.length * ORDER.length * 2);
  const f = steps;
  let sum = 0;
  let level = 0;
  // Croston: smoothed size and interval, demands seen, position of the last demand
  let size = 0;
  let interval = 0;
  let demands = 0;
  let last = 0;
  // TSB from zero start values, the decay factors, and the sum of the demands
  let p0run = 0;
  let z0run = 0;
  let pDecay = 1;
  let zDecay = 1;
  let nzSum = 0;
  for (let t = 0; t < demand.length; t++) {
    if (t > 0) {
      const at = t * ORDER.length;
      const crostonF = demands ? size / interval : NaN;
      f[at] = sum / t;
      f[at + 1] = level;
      f[at + 2] = crostonF;
      f[at + 3] = crostonF * (1 - alpha / 2);
      f[at + 4] = demands ? (pDecay * (demands / t) + p0run) * (zDecay * (nzSum / demands) + z0run) : NaN;
    }
    const y = demand[t]!;
    sum += y;
    level = t === 0 ? y : level + alpha * (y - level);
    pDecay *= 1 - beta;
    p0run = (1 - beta) * p0run + (y > 0 ? beta : 0);
    if (y > 0) {
      const gap = t + 1 - last;
      size = demands ? size + alpha * (y - size) : y;
      interval = demands ? interval + alpha * (gap - interval) : gap;
      zDecay *= 1 - alpha;
      z0run = (1 - alpha) * z0run + alpha * y;
      demands++;
      nzSum += y;
      last = t + 1;
    }
  }
  return f;
}

/**
 * Mean absolute scaled error of one-step forecasts made from each point of the history on (at
 * least `minHistory` periods in), against the in-sample naive forecast (last period's demand).
 * Null when there is too little history, or the naive forecast never errs (a constant series).
 */
export function mase(method: Method, demand: readonly number[], alpha: number, minHistory = 4): number | null {
  return maseAll(demand, alpha, minHistory)[method];
}

/** mase of every method, from one pass over the history. */
export function maseAll(demand: readonly number[], alpha: number, minHistory = 4): Record<Method, number | null> {
  const errors: Record<Method, number | null> = { mean: null, ses: null, croston: null, sba: null, tsb: null };
  if (demand.length < minHistory + 1) return errors;
  let naive = 0;
  for (let t = 1; t < demand.length; t++) naive += Math.abs(demand[t]! - demand[t - 1]!);
  naive /= demand.length - 1;
  if (naive === 0) return errors;
  const f = allSteps(demand, alpha, alpha);
  for (let i = 0; i < ORDER.length; i++) {
    let err = 0;
    let n = 0;
    for (let t = minHistory; t < demand.length; t++) {
      const v = f[t * ORDER.length + i]!;
      if (Number.isNaN(v)) continue;
      err += Math.abs(demand[t]! - v);
      n++;
    }
    errors[ORDER[i]!] = n ? err / n / naive : null;
  }
  return errors;
}

export interface Forecast {
  method: Method;
  class: DemandClass;
  adi: number;
  cv2: number;
  /** null: the series cannot carry a forecast (why says so) */
  perPeriod: number | null;
  why: string | null;
}

/**
 * `auto` classifies the series and takes its class's method. A series without a single demand
 * gets no forecast from any method, and says so, rather than a zero that looks like one.
 */
export function forecast(demand: readonly number[], method: Method | 'auto', alpha: number): Forecast {
  const c = classify(demand);
  const m: Method = method === 'auto' ? methodFor(c.class) : method;
  if (!demand.length) return { method: m, class: c.class, adi: c.adi, cv2: c.cv2, perPeriod: null, why: 'no demand history' };
  if (!demand.some((y) => y > 0)) return { method: m, class: c.class, adi: c.adi, cv2: c.cv2, perPeriod: null, why: 'no demand in the history' };
  return { method: m, class: c.class, adi: c.adi, cv2: c.cv2, perPeriod: forecastWith(m, demand, alpha), why: null };
}
