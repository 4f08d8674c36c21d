// Returns in the UI. A parcel of three lanterns went out to a customer at 12.00 each; two come
// back broken and one fine: the return is raised from that parcel (its customer and lines copied
// in), a wrong split is refused next to its field, then one unit is restocked and two written off,
// at the cost they left with; the return is closed. A return to a supplier is shipped out.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { selectByLabelPrefix } from './pages/shell';

let e: E2E;
let home: string;
let lantern: string;

beforeAll(async () => {
  e = await startE2E({
    seed: async (api) => {
      await api.call('settings.update', { baseCurrency: 'USD' });
      home = (await api.call('locations.create', { code: 'HOME', name: 'Home stockroom', kind: 'own' })).id;
      lantern = (await api.call('products.create', { sku: 'LNT-01', name: 'Trail lantern' })).id;
      await api.call('suppliers.create', { name: 'Shenzhen Lights Co', currency: 'USD' });
      await api.call('stock.adjust', { productId: lantern, locationId: home, qty: 10, unitCost: '12.00', reason: 'opening', occurredAt: '2026-01-05' });
      const parcel = await api.call('shipments.create', { direction: 'outbound', fromLocationId: home, customer: 'Mei Lin', lines: [{ productId: lantern, qty: 3 }] });
      await api.call('shipments.dispatch', { id: parcel.shipment.id, at: '2026-01-10' });
    },
  });
});
afterAll(async () => {
  await e?.close();
});
afterEach(() => {
  expect(e.problems).toEqual([]);
});

const value = (id: string) => e.page.getByTestId(id).textContent();

describe('returns', () => {
  it('a customer’s return from its parcel: restocked and written off at the cost it left with, then closed', async () => {
    const p = e.page;
    await p.getByTestId('nav-returns').click();
    await p.getByTestId('new-return').first().click();
    await p.getByTestId('return-form').waitFor();
    await selectByLabelPrefix(p, 'field-shipmentId', 'SH-000001');
    // the parcel's customer and lines are copied in
    await expect.poll(() => p.getByTestId('field-customer').inputValue()).toBe('Mei Lin');
    await expect.poll(() => p.getByTestId('lines.0.qty').inputValue()).toBe('3');
    await p.getByTestId('lines.0.reason').selectOption('damaged');
    await p.getByTestId('field-carrier').fill('SF Express');
    await p.getByTestId('return-form').locator('button[type="submit"]').click();
    await p.getByTestId('return-title').waitFor();
    expect(await p.getByTestId('return-title').textContent()).toContain('RMA-000001');

    // 1 + 1 is not 3: refused next to the line
    const line = 'lines.0';
    await p.getByTestId(`${line}.restockQty`).fill('1');
    await selectByLabelPrefix(p, `${line}.restockLocationId`, 'HOME');
    await p.getByTestId(`${line}.writeOffQty`).fill('1');
    await p.getByTestId('return-receive-submit').click();
    await expect.poll(() => p.getByTestId('return-receive').textContent()).toMatch(/make 2; the line has 3/);
    await p.getByTestId(`${line}.writeOffQty`).fill('2');
    await p.getByTestId('return-receive-submit').click();
    await expect.poll(() => value('return-value-restocked')).toContain('12.00');
    expect(await value('return-value-written-off')).toContain('24.00');
    await e.screenshot('80-return-received');
    // the ledger agrees: 7 left after the parcel, 1 back
    const bal = (await e.api.call('stock.balances', { productId: lantern, locationId: home })).rows[0]!;
    expect([bal.onHand, bal.value]).toEqual([8, 9600]);

    await p.getByTestId('return-close-note').fill('refunded 2 units');
    await p.getByTestId('return-close').click();
    await expect.poll(() => p.getByTestId('return-notes').textContent()).toContain('refunded 2 units');
  });

  it('a return to a supplier is shipped out of its location from the list', async () => {
    const p = e.page;
    const s = (await e.api.call('suppliers.list'))[0]!;
    await e.api.call('returns.create', { direction: 'to_supplier', supplierId: s.id, locationId: home, lines: [{ productId: lantern, qty: 2, reason: 'defective' }] });
    await p.getByTestId('nav-returns').click();
    await p.getByTestId('returns-direction-filter').selectOption('to_supplier');
    const row = p.locator('[data-testid="return-row"][data-number="RMA-000002"]');
    await row.click();
    await p.getByTestId('return-ship').click();
    await expect.poll(() => value('return-value-sent-back')).toContain('24.00');
    await e.screenshot('81-return-to-supplier-shipped');
  });
});
