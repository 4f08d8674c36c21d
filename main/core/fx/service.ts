import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { FxImportReport, FxOverview, FxQuote } from '../../common/api/types';
import { crossRate, formatRate, invertRate, parseRate } from '../../common/calc/fx';
import * as repo from '../../db/repos/fx';
import type { Db } from '../../db/open';
import type { Ctx } from '../context';
import { baseCurrency } from '../settings/service';
import { parseRateFile } from './csv';

/** A rate older than this on the day asked is flagged stale (ECB skips weekends and holidays). */
export const STALE_AFTER_DAYS = 7;

export function ecbDataFile(): string {
  return process.env.CROSSDOCK_ECB_FILE ?? fileURLToPath(new URL('./data/eurofxref-hist.zip', import.meta.url));
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000);

interface Candidate {
  rate: bigint;
  day: string;
  via: FxQuote['via'];
  source: FxQuote['source'];
}

/**
 * The rate from → to on a day: the latest on or before it, entered for the pair, for its
 * inverse, or derived through EUR (the ECB's base). The most recent of these wins; on a tie a
 * rate entered for the pair itself is preferred.
 */
export function findRate(db: Db, from: string, to: string, day: string): FxQuote | null {
  const quote = (c: Candidate): FxQuote => {
    const ageDays = daysBetween(c.day, day);
    return { from, to, rate: formatRate(c.rate), day: c.day, via: c.via, source: c.source, ageDays, stale: ageDays > STALE_AFTER_DAYS };
  };
  if (from === to) return quote({ rate: parseRate('1'), day, via: 'same', source: 'identity' });
  const found: Candidate[] = [];
  const direct = repo.rateOnOrBefore(db, from, to, day);
  if (direct) found.push({ rate: parseRate(direct.rate), day: direct.day, via: 'direct', source: direct.source });
  const inverse = repo.rateOnOrBefore(db, to, from, day);
  if (inverse) found.push({ rate: invertRate(parseRate(inverse.rate)), day: inverse.day, via: 'inverse', source: inverse.source });
  if (from !== 'EUR' && to !== 'EUR') {
    const legFrom = repo.rateOnOrBefore(db, 'EUR', from, day);
    const legTo = repo.rateOnOrBefore(db, 'EUR', to, day);
    if (legFrom && legTo) {
      // the older leg dates the cross, and its source is the one worth naming
      const older = legFrom.day <= legTo.day ? legFrom : legTo;
      found.push({ rate: crossRate(parseRate(legFrom.rate), parseRate(legTo.rate)), day: older.day, via: 'EUR cross', source: older.source });
    }
  }
  if (!found.length) return null;
  // stable sort: ties keep the order direct, inverse, cross
  return quote([...found].sort((a, b) => (a.day === b.day ? 0 : a.day > b.day ? -1 : 1))[0]!);
}

export function rate(ctx: Ctx, input: Parsed<'fx.rate'>): FxQuote {
  const day = input.date ?? ctx.now.slice(0, 10);
  const q = findRate(ctx.db, input.from, input.to, day);
  if (!q) {
    throw new ApiError('not_found', `No ${input.from}→${input.to} rate on or before ${day}. Import the ECB rates or enter one.`, { field: 'from' });
  }
  return q;
}

export function overview(ctx: Ctx, input: Parsed<'fx.overview'>): FxOverview {
  const base = baseCurrency(ctx);
  const day = input.date ?? ctx.now.slice(0, 10);
  const rows = repo
    .currenciesWithRates(ctx.db)
    .filter((c) => c !== base)
    .map((c) => findRate(ctx.db, c, base, day))
    .filter((q): q is FxQuote => q !== null);
  return { base, rows };
}

/** The pair's rate on each day one of its sources published one, as the look-up would give it. */
export function history(ctx: Ctx, input: Parsed<'fx.history'>): { day: string; rate: string }[] {
  return repo
    .rateDays(ctx.db, input.from, input.to, input.since, input.until)
    .map((day) => findRate(ctx.db, input.from, input.to, day))
    .filter((q): q is FxQuote => q !== null)
    .map((q) => ({ day: q.day, rate: q.rate }))
    .filter((p, i, all) => i === 0 || all[i - 1]!.day !== p.day);
}

export function setRate(ctx: Ctx, input: Parsed<'fx.set'>): FxQuote {
  let value: string;
  try {
    value = formatRate(parseRate(input.rate));
  } catch (e) {
    throw ApiError.field('rate', (e as Error).message);
  }
  if (input.day > ctx.now.slice(0, 10)) throw ApiError.field('day', 'cannot be in the future');
  repo.putRate(ctx.db, { base: input.base, quote: input.quote, day: input.day, rate: value, source: 'manual' }, ctx.now);
  ctx.emit('fx.changed', {});
  return findRate(ctx.db, input.base, input.quote, input.day)!;
}

export function importCsv(ctx: Ctx, text: string): FxImportReport {
  const parsed = parseRateFile(text);
  for (const r of parsed.rates) repo.putRate(ctx.db, r, ctx.now);
  if (parsed.rates.length) ctx.emit('fx.changed', {});
  const days = [...new Set(parsed.rates.map((r) => r.day))].sort();
  return {
    imported: parsed.rates.length,
    days: days.length,
    currencies: [...new Set(parsed.rates.flatMap((r) => [r.base, r.quote]))].sort(),
    from: days[0] ?? null,
    to: days.at(-1) ?? null,
    skipped: parsed.skipped,
  };
}

/** The ECB file as text, from its zip (the form the ECB publishes it in). */
export function readEcbZip(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  const name = Object.keys(files).find((n) => n.toLowerCase().endsWith('.csv'));
  if (!name) throw new ApiError('invalid_input', 'The zip holds no CSV file');
  return strFromU8(files[name]!);
}

export function importEcb(ctx: Ctx): FxImportReport {
  return importCsv(ctx, readEcbZip(fs.readFileSync(ecbDataFile())));
}
