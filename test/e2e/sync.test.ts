// Supplier sync in the UI, against the reference supplier running as its own process on
// 127.0.0.1: the merchant connects the supplier on its page, tests the connection, syncs; a
// purchase order sent while connected goes out, comes back acknowledged, and the supplier's
// shipment notice appears as an inbound shipment on the order.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem, Order, Page as ListPage, Price } from '../../main/sync/protocol/types';
import { startSupplier, type SupplierProcess } from '../helpers/supplier-server';
import { tempDir } from '../helpers/temp-app';
import { startE2E, type E2E } from './harness';
import { Shell } from './pages/shell';
import { ConnectionCard, SyncCentre } from './pages/sync';

const KEY = 'sk_live_e2e_4b1d';
let e: E2E;
let server: SupplierProcess;
let supplierId: string;
let lamp: string;

const go = (hash: string) => e.page.evaluate((h) => (location.hash = h), hash);

async function remote<T>(p: string): Promise<T> {
  return (await (await fetch(server.url + p, { headers: { 'x-api-key': KEY } })).json()) as T;
}

beforeAll(async () => {
  server = await startSupplier(tempDir(), KEY);
  e = await startE2E({
    seed: async (api) => {
      await api.call('settings.update', { baseCurrency: 'USD' });
      await api.call('locations.create', { code: 'HOME', name: 'Home stockroom', kind: 'own' });
      lamp = (await api.call('products.create', { sku: 'LAMP', name: 'Brass desk lamp', price: '30.00' })).id;
      supplierId = (await api.call('suppliers.create', { name: 'Reference Supplier', currency: 'USD', leadTimeDays: 14 })).id;
      const item = (await remote<ListPage<CatalogItem>>('/v1/catalog?skus=SUP-000001')).items[0]!;
      const price = (await remote<ListPage<Price>>('/v1/prices?skus=SUP-000001')).items[0]!;
      await api.call('suppliers.saveProduct', { supplierId, supplierSku: 'SUP-000001', productId: lamp, unitPrice: price.unitPrice, priceBreaks: price.breaks, moq: item.moq, orderMultiple: item.orderMultiple, leadTimeDays: item.leadTimeDays ?? 14 });
    },
  });
  e.defer(() => server.stop());
});
afterAll(async () => {
  await e?.close();
});
afterEach(() => {
  expect(e.problems).toEqual([]);
});

