// Calendar days as ISO strings (YYYY-MM-DD), counted in UTC so a day is always 24 hours.
const DAY = 86_400_000;
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** recent answers of addDays: a plan of 20,000 products asks the same few hundred again and again */
const added = new Map<string, string>();

export function addDays(day: string, n: number): string {
  const key = day + ' ' + n;
  let out = added.get(key);
  if (out === undefined) {
    out = iso(ms(day) + n * DAY);
    if (added.size >= 10_000) added.clear();
    added.set(key, out);
  }
  return out;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((ms(b) - ms(a)) / DAY);
}

/** The Monday of the week a day falls in. */
export function mondayOf(day: string): string {
  const t = ms(day);
  return iso(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY);
}

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian), by arithmetic alone: a plan reads a million dates. */
export function epochDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}
