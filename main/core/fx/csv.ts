// Reading rate files: the ECB's wide format (Date,USD,JPY,… per EUR) and a plain long format
// (date,base,quote,rate). Every row is checked; a bad row is reported with its line number and
// the others are kept.
import { parseRate, formatRate } from '../../common/calc/fx';
import { isCurrency } from '../../common/money';
import type { StoredRate } from '../../db/repos/fx';

export interface ParsedRates {
  rates: StoredRate[];
  skipped: { row: number; message: string }[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function cells(line: string): string[] {
  return line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

function validDay(d: string): boolean {
  return DAY.test(d) && !Number.isNaN(Date.parse(d + 'T00:00:00Z')) && new Date(d + 'T00:00:00Z').toISOString().startsWith(d);
}

export function parseRateFile(text: string): ParsedRates {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = cells(lines[0] ?? '').map((h) => h.toLowerCase());
  if (header[0] === 'date' && header.length > 2 && !header.includes('base')) return parseEcb(lines);
  const col = (name: string) => header.indexOf(name);
  const [iDate, iBase, iQuote, iRate] = [col('date'), col('base'), col('quote'), col('rate')];
  if ([iDate, iBase, iQuote, iRate].some((i) => i < 0)) {
    return { rates: [], skipped: [{ row: 1, message: 'the header must name date, base, quote and rate (or be the ECB format: Date,USD,JPY,…)' }] };
  }
  const out: ParsedRates = { rates: [], skipped: [] };
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const row = i + 2;
    const c = cells(line);
    const day = c[iDate] ?? '';
    const base = (c[iBase] ?? '').toUpperCase();
    const quote = (c[iQuote] ?? '').toUpperCase();
    const problem = !validDay(day)
      ? `date "${day}" is not a date (YYYY-MM-DD)`
      : !isCurrency(base)
        ? `base "${base}" is not an ISO 4217 currency`
        : !isCurrency(quote)
          ? `quote "${quote}" is not an ISO 4217 currency`
          : base === quote
            ? 'base and quote are the same currency'
            : null;
    if (problem) return void out.skipped.push({ row, message: problem });
    try {
      out.rates.push({ base, quote, day, rate: formatRate(parseRate(c[iRate] ?? '')), source: 'csv' });
    } catch (e) {
      out.skipped.push({ row, message: `rate: ${(e as Error).message}` });
    }
  });
  return out;
}

function parseEcb(lines: string[]): ParsedRates {
  const out: ParsedRates = { rates: [], skipped: [] };
  const header = cells(lines[0]!);
  const columns = header.map((code, i) => ({ code: code.toUpperCase(), i })).slice(1).filter((c) => c.code);
  const usable = columns.filter((c) => isCurrency(c.code) && c.code !== 'EUR');
  for (const c of columns) {
    if (!usable.includes(c)) out.skipped.push({ row: 1, message: `column ${c.code}: not a current ISO 4217 currency (withdrawn), skipped` });
  }
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const row = i + 2;
    const c = cells(line);
    const day = c[0] ?? '';
    if (!validDay(day)) return void out.skipped.push({ row, message: `date "${day}" is not a date (YYYY-MM-DD)` });
    for (const { code, i: at } of usable) {
      const v = c[at] ?? '';
      if (v === '' || v === 'N/A') continue;
      try {
        out.rates.push({ base: 'EUR', quote: code, day, rate: formatRate(parseRate(v)), source: 'ecb' });
      } catch (e) {
        out.skipped.push({ row, message: `${code}: ${(e as Error).message}` });
      }
    }
  });
  return out;
}
