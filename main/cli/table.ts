import { formatMoney, groupDigits } from '../common/money';

/** Plain-text table with right-aligned numeric columns. */
export function table(headers: string[], rows: string[][], numeric: boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const cell = (v: string, i: number) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!));
  const line = (r: string[]) => r.map(cell).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** 123456 USD → "1,234.56 USD"; null → "—". */
export const money = (minor: number | null, currency: string): string => (minor === null ? '—' : `${groupDigits(formatMoney(minor, currency))} ${currency}`);
