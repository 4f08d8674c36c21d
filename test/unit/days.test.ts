// Calendar days (main/common/days.ts), against the JavaScript Date the rest of the app trusts.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, epochDay, mondayOf } from '../../main/common/days';

describe('days', () => {
  it('epochDay gives what Date gives for every day from 1900 to 2200', () => {
    let wrong = 0;
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2200, 0, 1); t += 86_400_000) {
      const d = new Date(t);
      if (epochDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) !== t / 86_400_000) wrong++;
    }
    expect(wrong).toBe(0);
    expect(epochDay(1970, 1, 1)).toBe(0);
    expect(epochDay(2000, 2, 29)).toBe(11016);
  });

  it('adds days across months and leap years, the same answer asked again', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
  });
});
