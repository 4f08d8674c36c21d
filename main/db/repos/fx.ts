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
