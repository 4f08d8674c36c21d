// Small pure helpers of the planner: the next free short code, the margin at a typed live price,
// and the scheduled time between the API's ISO string and a datetime-local input.
import { convert, parseRate } from '../../../main/common/calc/fx';
import { marginPercent } from '../../../main/common/calc/percent';
import { isCurrency, parseMoney } from '../../../main/common/money';

/** The code the app gives a product typed without one: A1…A99, then B1…, skipping codes in use. */
export function nextCode(taken: ReadonlySet<string>): string {
  for (let n = 0; n < 26 * 99; n++) {
    const c = `${String.fromCharCode(65 + Math.floor(n / 99))}${(n % 99) + 1}`;
    if (!taken.has(c)) return c;
  }
  return '';
}

/**
 * Margin at a live price typed in the session's currency, against today's average cost (base
 * currency, × 10^4), as the API shows it ("42.5"); null when the price does not parse, there is no
 * cost yet, or no rate to the base currency. Display only: the figures on orders come from the API.
 */
export function marginAt(priceText: string, currency: string, base: string, rate: string | null, avgCostE4: number): string | null {
  if (!avgCostE4 || !isCurrency(currency) || !isCurrency(base)) return null;
  let minor: number;
  try {
    minor = parseMoney(priceText.trim(), currency);
  } catch {
    return null;
  }
  let priceBase = minor;
  if (currency !== base) {
    if (rate === null) return null;
    try {
      priceBase = convert(minor, currency, base, parseRate(rate));
    } catch {
      return null;
    }
  }
  return marginPercent(priceBase, Math.round(avgCostE4 / 10_000));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO date-time → what a datetime-local input holds, in local time ("2026-11-28T20:00"). */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value → ISO for the API; blank → null; anything unreadable goes as typed for the API to refuse. */
export function fromLocalInput(v: string): string | null {
  if (!v.trim()) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : d.toISOString();
}
