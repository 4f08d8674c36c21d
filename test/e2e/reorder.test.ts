// The reorder screen on real sales. LAMP (Foshan Lighting: 10.00, 9.00 from 48, minimum 24, cases
// of 12, 14 days; ordering costs 30.00) sold 10 a week for the nine weeks before this one, its first
// sales: 110 bought, 90 shipped, 4 held by an order waiting to ship → projected 16 against a reorder
// point of 20 (10 a week over 2 weeks, no spread). EOQ √(2·520·3000/250) = 111.7 → 120 in cases of 12.
// The merchant changes it to 96, makes the draft purchase order, and sets a min/max rule.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, mondayOf } from '../../main/common/days';
import { localToday } from '../../main/common/format';
import { startE2E, type E2E } from './harness';
import { ReorderScreen } from './pages/reorder';
import { selectByLabelPrefix } from './pages/shell';

let e: E2E;
let lamp: string;
let foshan: string;

beforeAll(async () => {
  e = await startE2E({
    seed: async (api) => {
      await api.call('settings.update', { baseCurrency: 'USD' });
      const home = (await api.call('locations.create', { code: 'HOME', name: 'Home stockroom', kind: 'own' })).id;
      lamp = (await api.call('products.create', { sku: 'LAMP', name: 'Brass desk lamp', price: '30.00' })).id;
      foshan = (await api.call('suppliers.create', { name: 'Foshan Lighting', currency: 'USD', leadTimeDays: 14 })).id;
      await api.call('suppliers.saveProduct', { supplierId: foshan, supplierSku: 'FL-1', productId: lamp, unitPrice: '10.00', priceBreaks: [{ minQty: 48, unitPrice: '9.00' }], moq: 24, orderMultiple: 12 });
      await api.call('reorder.saveSupplier', { supplierId: foshan, orderCost: '30.00' });
      const monday = mondayOf(localToday());
      await api.call('stock.adjust', { productId: lamp, locationId: home, qty: 110, unitCost: '10.00', reason: 'opening', occurredAt: addDays(monday, -80) });
      for (let k = 9; k >= 1; k--) {
        const day = addDays(monday, -7 * k + 2);
        const o = await api.call('sales.create', { locationId: home, orderDate: day, lines: [{ productId: lamp, qty: 10 }], confirm: true });
        await api.call('sales.ship', { id: o.order.id, parcel: null, at: day });
      }
      await api.call('sales.create', { locationId: home, lines: [{ productId: lamp, qty: 4 }], confirm: true });
    },
  });
});
afterAll(async () => {
  await e?.close();
});
afterEach(() => {
  expect(e.problems).toEqual([]);
});

