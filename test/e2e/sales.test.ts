// Sales in the UI. LAMP: 10 at HOME at 12.00, sells for 30.00. A customer is created, an order
// taken for her and confirmed (stock reserved, available drops), an order for too many refused at
// its quantity, part of it shipped on a parcel (its margin at the cost it left with), paid; another
// order cancelled gives its reservation back; the dashboard shows what shipped; a CSV of orders is
// previewed and imported.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { selectByLabelPrefix } from './pages/shell';

let e: E2E;
let home: string;
let lamp: string;

beforeAll(async () => {
  e = await startE2E({
    seed: async (api) => {
      await api.call('settings.update', { baseCurrency: 'USD' });
      home = (await api.call('locations.create', { code: 'HOME', name: 'Home stockroom', kind: 'own' })).id;
      lamp = (await api.call('products.create', { sku: 'LAMP', name: 'Brass desk lamp', price: '30.00' })).id;
      await api.call('stock.adjust', { productId: lamp, locationId: home, qty: 10, unitCost: '12.00', reason: 'opening' });
    },
  });
});
afterAll(async () => {
  await e?.close();
});
afterEach(() => {
  expect(e.problems).toEqual([]);
});

const stock = async () => (await e.api.call('stock.balances', { productId: lamp, locationId: home })).rows[0]!;

async function orderForm(qty: string) {
  const p = e.page;
  await p.getByTestId('nav-sales').click();
  await p.getByTestId('new-order').click();
  const form = p.getByTestId('order-form');
  await form.getByTestId('field-customerId').fill('Ana');
  await form.locator('.suggest-list [role=option]', { hasText: 'Ana Silva' }).first().click();
  await selectByLabelPrefix(p, 'field-locationId', 'HOME');
  await form.getByTestId('field-lines.0.productId').fill('LAMP');
  await form.locator('.suggest-list [role=option]', { hasText: 'LAMP' }).first().click();
  await form.getByTestId('field-lines.0.qty').fill(qty);
  return form;
}

