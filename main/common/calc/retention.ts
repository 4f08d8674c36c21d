// Which backups to keep: the newest of each of the last N days, weeks and months that have one
// (grandfather-father-son rotation), and always the newest of all; besides, every backup of the last
// day (this morning's, the one before this afternoon's import), and every backup taken just before
// a restore or an upgrade for as many days as dailies are kept (it is how either is undone).
// Pure; times are ISO strings in UTC, weeks start on Monday.

export interface RetentionRule {
  /** every backup this many hours younger than the newest */
  allHours: number;
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionRule = { allHours: 24, daily: 7, weekly: 4, monthly: 12 };

const dayOf = (iso: string) => iso.slice(0, 10);
const monthOf = (iso: string) => iso.slice(0, 7);
function weekOf(iso: string): string {
  const d = new Date(`${dayOf(iso)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** The names of the backups to keep; every other one may be deleted. */
export function backupsToKeep(backups: readonly { name: string; at: string; reason?: string }[], rule: RetentionRule = DEFAULT_RETENTION): Set<string> {
  const newestFirst = [...backups].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.name < b.name ? 1 : -1));
  const keep = new Set<string>();
  if (!newestFirst[0]) return keep;
  keep.add(newestFirst[0].name);
  const newest = Date.parse(newestFirst[0].at);
  for (const b of newestFirst) {
    const age = newest - Date.parse(b.at);
    if (age < rule.allHours * 3_600_000) keep.add(b.name);
    if ((b.reason === 'restore' || b.reason === 'migration') && age < rule.daily * 86_400_000) keep.add(b.name);
  }
  for (const [period, count] of [
    [dayOf, rule.daily],
    [weekOf, rule.weekly],
    [monthOf, rule.monthly],
  ] as const) {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const p = period(b.at);
      if (seen.has(p)) continue;
      if (seen.size === count) break;
      seen.add(p);
      keep.add(b.name);
    }
  }
  return keep;
}