describe('reorder', () => {
  it('says what to order and why, takes a changed quantity into a draft purchase order, and explains a product’s plan', async () => {
    const p = e.page;
    const screen = new ReorderScreen(p);
    await screen.open();
    const line = screen.line('Foshan Lighting', 'LAMP');
    await line.waitFor();
    expect(await line.getByTestId('reorder-why').textContent()).toMatch(/^projected 16 ≤ reorder point 20; 11 days of cover left; runs out about \d{1,2} \w{3}; an order placed today arrives after that$/);
    expect(await line.getByTestId('reorder-qty').inputValue()).toBe('120');
    expect(await screen.supplier('Foshan Lighting').getByTestId('reorder-total').textContent()).toMatch(/1,080\.00/);
    await e.screenshot('95-reorder-suggestions');

    // a quantity that is not a whole number is named, and nothing can be ordered until it is fixed
    await line.getByTestId('reorder-qty').fill('9.5');
    expect(await screen.supplier('Foshan Lighting').getByTestId('reorder-qty-error').textContent()).toMatch(/LAMP/);
    expect(await screen.supplier('Foshan Lighting').getByTestId('create-draft-po').isDisabled()).toBe(true);
    await line.getByTestId('reorder-qty').fill('96');
    await screen.supplier('Foshan Lighting').getByTestId('create-draft-po').click();
    await p.getByTestId('toast-action').waitFor();
    const pos = await e.api.call('purchasing.list', {});
    expect(pos.rows.map((r) => [r.status, r.supplierName, r.total])).toEqual([['draft', 'Foshan Lighting', 86_400]]);
    // on order now: nothing left to suggest
    await p.getByTestId('reorder-empty').waitFor();

    // the plan in full: figures, history and projected stock, each method's backtest
    await e.api.call('purchasing.cancel', { id: pos.rows[0]!.id });
    await line.waitFor();
    const panel = await screen.openPlan('Foshan Lighting', 'LAMP');
    expect(await panel.getByTestId('plan-forecast').textContent()).toMatch(/10$/);
    expect(await panel.getByTestId('plan-method').textContent()).toMatch(/Exponential smoothing · smooth/);
    expect(await panel.getByTestId('chart-reorder').getAttribute('data-weeks')).toBe('52');
    await expect.poll(() => panel.getByTestId('backtest-row').count()).toBe(5);
    await e.screenshot('96-reorder-plan');

    // a min/max rule: projected 16 ≤ min 30 → up to 100 is 84 in cases of 12
    await selectByLabelPrefix(p, 'field-policy', 'Min / max');
    await panel.getByTestId('field-min').fill('30');
    await panel.getByTestId('field-max').fill('100');
    await panel.getByTestId('save-rule').click();
    await expect.poll(() => panel.getByTestId('plan-suggested').textContent()).toMatch(/84$/);
    await expect.poll(() => panel.getByTestId('plan-reason').textContent()).toMatch(/^projected 16 ≤ min 30/);
    await p.keyboard.press('Escape');
    await expect.poll(() => line.getByTestId('reorder-qty').inputValue()).toBe('84');
  });

  it('keeps a promotional period out of the rate, from its panel', async () => {
    const p = e.page;
    await p.getByTestId('open-promotions').click();
    const panel = p.getByTestId('promotions');
    const week = addDays(mondayOf(localToday()), -14);
    await panel.getByTestId('field-name').fill('Double 11');
    await panel.getByTestId('field-fromDay').fill(week);
    await panel.getByTestId('field-toDay').fill(addDays(week, 6));
    await panel.getByTestId('save').click();
    await panel.getByTestId('promotion').first().waitFor();
    expect(await panel.getByTestId('promotion').textContent()).toMatch(/Double 11.*Every product/);
    await e.screenshot('97-reorder-promotions');
    expect((await e.api.call('reorder.product', { productId: lamp })).line.promoUnits).toBe(10);
    // a period that ends before it starts is refused at its field
    await panel.getByTestId('field-name').fill('Backwards');
    await panel.getByTestId('field-fromDay').fill(week);
    await panel.getByTestId('field-toDay').fill(addDays(week, -1));
    await panel.getByTestId('save').click();
    await expect.poll(() => panel.getByTestId('error-toDay').textContent()).toMatch(/before the first day/);
    expect(await e.api.call('reorder.promotions', {})).toHaveLength(1);
    await p.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('keeps a supplier’s order within the budget set on its page, trimming the quantity', async () => {
    const p = e.page;
    const screen = new ReorderScreen(p);
    await screen.open();
    // the min/max rule of the first test still holds: 84 at 9.00 = 756.00
    await screen.supplier('Foshan Lighting').getByRole('link', { name: 'Foshan Lighting' }).click();
    const terms = p.getByTestId('reorder-terms');
    await terms.getByTestId('field-budget').fill('500');
    await terms.getByTestId('save-terms').click();
    await expect.poll(async () => (await e.api.call('reorder.supplier', { supplierId: foshan })).budget).toBe(50_000);
    await screen.open();
    const line = screen.line('Foshan Lighting', 'LAMP');
    // the most within 500.00 in cases of 12 from 24: 48 at 9.00 = 432.00
    await expect.poll(() => line.getByTestId('reorder-qty').inputValue()).toBe('48');
    expect(await line.getByTestId('reorder-trimmed').textContent()).toMatch(/84/);
    expect(await screen.supplier('Foshan Lighting').getByTestId('reorder-budget').inputValue()).toBe('500.00');

    // in Chinese: the reason is composed in the merchant's language
    await e.api.call('settings.update', { locale: 'zh' });
    await expect.poll(() => line.getByTestId('reorder-why').textContent()).toMatch(/^预计库存 16 ≤ 最低量 30；还可销售 \d+ 天；约 \d{1,2}月\d{1,2}日 售罄/);
    expect(await line.getByTestId('reorder-trimmed').textContent()).toBe('为符合预算由 84 减少');
    await e.screenshot('98-reorder-zh');
    await e.api.call('settings.update', { locale: 'en' });
  });
});