describe('sales', () => {
  it('takes an order for a new customer, reserves it, refuses too many at the quantity, ships part and takes the payment', async () => {
    const p = e.page;
    await p.getByTestId('nav-customers').click();
    await p.getByTestId('customers-empty').waitFor();
    await p.getByTestId('new-customer').first().click();
    await p.getByTestId('field-name').fill('Ana Silva');
    await p.getByTestId('field-handle').fill('@ana.s');
    await p.getByTestId('field-email').fill('ana@example.com');
    await p.getByTestId('save').click();
    await p.getByTestId('customer-page').waitFor();

    // too many: refused next to the quantity, nothing saved
    const form = await orderForm('11');
    await p.getByTestId('save-confirm').click();
    await expect.poll(() => p.getByTestId('error-lines.0.qty').textContent()).toBe('Only 10 available');
    expect((await e.api.call('sales.list', {})).total).toBe(0);
    await form.getByTestId('field-lines.0.qty').fill('4');
    await p.getByTestId('save-confirm').click();
    await p.getByTestId('order-page').waitFor();
    await expect.poll(() => p.getByTestId('order-status').first().getAttribute('data-status')).toBe('confirmed');
    expect(await p.getByTestId('line-reserved').textContent()).toBe('4');
    expect(await stock()).toMatchObject({ onHand: 10, reserved: 4, available: 6 });
    expect(await p.getByTestId('order-total').textContent()).toMatch(/120\.00/);
    await e.screenshot('90-sales-order');

    // two go out on a parcel; the margin of what shipped is at the cost it left with
    await p.getByTestId('ship-order').click();
    await p.getByTestId('ship-qty-LAMP').fill('2');
    await p.getByTestId('field-carrier').fill('DHL');
    await p.getByTestId('ship-panel').getByTestId('save').click();
    await expect.poll(() => p.getByTestId('order-status').first().getAttribute('data-status')).toBe('partly_shipped');
    await expect.poll(() => p.getByTestId('line-shipped').textContent()).toBe('2');
    expect(await p.getByTestId('fulfilment').textContent()).toMatch(/SH-000001.*LAMP ×2/);
    // 2 shipped: 60.00 − 24.00; 2 to go, estimated at 12.00 each → 120.00 − 48.00 = 72.00 (60.0%)
    expect(await p.getByTestId('margin-value').textContent()).toMatch(/72\.00.*60\.0%/);
    expect(await stock()).toMatchObject({ onHand: 8, reserved: 2, available: 6 });

    await p.getByTestId('pay-order').click();
    expect(await p.getByTestId('field-amount').inputValue()).toBe('120.00');
    await p.getByTestId('pay-panel').getByTestId('save').click();
    await expect.poll(() => p.getByTestId('payment-status').first().getAttribute('data-status')).toBe('paid');
    await e.screenshot('91-sales-order-shipped');

    // the rest goes, handed over: the order completes (paid and shipped)
    await p.getByTestId('ship-order').click();
    await p.getByTestId('ship-parcel').uncheck();
    await p.getByTestId('ship-panel').getByTestId('save').click();
    await expect.poll(() => p.getByTestId('order-status').first().getAttribute('data-status')).toBe('completed');
    expect(await stock()).toMatchObject({ onHand: 6, reserved: 0 });
  });

  it('cancels a confirmed order, giving its stock back; the list filters; the dashboard shows what shipped', async () => {
    const p = e.page;
    const o = await e.api.call('sales.create', { locationId: home, lines: [{ productId: lamp, qty: 3 }], confirm: true });
    expect(await stock()).toMatchObject({ reserved: 3 });
    await p.goto(`${e.host.bridge.url}/#/sales/${o.order.id}`);
    await p.getByTestId('cancel-reason').fill('changed her mind');
    await p.getByTestId('cancel-order').click();
    await p.getByTestId('cancel-order-confirm').click();
    await expect.poll(() => p.getByTestId('order-status').first().getAttribute('data-status')).toBe('cancelled');
    expect(await stock()).toMatchObject({ reserved: 0, available: 6 });

    await p.getByTestId('nav-sales').click();
    await expect.poll(() => p.getByTestId('order-row').count()).toBe(2);
    await p.getByTestId('orders-status').selectOption('cancelled');
    await expect.poll(() => p.getByTestId('order-row').count()).toBe(1);
    await p.getByTestId('orders-status').selectOption('');
    await p.getByTestId('orders-search').fill('ana');
    await expect.poll(() => p.getByTestId('order-row').count()).toBe(1);
    await e.screenshot('92-sales-list');

    await p.getByTestId('tab-dashboard').click();
    // 4 lamps shipped at 30.00 = 120.00, cost 48.00
    await expect.poll(() => p.getByTestId('dash-revenue').textContent()).toMatch(/120\.00/);
    expect(await p.getByTestId('dash-margin').textContent()).toMatch(/72\.00.*60\.0%/);
    expect(await p.getByTestId('best-seller').textContent()).toMatch(/LAMP/);
    await p.getByTestId('chart-sales').locator('.recharts-wrapper').waitFor();
    await e.screenshot('93-sales-dashboard');
  });

  it('previews a CSV of orders, then imports it; the same file again makes nothing new', async () => {
    const p = e.page;
    const csv = 'order,date,customer,sku,qty,unit_price,paid\nW-1,2026-11-20,Ben Ode,LAMP,1,29.50,yes\nW-2,2026-11-21,Cho Min,NOPE,1,10,\n';
    const importOnce = async () => {
      await p.getByTestId('nav-sales').click();
      await p.getByTestId('import-orders').click();
      await p.getByTestId('import-file').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await selectByLabelPrefix(p, 'field-locationId', 'HOME');
      await p.getByTestId('import-panel').getByTestId('save').click();
      await p.getByTestId('import-preview').waitFor();
    };
    await importOnce();
    expect(await p.getByTestId('import-order').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')))).toEqual(['created', 'error']);
    expect(await p.getByTestId('import-errors').textContent()).toMatch(/Line 3, sku: no product has the SKU NOPE/);
    expect((await e.api.call('sales.list', { q: 'W-1' })).total).toBe(0);
    await e.screenshot('94-sales-import');
    await p.getByTestId('import-panel').getByTestId('save').click();
    await p.getByTestId('import-panel').waitFor({ state: 'detached' });
    expect((await e.api.call('sales.list', { q: 'W-1' })).rows[0]).toMatchObject({ status: 'confirmed', paymentStatus: 'paid', channel: 'import' });
    await importOnce();
    expect(await p.getByTestId('import-order').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')))).toEqual(['exists', 'error']);
    await p.keyboard.press('Escape');
  });

  it('adds a customer from inside a new order', async () => {
    const p = e.page;
    await p.getByTestId('nav-sales').click();
    await p.getByTestId('new-order').click();
    await p.getByTestId('order-new-customer').click();
    const panel = p.getByTestId('customer-panel');
    await panel.getByTestId('field-name').fill('Dee Park');
    await panel.getByTestId('field-handle').fill('deepark');
    await panel.getByTestId('save').click();
    await panel.waitFor({ state: 'detached' });
    expect(await p.getByTestId('order-form').getByTestId('field-customerId').inputValue()).toBe('Dee Park (@deepark)');
    await p.keyboard.press('Escape');
  });
});
