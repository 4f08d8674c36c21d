// Two years of a cross-border reseller's trading, as a stream of documents in date order: the
// movements the benchmark dataset posts. Pure: it mirrors stock itself and touches no database.
import { planCatalogue, type Origin } from './catalog';

export const LOCATIONS = [
  { code: 'HOME', name: 'Home stockroom, Shanghai', kind: 'own', country: 'CN' },
  { code: 'TYO', name: 'Tokyo consolidation warehouse', kind: 'overseas', country: 'JP' },
  { code: 'OSA', name: 'Osaka forwarder', kind: 'overseas', country: 'JP' },
  { code: 'SEL', name: 'Seoul forwarder', kind: 'overseas', country: 'KR' },
  { code: 'LAX', name: 'Los Angeles forwarder', kind: 'overseas', country: 'US' },
  { code: 'FRA', name: 'Frankfurt EU hub', kind: 'overseas', country: 'DE' },
  { code: 'BND-NB', name: 'Ningbo bonded warehouse', kind: 'bonded', country: 'CN' },
  { code: 'BND-GZ', name: 'Guangzhou Nansha bonded warehouse', kind: 'bonded', country: 'CN' },
  { code: '3PL-HZ', name: 'Hangzhou 3PL', kind: '3pl', country: 'CN' },
  { code: '3PL-SZ', name: 'Shenzhen 3PL', kind: '3pl', country: 'CN' },
  { code: 'TRANSIT', name: 'In transit', kind: 'in_transit', country: null },
] as const;
type Code = (typeof LOCATIONS)[number]['code'];
const L = LOCATIONS.length;
const loc = (code: Code) => LOCATIONS.findIndex((l) => l.code === code);

function sourceFor(origin: Origin, rand: () => number): number {
  switch (origin) {
    case 'JP': return loc(rand() < 0.7 ? 'TYO' : 'OSA');
    case 'KR': return loc(rand() < 0.75 ? 'SEL' : 'BND-NB');
    case 'US': return loc('LAX');
    case 'FR': case 'DE': case 'GB': case 'IT': return loc(rand() < 0.8 ? 'FRA' : 'BND-NB');
    default: return loc('BND-GZ');
  }
}

function salesFor(source: number, rand: () => number): number {
  // bonded goods are sold cross-border straight from the bonded warehouse
  if (LOCATIONS[source]!.kind === 'bonded') return source;
  const r = rand();
  return loc(r < 0.45 ? 'HOME' : r < 0.8 ? '3PL-HZ' : '3PL-SZ');
}

export interface Doc {
  kind: 'transfer' | 'receipt' | 'sale' | 'return' | 'count' | 'write_off' | 'adjustment';
  product: number;
  loc: number;
  from: number;
  to: number;
  qty: number;
  value?: number;
  at: string;
  reason: string | null;
  note: string | null;
  docType: string | null;
  docId: string | null;
  actor: string;
}

/**
 * Two years of trading in date order. Products are introduced over time with an opening
 * receipt at their source warehouse; then each day, products picked by a heavy-tailed
 * popularity sell from their sales location, which is refilled by transfers (some through
 * TRANSIT, arriving days later) and the source by new receipts when it runs dry. Stock is
 * mirrored here so nothing is ever refused for going negative.
 */
