import type { Db } from '../open';
import { stmt } from './statements';

export interface StoredRate {
  base: string;
  quote: string;
  day: string;
  rate: string;
  source: 'ecb' | 'csv' | 'manual';
}

/** Inserts or replaces one day's rate for a pair (a re-import corrects a published rate). */
export function putRate(db: Db, r: StoredRate, now: string): void {
  stmt(
    db,
    `INSERT INTO fx_rates (base, quote, day, rate, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (base, quote, day) DO UPDATE SET rate = excluded.rate, source = excluded.source, updated_at = excluded.updated_at`,
  ).run(r.base, r.quote, r.day, r.rate, r.source, now, now);
}

/** The latest rate for a pair on or before a day (one index seek). */
export function rateOnOrBefore(db: Db, base: string, quote: string, day: string): StoredRate | null {
  const r = stmt(db, 'SELECT base, quote, day, rate, source FROM fx_rates WHERE base = ? AND quote = ? AND day <= ? ORDER BY day DESC LIMIT 1').get(
    base,
    quote,
    day,
  ) as StoredRate | undefined;
  return r ?? null;
}

/** Every currency that has a rate (either side of a pair). */
export function currenciesWithRates(db: Db): string[] {
  return (stmt(db, 'SELECT DISTINCT base AS c FROM fx_rates UNION SELECT DISTINCT quote FROM fx_rates ORDER BY c').all() as { c: string }[]).map((r) => r.c);
}

/** The days on which a pair, or either of its EUR legs, has a rate, within [since, until]. */
export function rateDays(db: Db, a: string, b: string, since: string, until: string): string[] {
  const pairs = [[a, b], [b, a], ['EUR', a], ['EUR', b]];
  const sql = `SELECT DISTINCT day FROM fx_rates WHERE ${pairs.map(() => '(base = ? AND quote = ? AND day BETWEEN ? AND ?)').join(' OR ')} ORDER BY day`;
  return (stmt(db, sql).all(...pairs.flatMap(([x, y]) => [x, y, since, until])) as { day: string }[]).map((r) => r.day);
}