describe('supplier sync', () => {
  it('connects a supplier, sends an order, shows it acknowledged and its shipment', async () => {
    const p = e.page;
    const shell = new Shell(p);
    await go(`#/suppliers/${supplierId}`);
    const card = new ConnectionCard(p);
    await card.card.waitFor();
    // plain http to another computer is refused at its field
    await p.getByTestId('connect-supplier').click();
    const form = p.getByTestId('connection-form');
    await form.getByTestId('field-endpoint').fill('http://supplier.example.com');
    await form.getByTestId('field-apiKey').fill(KEY);
    await form.getByTestId('save-connection').click();
    await expect.poll(() => form.getByTestId('error-endpoint').textContent()).toMatch(/https/);
    await e.screenshot('100-sync-connection-form');
    await form.getByRole('button', { name: 'Cancel' }).click();

    await card.connect(server.url, KEY);
    const conn = await e.api.call('sync.connection', { supplierId });
    expect(conn).toMatchObject({ kind: 'open_protocol', hasKey: true, keyStorage: 'file' });
    await card.card.getByTestId('test-connection').click();
    expect(await shell.toast(/answered/)).toMatch(/Reference Supplier answered/);

    // an order sent to a supplier that syncs by itself goes within a moment, nothing pressed
    const po = await e.api.call('purchasing.create', { supplierId, lines: [{ productId: lamp, qty: 6 }] });
    await e.api.call('purchasing.send', { id: po.order.id });
    await expect.poll(async () => (await e.api.call('sync.order', { poId: po.order.id })).outbox?.state, { timeout: 10_000 }).toBe('done');
    await card.card.getByTestId('sync-now').click();
    await expect.poll(() => card.lastRun().textContent(), { timeout: 20_000 }).toMatch(/OK.*catalogue items 30/);
    await e.screenshot('101-sync-supplier-connected');
    const theirs = (await remote<ListPage<Order>>(`/v1/orders?idempotency_key=${po.order.id}`)).items;
    expect(theirs).toHaveLength(1);

    await go(`#/purchasing/${po.order.id}`);
    const status = p.getByTestId('po-supplier-status');
    await expect.poll(() => status.getByTestId('po-ack').textContent()).toMatch(/The supplier says: accepted/);

    // the supplier ships it; the next sync (from the sync centre) brings the notice in
    await server.admin(`/_admin/orders/${theirs[0]!.id}/ship`, { carrier: 'SF Express', trackingNumbers: ['SF1234567890123'] });
    const centre = new SyncCentre(p);
    await centre.open();
    await centre.row('Reference Supplier').getByTestId('sync-one').click();
    await expect.poll(() => centre.row('Reference Supplier').getByTestId('sync-result').textContent(), { timeout: 20_000 }).toBe('OK');
    await expect.poll(() => centre.row('Reference Supplier').textContent()).toMatch(/new shipments 1/);
    await p.getByTestId('outbox-done').click();
    await expect.poll(() => centre.outboxItem(po.order.number).getByTestId('outbox-ack').textContent()).toBe('shipped');
    await e.screenshot('102-sync-centre');

    await go(`#/purchasing/${po.order.id}`);
    await status.getByTestId('po-notified-shipment').click();
    await p.getByText('SF Express').first().waitFor();
    expect(await e.api.call('shipments.list', {})).toMatchObject({ total: 1, rows: [{ carrier: 'SF Express', direction: 'inbound' }] });
  });

  it('shows a refused order with the reason, and a price rise for review, in Chinese too', async () => {
    const p = e.page;
    // an order for a SKU the supplier does not know is refused; the next one still goes
    const mug = (await e.api.call('products.create', { sku: 'MUG', name: 'Glazed mug', price: '12.00' })).id;
    await e.api.call('suppliers.saveProduct', { supplierId, supplierSku: 'NOT-THEIRS', productId: mug, unitPrice: '1.00' });
    const bad = await e.api.call('purchasing.create', { supplierId, lines: [{ productId: mug, qty: 1 }] });
    await e.api.call('purchasing.send', { id: bad.order.id });
    await server.admin('/_admin/prices', { items: [{ sku: 'SUP-000001', currency: 'USD', unitPrice: '99.00', breaks: [] }] });
    await e.api.call('sync.run', { supplierId, wait: true });

    const centre = new SyncCentre(p);
    await centre.open();
    await p.getByTestId('outbox-rejected').click();
    const refused = centre.outboxItem(bad.order.number);
    await expect.poll(() => refused.textContent()).toMatch(/Refused.*Reference Supplier: lines\[0\]\.sku/);
    const review = p.getByTestId('changes-review');
    await expect.poll(() => review.getByTestId('change-text').first().textContent()).toMatch(/Price: .* USD.*→99\.00 USD/);
    await e.screenshot('103-sync-refused-and-review');
    await review.getByTestId('changes-apply').click();
    await review.waitFor({ state: 'detached' });
    const sp = (await e.api.call('suppliers.get', { id: supplierId })).products.find((x) => x.supplierSku === 'SUP-000001')!;
    expect(sp.unitPrice).toBe(9900);

    await e.api.call('settings.update', { locale: 'zh' });
    await expect.poll(() => refused.getByTestId('outbox-state').textContent()).toBe('被拒');
    await e.screenshot('104-sync-centre-zh');
    await e.api.call('settings.update', { locale: 'en' });
  });

  it('sets up a CJ Dropshipping connection, refusing half a shipping address at its fields', async () => {
    const p = e.page;
    const cjSupplier = (await e.api.call('suppliers.create', { name: 'CJ Dropshipping', currency: 'USD' })).id;
    await go(`#/suppliers/${cjSupplier}`);
    await p.getByTestId('connect-supplier').click();
    const form = p.getByTestId('connection-form');
    await form.getByTestId('field-kind').selectOption('cj');
    expect(await form.getByTestId('field-endpoint').inputValue()).toBe('https://developers.cjdropshipping.com/api2.0/v1');
    await form.getByTestId('field-apiKey').fill('CJ1234567@api@0f1e2d3c4b5a6978');
    await form.getByTestId('field-settings.logisticName').fill('CJPacket Ordinary');
    await form.getByTestId('field-settings.shipTo.city').fill('Berlin');
    await form.getByTestId('save-connection').click();
    await expect.poll(() => form.getByTestId('error-settings.shipTo.name').textContent()).toMatch(/required/i);
    await e.screenshot('105-sync-cj-form');
    expect(await e.api.call('sync.connection', { supplierId: cjSupplier })).toBeNull();
    for (const [f, v] of [
      ['name', 'Mei Chen'],
      ['countryCode', 'DE'],
      ['country', 'Germany'],
      ['province', 'Berlin'],
      ['address', 'Lagerstraße 5'],
    ]) {
      await form.getByTestId(`field-settings.shipTo.${f}`).fill(v!);
    }
    await form.getByTestId('save-connection').click();
    await p.getByTestId('connection-card').getByTestId('connection-kind').waitFor();
    expect(await e.api.call('sync.connection', { supplierId: cjSupplier })).toMatchObject({
      kind: 'cj',
      hasKey: true,
      settings: { logisticName: 'CJPacket Ordinary', fromCountryCode: 'CN', shipTo: { name: 'Mei Chen', city: 'Berlin', zip: null } },
    });
  });
});