export function* simulate(plan: ReturnType<typeof planCatalogue>, archived: Set<number>, target: number, rand: () => number): Generator<Doc> {
  const DAYS = 730;
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const dayStart = (d: number) => today - (DAYS - d) * 86_400_000;

  const stockable = plan.map((p, i) => i).filter((i) => !plan[i]!.isParent && !archived.has(i));
  const n = stockable.length;
  const stock = new Int32Array(plan.length * L);
  const add = (at: number, q: number) => void (stock[at] = stock[at]! + q);
  const source = new Int8Array(plan.length);
  const sales = new Int8Array(plan.length);
  const cost = new Float64Array(plan.length);
  const intro = new Int16Array(plan.length);
  const weight = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = stockable[k]!;
    source[i] = sourceFor(plan[i]!.origin, rand);
    sales[i] = salesFor(source[i]!, rand);
    cost[i] = plan[i]!.costMinor;
    intro[i] = rand() < 0.35 ? Math.floor(rand() * 20) : Math.floor(rand() * (DAYS - 30));
    // heavy tail: a few best sellers, a long tail of slow movers
    const g = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    weight[k] = Math.exp(1.3 * g);
  }
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cumulative[k] = sum += weight[k]!;
  const pickProduct = (day: number): number => {
    for (let tries = 0; tries < 50; tries++) {
      const r = rand() * sum;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < r) lo = mid + 1;
        else hi = mid;
      }
      const i = stockable[lo]!;
      if (intro[i]! <= day) return i;
    }
    return -1;
  };
  const byIntro: number[][] = Array.from({ length: DAYS }, () => []);
  for (const i of stockable) byIntro[intro[i]!]!.push(i);
  const transit = loc('TRANSIT');
  const arrivals: { product: number; qty: number; to: number }[][] = Array.from({ length: DAYS + 30 }, () => []);

  // the movement budget after opening receipts, spread over the days with growth, weekly rhythm
  // and the 618 and 11.11 shopping festivals
  const rest = Math.max(0, target - n);
  const dayWeight = (d: number) => {
    const date = new Date(dayStart(d));
    const md = date.getUTCMonth() * 100 + date.getUTCDate();
    const festival = (md >= 1101 && md <= 1111) || (md >= 601 && md <= 618) ? 2.2 : 1;
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6 ? 1.25 : 1;
    return (0.5 + d / DAYS) * festival * weekend;
  };
  const dayWeights = Array.from({ length: DAYS }, (_, d) => dayWeight(d));
  const weightSum = dayWeights.reduce((a, b) => a + b, 0);

  let emitted = 0;
  let order = 0;
  for (let d = 0; d < DAYS && emitted < target; d++) {
    const arriving = arrivals[d]!;
    const intros = byIntro[d]!;
    // the last day takes whatever rounding left over, so the total comes out exact
    const budget =
      d === DAYS - 1
        ? Math.max(0, target - emitted)
        : Math.round((rest * dayWeights[d]!) / weightSum) + intros.length + arriving.length * 2;
    const stop = Math.min(target, emitted + budget);
    let slot = 0;
    // 08:00–22:00 UTC, in order
    const at = () => new Date(dayStart(d) + 8 * 3_600_000 + Math.floor((slot++ / (budget + 1)) * 14 * 3_600_000)).toISOString();
    const base = { from: 0, to: 0, value: undefined, reason: null, note: null, docType: null, docId: null, actor: '' };

    for (const a of arriving) {
      if (emitted + 2 > target) break;
      add(a.product * L + transit, -a.qty);
      add(a.product * L + a.to, a.qty);
      emitted += 2;
      yield { ...base, kind: 'transfer', product: a.product, loc: transit, from: transit, to: a.to, qty: a.qty, at: at(), note: 'arrived' };
    }
    for (const i of intros) {
      if (emitted >= target) break;
      const qty = 10 + Math.floor(rand() * 90);
      add(i * L + source[i]!, qty);
      emitted++;
      yield { ...base, kind: 'receipt', product: i, loc: source[i]!, qty, value: Math.round(qty * cost[i]!), at: at(), reason: 'opening', docType: 'receipt', docId: null };
    }
    while (emitted < stop) {
      const i = pickProduct(d);
      if (i < 0) break;
      const s = source[i]!;
      const t = sales[i]!;
      const r = rand();
      if (r < 0.05) {
        // the small stuff: returns, counts, write-offs, corrections
        const where = rand() < 0.7 ? t : s;
        const have = stock[i * L + where]!;
        const m = rand();
        if (m < 0.35 && where === t) {
          add(i * L + where, 1);
          emitted++;
          yield { ...base, kind: 'return', product: i, loc: where, qty: 1, at: at(), reason: 'customer return', docType: 'return', docId: null };
        } else if (m < 0.6 && have > 0) {
          const q = rand() < 0.5 || have < 2 ? -1 : 1;
          add(i * L + where, q);
          emitted++;
          yield { ...base, kind: 'count', product: i, loc: where, qty: q, at: at(), reason: 'cycle count', docType: 'count', docId: null };
        } else if (m < 0.85 && have > 0) {
          add(i * L + where, -1);
          emitted++;
          yield { ...base, kind: 'write_off', product: i, loc: where, qty: -1, at: at(), reason: rand() < 0.6 ? 'damaged' : 'expired', note: rand() < 0.3 ? 'crushed in transit' : null, docType: 'write_off', docId: null };
        } else {
          add(i * L + where, 1);
          emitted++;
          yield { ...base, kind: 'adjustment', product: i, loc: where, qty: 1, at: at(), reason: 'found', docType: 'adjustment', docId: null };
        }
        continue;
      }
      const q = rand() < 0.9 ? 1 + Math.floor(rand() * 3) : 5 + Math.floor(rand() * 20);
      if (stock[i * L + t]! >= q) {
        add(i * L + t, -q);
        emitted++;
        yield { ...base, kind: 'sale', product: i, loc: t, qty: -q, at: at(), docType: 'sale', docId: rand() < 0.15 ? `live-${++order}` : null, note: null };
      } else if (s !== t && stock[i * L + s]! > 0 && emitted + 2 <= target) {
        const have = stock[i * L + s]!;
        const qty = rand() < 0.6 ? have : Math.max(1, Math.ceil(have / 2));
        add(i * L + s, -qty);
        emitted += 2;
        if (rand() < 0.3 && d + 5 < DAYS) {
          add(i * L + transit, qty);
          arrivals[d + 4 + Math.floor(rand() * 10)]!.push({ product: i, qty, to: t });
          yield { ...base, kind: 'transfer', product: i, loc: s, from: s, to: transit, qty, at: at(), note: 'EMS parcel' };
        } else {
          add(i * L + t, qty);
          yield { ...base, kind: 'transfer', product: i, loc: s, from: s, to: t, qty, at: at(), note: null };
        }
      } else {
        const qty = 12 + Math.floor(rand() * 120);
        // buying prices drift a little with each trip
        cost[i] = cost[i]! * (0.95 + rand() * 0.12);
        add(i * L + s, qty);
        emitted++;
        yield { ...base, kind: 'receipt', product: i, loc: s, qty, value: Math.round(qty * cost[i]!), at: at(), reason: 'received', docType: 'receipt', docId: null };
      }
    }
  }
}
