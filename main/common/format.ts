// Pure display helpers shared by the UI (and anything else that prints figures for people).
// They only format what the API returns: integer minor units, scaled average costs, ISO dates.
import { avgCostMinor } from './calc/valuation';
import { currencyExponent, formatMoney, groupDigits, isCurrency } from './money';

/** 123456 CNY → "1,234.56"; an unknown currency is shown as the raw integer. */
export function formatAmount(minor: number, currency: string): string {
  if (!isCurrency(currency)) return groupDigits(String(minor));
  return groupDigits(formatMoney(minor, currency));
}

/** Average unit cost (minor units × 10^4) rounded to the minor unit, grouped. */
export function formatAvgCost(avgCostE4: number, currency: string): string {
  return formatAmount(avgCostMinor({ avgCostE4 }), currency);
}

/** Whole numbers with thousands separators: 12345 → "12,345". */
export function formatQty(n: number): string {
  return groupDigits(String(n));
}

/** Signed quantity for ledgers: 5 → "+5", -3 → "−3" (a real minus sign). */
export function formatSignedQty(n: number): string {
  if (n > 0) return '+' + formatQty(n);
  if (n < 0) return '\u2212' + formatQty(-n);
  return '0';
}

/** The smallest amount a currency shows, for placeholders: CNY → "0.00", JPY → "0". */
export function zeroAmount(currency: string): string {
  const exp = isCurrency(currency) ? currencyExponent(currency) : 2;
  return exp > 0 ? '0.' + '0'.repeat(exp) : '0';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO date-time → local "YYYY-MM-DD". */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** ISO date-time → local "YYYY-MM-DD HH:mm". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatDate(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today's local calendar date as "YYYY-MM-DD" (what a date input holds). */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "2026-11-03" → "11-03" for compact chart axes. */
export function shortDay(day: string): string {
  return day.length >= 10 ? day.slice(5, 10) : day;
}

/** Compact figures for chart axes: 1234567 → "1.2M", 45300 → "45.3k". */
export function compactNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9) return (n / 1e9).toFixed(1).replace(/\.0$/, '') + 'B';
  if (abs >= 1e6) return (n / 1e6).toFixed(1).replace(/\.0$/, '') + 'M';
  if (abs >= 1e4) return (n / 1e3).toFixed(1).replace(/\.0$/, '') + 'k';
  return String(Math.round(n));
}

/** Minor units → major units as a float, for chart geometry only (never for stored figures). */
export function minorToMajor(minor: number, currency: string): number {
  const exp = isCurrency(currency) ? currencyExponent(currency) : 0;
  return minor / 10 ** exp;
}
