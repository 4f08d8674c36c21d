// Shipments in the UI. A supplier's sent order of 20 lamps; an inbound shipment of 12 of them
// created from the board with a mistyped UPS number (kept, flagged). Events typed out of order
// sort by when they happened, a duplicate is skipped, a future one is refused next to its field;
// a carrier's CSV adds a scan and reports its bad row. With its ETA past, the board lists it first
// and under "late only"; a transfer due later is not late.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { ShipmentPage, ShipmentsBoard } from './pages/shipments';

let e: E2E;
const MISTYPED = '1Z999AA10123456785';

beforeAll(async () => {
  e = await startE2E({
    seed: async (api) => {
      await api.call('settings.update', { baseCurrency: 'GBP' });
      const home = (await api.call('locations.create', { code: 'HOME', name: 'Home stockroom', kind: 'own' })).id;
      const overflow = (await api.call('locations.create', { code: 'OVF', name: 'Overflow unit', kind: 'own' })).id;
      const productId = (await api.call('products.create', { sku: 'LAMP-01', name: 'Brass desk lamp', weightG: 1200 })).id;
      const supplier = (await api.call('suppliers.create', { name: 'Shenzhen Lamp Works', currency: 'USD', country: 'CN' })).id;
      const po = await api.call('purchasing.create', { supplierId: supplier, lines: [{ productId, qty: 20, unitPrice: '10.00' }] });
      await api.call('purchasing.send', { id: po.order.id });
      // a draft order of the same supplier is not offered
      await api.call('purchasing.create', { supplierId: supplier, lines: [{ productId, qty: 5, unitPrice: '10.00' }] });
      await api.call('shipments.create', { direction: 'transfer', fromLocationId: home, toLocationId: overflow, carrier: 'Van', eta: '2099-01-01' });
    },
  });
});
afterAll(async () => {
  await e?.close();
});
afterEach(() => {
  expect(e.problems).toEqual([]);
});

describe('shipments', () => {
  const board = () => new ShipmentsBoard(e.page);
  const page = () => new ShipmentPage(e.page);

  it('creates an inbound shipment of a sent order’s lines from the board', async () => {
    await e.page.getByTestId('nav-shipments').click();
    await board().row('SH-000001').waitFor();
    const b = board();
    await b.openNew();
    await b.chooseSupplier('Shenzhen');
    await b.chooseTo('HOME');
    // only the sent order is offered
    await b.addPo('PO-000001');
    expect(await e.page.locator('[data-testid="field-po"] option').allTextContents()).toEqual(['Choose…', expect.stringMatching(/^PO-000001/)]);
    await b.setLineQty('LAMP-01', '25');
    await b.field('carrier').fill('UPS');
    await b.field('service').fill('Worldwide Expedited');
    await b.field('incoterm').selectOption('DAP');
    await b.field('eta').fill('2025-03-12');
    await b.field('trackingNumbers').fill(MISTYPED);
    await b.field('declaredValue').fill('120.00');
    await b.save();
    // more than the order still expects: refused, shown on the lines
    await expect.poll(() => e.page.getByTestId('error-lines').textContent()).toMatch(/at most 20/);
    await e.screenshot('60-shipment-new-error');
    await b.setLineQty('LAMP-01', '12');
    await b.save();
    await page().waitFor('SH-000002');
    expect(await page().status()).toBe('Created');
    expect(await e.page.getByTestId('shipment-route').textContent()).toBe('Shenzhen Lamp Works → HOME');
    expect(await e.page.getByTestId('shipment-line').textContent()).toMatch(/LAMP-01.*Brass desk lamp.*PO-000001.*12/);
  });

  it('keeps a mistyped UPS number and flags it', async () => {
    const n = page().trackingNumber(MISTYPED);
    expect(await n.getAttribute('data-flagged')).toBe('true');
    expect(await n.getByTestId('tracking-warning').textContent()).toMatch(/Check failed: .+/);
  });

  it('sorts events by when they happened, skips a duplicate and refuses one in the future', async () => {
    const p = page();
    await p.addEvent({ at: '2099-01-01 10:00', status: 'in_transit', place: 'Nowhere' });
    await expect.poll(() => p.error('at').textContent()).toMatch(/future/);
    await p.addEvent({ at: '2025-03-14 08:00', status: 'at_customs', place: 'Felixstowe', text: 'Entry lodged' });
    await e.page.getByTestId('toast').filter({ hasText: '1 added, 0 duplicates skipped' }).waitFor();
    expect(await p.error('at').count()).toBe(0);
    await p.addEvent({ at: '2025-03-11 09:00', status: 'in_transit', place: 'Shenzhen', text: 'Departed' });
    await expect.poll(() => p.events().count()).toBe(2);
    await p.addEvent({ at: '2025-03-11 09:00', status: 'in_transit', place: 'Shenzhen', text: 'Departed' });
    await e.page.getByTestId('toast').filter({ hasText: '0 added, 1 duplicates skipped' }).waitFor();
    expect(await p.events().count()).toBe(2);
    // newest first; the status is that of the latest by time, not the last typed
    expect(await p.timeline()).toEqual(['at_customs@2025-03-14T08:00:00.000Z', 'in_transit@2025-03-11T09:00:00.000Z']);
    await expect.poll(() => p.status()).toBe('At customs');
    await e.screenshot('61-shipment-timeline');
  });

  it('imports a carrier’s CSV and reports the bad row', async () => {
    const p = page();
    await p.importCsv(['tracking_number,time,status,place,text', `${MISTYPED},2025-03-15T07:00:00Z,Out for delivery,Ipswich,With driver`, `${MISTYPED},2025-02-30,delivered,Ipswich,`].join('\n'));
    expect(await e.page.getByTestId('import-summary').textContent()).toBe('1 added, 0 duplicates, 1 skipped');
    const bad = e.page.getByTestId('import-skipped');
    expect(await bad.count()).toBe(1);
    expect(await bad.textContent()).toMatch(/Row 3: bad date "2025-02-30"/);
    await expect.poll(() => p.status()).toBe('Out for delivery');
    await expect.poll(() => p.timeline()).toEqual(['out_for_delivery@2025-03-15T07:00:00.000Z', 'at_customs@2025-03-14T08:00:00.000Z', 'in_transit@2025-03-11T09:00:00.000Z']);
    expect(await e.page.getByTestId('shipment-late').count()).toBe(1);
    await e.screenshot('62-shipment-page');
  });

  it('lists it late on the board, first, and alone under “late only”', async () => {
    await e.page.getByTestId('nav-shipments').click();
    const b = board();
    await b.row('SH-000002').waitFor();
    expect(await b.numbers()).toEqual(['SH-000002', 'SH-000001']);
    const row = b.row('SH-000002');
    expect(await row.getAttribute('data-late')).toBe('true');
    expect(await row.textContent()).toMatch(/SH-000002.*Inbound.*Shenzhen Lamp Works.*HOME.*UPS.*1Z999AA10123456785.*Out for delivery.*2025-03-12.*Late/);
    await e.page.getByTestId('shipments-late-filter').check();
    await expect.poll(() => b.numbers()).toEqual(['SH-000002']);
    await e.screenshot('63-shipments-board-late');
    await e.page.getByTestId('shipments-late-filter').uncheck();
    await e.page.getByTestId('shipments-search').fill(MISTYPED);
    await expect.poll(() => b.numbers()).toEqual(['SH-000002']);
    await e.page.getByTestId('shipments-search').fill('');
    await e.page.getByTestId('shipments-direction-filter').selectOption('transfer');
    await expect.poll(() => b.numbers()).toEqual(['SH-000001']);
  });
});
