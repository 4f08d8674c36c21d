// Exchange rates on a real SQLite file: the ECB history shipped with the app, a merchant whose
// base currency is CNY (so every rate is a cross through EUR), user CSVs with bad rows, and
// manual entry. Expected crosses were computed independently by exact decimal division of the
// ECB rates of 10 and 13 April 2026, rounded half away from zero to 10 decimals:
// 10 Apr: USD 1.1711, JPY 186.43, CNY 7.9967; 13 Apr: USD 1.1684, JPY 186.75, CNY 7.9827.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../main/common/api/errors';
import { tempApp, type TempApp } from '../helpers/temp-app';

let t: TempApp;
beforeAll(async () => {
  t = tempApp();
  await t.client.call('settings.update', { baseCurrency: 'CNY' });
});
afterAll(() => t.close());

const reject = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: ApiError) => e);

describe('exchange rates', () => {
  it('imports the whole ECB history, skipping the columns of withdrawn currencies', async () => {
    const r = await t.client.call('fx.importEcb');
    expect(r.from).toBe('1999-01-04');
    expect(r.to).toBe('2026-04-13');
    expect(r.days).toBe(6983);
    expect(r.imported).toBeGreaterThan(150_000);
    expect(r.currencies).toEqual(expect.arrayContaining(['EUR', 'USD', 'JPY', 'CNY', 'KRW', 'GBP']));
    expect(r.skipped.map((s) => s.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^column CYP: /), expect.stringMatching(/^column BGN: /)]));
    // importing again replaces, it does not duplicate
    expect((await t.client.call('fx.importEcb')).imported).toBe(r.imported);
  });

  it('derives CNY rates through EUR, checked against hand-computed crosses', async () => {
    expect(await t.client.call('fx.rate', { from: 'USD', to: 'CNY', date: '2026-04-13' })).toMatchObject({
      rate: '6.8321636426', // 7.9827 / 1.1684
      day: '2026-04-13',
      via: 'EUR cross',
      source: 'ecb',
      stale: false,
    });
    expect((await t.client.call('fx.rate', { from: 'JPY', to: 'CNY', date: '2026-04-13' })).rate).toBe('0.0427453815'); // 7.9827 / 186.75
    expect((await t.client.call('fx.rate', { from: 'EUR', to: 'CNY', date: '2026-04-13' })).rate).toBe('7.9827');
    expect((await t.client.call('fx.rate', { from: 'CNY', to: 'EUR', date: '2026-04-13' })).rate).toBe('0.1252708983'); // 1 / 7.9827
  });

  it('uses the latest rate on or before the date: a Sunday takes Friday’s, and says how old it is', async () => {
    expect(await t.client.call('fx.rate', { from: 'USD', to: 'CNY', date: '2026-04-12' })).toMatchObject({
      rate: '6.828366493', // 7.9967 / 1.1711
      day: '2026-04-10',
      ageDays: 2,
      stale: false,
    });
    expect(await t.client.call('fx.rate', { from: 'USD', to: 'CNY', date: '2026-05-01' })).toMatchObject({ day: '2026-04-13', ageDays: 18, stale: true });
  });

  it('imports a user CSV: bad rows are reported by line and the good ones kept', async () => {
    const text = [
      'date,base,quote,rate',
      '2026-11-20,USD,CNY,7.1020',
      '2026-11-31,USD,CNY,7.1',
      '2026-11-21,USD,ABC,7.1',
      '2026-11-21,USD,USD,1',
      '2026-11-21,USD,CNY,abc',
      '',
      '2026-11-21,KRW,CNY,0.00512',
    ].join('\r\n');
    const r = await t.client.call('fx.importCsv', { text });
    expect(r.imported).toBe(2);
    expect(r.skipped).toEqual([
      { row: 3, message: 'date "2026-11-31" is not a date (YYYY-MM-DD)' },
      { row: 4, message: 'quote "ABC" is not an ISO 4217 currency' },
      { row: 5, message: 'base and quote are the same currency' },
      { row: 6, message: 'rate: "abc" is not a decimal number' },
    ]);
    // a direct CSV rate newer than the ECB's wins over the cross
    expect(await t.client.call('fx.rate', { from: 'USD', to: 'CNY', date: '2026-11-20' })).toMatchObject({ rate: '7.102', via: 'direct', source: 'csv' });
    expect(await t.client.call('fx.rate', { from: 'CNY', to: 'KRW', date: '2026-11-22' })).toMatchObject({ rate: '195.3125', via: 'inverse' });
  });

  it('refuses a file whose header it cannot read', async () => {
    const r = await t.client.call('fx.importCsv', { text: 'when,from,to,value\n2026-01-01,USD,CNY,7' });
    expect(r.imported).toBe(0);
    expect(r.skipped[0]).toMatchObject({ row: 1, message: expect.stringMatching(/header must name date, base, quote and rate/) });
  });

  it('takes a manual rate, which then applies from that day', async () => {
    const q = await t.client.call('fx.set', { base: 'GBP', quote: 'CNY', day: '2026-11-23', rate: '9.05' });
    expect(q).toMatchObject({ from: 'GBP', to: 'CNY', rate: '9.05', source: 'manual', via: 'direct' });
    expect((await t.client.call('fx.rate', { from: 'GBP', to: 'CNY', date: '2026-11-24' })).rate).toBe('9.05');
  });

  it('values every currency with a rate in the base currency, and charts a pair day by day', async () => {
    const o = await t.client.call('fx.overview', { date: '2026-04-13' });
    expect(o.base).toBe('CNY');
    expect(o.rows.find((r) => r.from === 'USD')).toMatchObject({ to: 'CNY', rate: '6.8321636426', day: '2026-04-13' });
    expect(o.rows.some((r) => r.from === 'CNY')).toBe(false);
    const h = await t.client.call('fx.history', { from: 'USD', to: 'CNY', since: '2026-04-09', until: '2026-04-13' });
    expect(h).toEqual([
      { day: '2026-04-09', rate: expect.any(String) },
      { day: '2026-04-10', rate: '6.828366493' },
      { day: '2026-04-13', rate: '6.8321636426' },
    ]);
    expect((await reject(t.client.call('fx.history', { from: 'USD', to: 'CNY', since: '2020-01-01', until: '2026-01-01' }))).details?.field).toBe('since');
  });

  it('names the field of a bad request', async () => {
    expect((await reject(t.client.call('fx.rate', { from: 'XYZ', to: 'CNY' }))).details?.field).toBe('from');
    expect((await reject(t.client.call('fx.set', { base: 'USD', quote: 'USD', day: '2026-01-01', rate: '1' }))).details?.field).toBe('quote');
    expect((await reject(t.client.call('fx.set', { base: 'USD', quote: 'CNY', day: '2026-01-01', rate: '0' }))).details?.field).toBe('rate');
    expect((await reject(t.client.call('fx.set', { base: 'USD', quote: 'CNY', day: '2999-01-01', rate: '7' }))).details?.field).toBe('day');
    const none = await reject(t.client.call('fx.rate', { from: 'USD', to: 'CNY', date: '1990-01-01' }));
    expect(none.code).toBe('not_found');
    expect(none.message).toMatch(/No USD→CNY rate on or before 1990-01-01/);
  });
});
