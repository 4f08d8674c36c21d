// The exchange-rates screen: from no rates to the ECB history, a CSV with a bad line, a manual
// rate, and the chart — for a merchant whose base currency is CNY (every rate a cross via EUR).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

let e: E2E;

beforeAll(async () => {
  e = await startE2E({ seed: (api) => api.call('settings.update', { baseCurrency: 'CNY' }) });
  await e.page.goto(`${e.host.bridge.url}/#/rates`);
});
afterAll(async () => {
  await e?.close();
});
afterEach(() => {
  expect(e.problems).toEqual([]);
});

const row = (cur: string) => e.page.locator(`[data-testid="fx-row"][data-currency="${cur}"]`);

describe('exchange rates screen', () => {
  it('loads the ECB history and shows each currency in CNY, flagging an old rate', async () => {
    await e.page.getByTestId('nav-rates').waitFor();
    await e.page.getByText('No exchange rates yet').waitFor();
    await e.page.getByTestId('fx-import-ecb').click();
    await e.page.getByTestId('toast').filter({ hasText: /Imported \d+ rates for 6983 days/ }).waitFor();
    await row('USD').waitFor();
    // 13 April 2026: 7.9827 CNY and 1.1684 USD per EUR → 6.8321636426 CNY per USD
    expect(await row('USD').locator('td').nth(1).textContent()).toBe('6.8321636426');
    expect(await row('USD').getByTestId('fx-stale').isVisible()).toBe(true);
    await expect.poll(async () => Number(await e.page.getByTestId('fx-chart').getAttribute('data-points'))).toBeGreaterThan(200);
    await e.page.locator('[data-testid="fx-chart"] .recharts-line-curve').waitFor();
    await e.page.getByTestId('fx-skipped').filter({ hasText: 'column CYP' }).waitFor();
    await e.screenshot('30-rates');
  });

  it('imports a CSV, keeping the good lines and listing the bad one', async () => {
    await e.page.getByTestId('fx-file').setInputFiles({
      name: 'rates.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('date,base,quote,rate\n2026-11-20,KRW,CNY,0.00512\n2026-11-20,KRW,CNY,zero\n'),
    });
    await e.page.getByTestId('toast').filter({ hasText: 'Imported 1 rates for 1 days (2026-11-20 to 2026-11-20)' }).waitFor();
    await e.page.getByTestId('fx-skipped').filter({ hasText: 'Line 3: rate: "zero" is not a decimal number' }).waitFor();
    await expect.poll(() => row('KRW').locator('td').nth(1).textContent()).toBe('0.00512');
  });

  it('takes a manual rate, which then values the currency', async () => {
    const form = e.page.getByTestId('fx-manual');
    await form.getByTestId('field-base').selectOption('USD');
    await form.getByTestId('field-rate').fill('7.1');
    await form.getByTestId('fx-save').click();
    await e.page.getByTestId('toast').filter({ hasText: /Saved: 1 USD = 7.1 CNY/ }).waitFor();
    await expect.poll(() => row('USD').locator('td').nth(1).textContent()).toBe('7.1');
    expect(await row('USD').getByTestId('fx-stale').count()).toBe(0);
    expect((await e.api.call('fx.rate', { from: 'USD', to: 'CNY' })).source).toBe('manual');
  });

  it('shows a bad rate next to its field and saves nothing', async () => {
    const form = e.page.getByTestId('fx-manual');
    await form.getByTestId('field-rate').fill('-3');
    await form.getByTestId('fx-save').click();
    await form.getByTestId('error-rate').waitFor();
    expect((await e.api.call('fx.rate', { from: 'USD', to: 'CNY' })).rate).toBe('7.1');
  });
});
