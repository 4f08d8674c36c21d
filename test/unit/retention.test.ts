// Backup retention (main/common/calc/retention.ts): the last 24 hours, 7 daily, 4 weekly, 12 monthly, newest kept.
import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../main/common/calc/retention';

/** One backup a day at 02:00 UTC for `days` days up to 2026-11-25 (a Wednesday). */
function daily(days: number) {
  return Array.from({ length: days }, (_, i) => {
    const d = new Date(Date.UTC(2026, 10, 25 - i, 2));
    return { name: `b-${d.toISOString().slice(0, 10)}`, at: d.toISOString() };
  });
}

describe('backup retention', () => {
  it('a year of daily backups keeps 7 days, the newest of 4 weeks and of 12 months', () => {
    const keep = [...backupsToKeep(daily(400))].sort();
    const days = ['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25'];
    // weeks start on Monday: the newest of the weeks of 23 Nov (the 25th), 16 Nov (the 22nd), 9 Nov (the 15th), 2 Nov (the 8th)
    const weeks = ['2026-11-08', '2026-11-15', '2026-11-22', '2026-11-25'];
    // the newest of each month: 25 Nov, then the last day of October back to December 2025
    const months = ['2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-25'];
    expect(keep).toEqual([...new Set([...days, ...weeks, ...months])].sort().map((d) => `b-${d}`));
    // the 22nd and the 25th are among the seven days already: 7 days, 2 more weeks, 11 more months
    expect(keep).toHaveLength(7 + 2 + 11);
  });

  it('every backup of the last 24 hours is kept; older days keep their newest; one backup is always kept', () => {
    const keep = backupsToKeep([
      { name: 'quit', at: '2026-11-25T18:00:00.000Z' },
      { name: 'before-import', at: '2026-11-25T09:00:00.000Z' },
      { name: 'daily', at: '2026-11-25T02:00:00.000Z' },
      { name: 'quit-24', at: '2026-11-24T18:00:00.001Z' },
      { name: 'import-24', at: '2026-11-24T12:00:00.000Z' },
      { name: 'daily-24', at: '2026-11-24T02:00:00.000Z' },
    ]);
    expect([...keep].sort()).toEqual(['before-import', 'daily', 'quit', 'quit-24']);
    expect([...backupsToKeep([{ name: 'only', at: '2020-01-01T00:00:00.000Z' }], { allHours: 0, daily: 0, weekly: 0, monthly: 0 })]).toEqual(['only']);
    expect(backupsToKeep([])).toEqual(new Set());
  });

  it('a backup taken before a restore or an upgrade stays a week, even with newer ones that day', () => {
    const keep = backupsToKeep([
      { name: 'quit-28', at: '2026-11-28T18:00:00.000Z', reason: 'quit' },
      { name: 'before-restore-28', at: '2026-11-28T10:00:00.000Z', reason: 'restore' },
      { name: 'before-import-28', at: '2026-11-28T09:00:00.000Z', reason: 'import' },
      { name: 'before-upgrade-22', at: '2026-11-22T09:00:00.000Z', reason: 'migration' },
      { name: 'daily-22', at: '2026-11-22T18:00:00.000Z', reason: 'daily' },
      { name: 'before-restore-21', at: '2026-11-21T17:59:59.000Z', reason: 'restore' },
      { name: 'daily-21', at: '2026-11-21T18:00:00.000Z', reason: 'daily' },
    ]);
    // the import one is kept for the last 24 hours only (here: still); the restore one of the 21st
    // is more than 7 days older than the newest
    expect([...keep].sort()).toEqual(['before-import-28', 'before-restore-28', 'before-upgrade-22', 'daily-21', 'daily-22', 'quit-28']);
    const aDayOn = backupsToKeep([{ name: 'daily-29', at: '2026-11-29T18:00:00.000Z', reason: 'daily' }, ...[{ name: 'before-import-28', at: '2026-11-28T09:00:00.000Z', reason: 'import' }, { name: 'quit-28', at: '2026-11-28T18:00:00.000Z', reason: 'quit' }]]);
    expect([...aDayOn].sort()).toEqual(['daily-29', 'quit-28']);
  });
});
