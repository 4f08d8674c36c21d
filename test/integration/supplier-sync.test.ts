// Supplier sync end to end: the app (a real SQLite file) against the reference supplier running as
// a separate process on 127.0.0.1. Each fault mode of the server is met and each test ends by
// checking that the supplier's store and ours agree: every order there exactly once, the
// catalogue equal.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import type { Availability, CatalogItem, Order, Page, Price } from '../../main/sync/protocol/types';
import { startSupplier, type SupplierProcess } from '../helpers/supplier-server';
import { tempApp, tempDir, type TempApp } from '../helpers/temp-app';

const ROOT = path.resolve(import.meta.dirname, '../..');
const KEY = 'sk_test_reference_7f3a';
let server: SupplierProcess;
let serverDir: string;
let t: TempApp;
let supplierId: string;
let lamp: string;
let now = Date.now();

async function remote<T>(p: string): Promise<T> {
  const res = await fetch(server.url + p, { headers: { 'x-api-key': KEY } });
  return (await res.json()) as T;
}

async function remoteAll<T>(list: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await remote<Page<T>>(`/v1/${list}?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

const faults = (f: Record<string, number>) => server.admin('/_admin/faults', f);

async function setup(opts: Parameters<typeof tempApp>[0] = {}, serverArgs: string[] = []) {
  serverDir = tempDir();
  server = await startSupplier(serverDir, KEY, serverArgs);
  t = tempApp({ clock: () => new Date(now), ...opts, sync: { timeoutMs: 1500, pageSize: 7, random: () => 0.5, ...opts.sync } });
  const c = t.client;
  await c.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' });
  supplierId = (await c.call('suppliers.create', { name: 'Reference Supplier', currency: 'USD', leadTimeDays: 14 })).id;
  lamp = (await c.call('products.create', { sku: 'LAMP', name: 'Brass lamp', price: '30.00' })).id;
  const mug = (await c.call('products.create', { sku: 'MUG', name: 'Glazed mug', price: '12.00' })).id;
  // the merchant's terms as the supplier's catalogue has them: nothing to review at the start
  for (const [sku, productId] of [
    ['SUP-000001', lamp],
    ['SUP-000002', mug],
  ] as const) {
    const item = (await remote<Page<CatalogItem>>(`/v1/catalog?skus=${sku}`)).items[0]!;
    const price = (await remote<Page<Price>>(`/v1/prices?skus=${sku}`)).items[0]!;
    await c.call('suppliers.saveProduct', { supplierId, supplierSku: sku, productId, unitPrice: price.unitPrice, priceBreaks: price.breaks, moq: item.moq, orderMultiple: item.orderMultiple, leadTimeDays: item.leadTimeDays ?? 14 });
  }
  await c.call('sync.saveConnection', { supplierId, kind: 'open_protocol', endpoint: server.url, apiKey: KEY, autoSync: false });
  return { mug };
}

async function placePo(lines: { productId: string; qty: number }[]): Promise<{ id: string; number: string }> {
  const po = await t.client.call('purchasing.create', { supplierId, lines });
  await t.client.call('purchasing.send', { id: po.order.id });
  return { id: po.order.id, number: po.order.number };
}

const sync = () => t.client.call('sync.run', { supplierId, wait: true }).then((r) => r.runs[0]!);

/** The supplier holds each of our orders exactly once, and each is done in our outbox. */
async function ordersAgree(poIds: string[]): Promise<void> {
  const theirs = await remoteAll<Order>('orders');
  for (const id of poIds) expect(theirs.filter((o) => o.idempotencyKey === id)).toHaveLength(1);
  expect(theirs).toHaveLength(poIds.length);
  const ours = await t.client.call('sync.outbox', { supplierId, state: 'all' });
  expect(ours.filter((i) => poIds.includes(i.poId)).map((i) => i.state)).toEqual(poIds.map(() => 'done'));
}

/** Our mirror of the catalogue equals theirs, item by item. */
async function catalogueAgrees(): Promise<void> {
  const theirs = await remoteAll<CatalogItem>('catalog');
  const ours = await t.client.call('sync.catalog', { supplierId, limit: 500 });
  expect(ours.total).toBe(theirs.length);
  expect(ours.rows.map((r) => [r.sku, r.name, r.status, r.moq])).toEqual(theirs.map((i) => [i.sku, i.name, i.status, i.moq]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
}

beforeEach(() => {
  now = Date.now();
});
afterEach(async () => {
  await t?.app.sync.stop();
  t?.close();
  await server?.stop();
});

describe('supplier sync against the reference server', () => {
  it('sends a queued order, pulls the catalogue, prices, availability, the acknowledgement and the shipment', async () => {
    await setup();
    const po = await placePo([{ productId: lamp, qty: 5 }]);
    expect(await t.client.call('sync.outbox', { supplierId })).toMatchObject([{ poId: po.id, state: 'queued', attempts: 0 }]);

    const run = await sync();
    expect(run.result).toBe('ok');
    expect(run.counts).toMatchObject({ ordersSent: 1, catalog: 30, prices: 30, availability: 30 });
    await ordersAgree([po.id]);
    await catalogueAgrees();
    const ack = await t.client.call('sync.order', { poId: po.id });
    expect(ack.ack?.status).toMatch(/accepted/);
    expect(ack.ack?.lines[0]).toMatchObject({ sku: 'SUP-000001', qty: 5 });

    // the supplier ships it with tracking; the next sync makes an inbound shipment with its events
    const theirs = (await remoteAll<Order>('orders'))[0]!;
    const shipment = await server.admin<{ id: string }>(`/_admin/orders/${theirs.id}/ship`, { carrier: 'DHL', trackingNumbers: ['JD014600006281234567'] });
    await new Promise((r) => setTimeout(r, 5));
    await server.admin(`/_admin/shipments/${shipment.id}/events`, { events: [{ at: new Date().toISOString(), status: 'in_transit', place: 'Shenzhen', text: 'Departed' }] });
    now = Date.now() + 1000;
    const second = await sync();
    expect(second.result).toBe('ok');
    expect(second.counts.shipmentsCreated).toBe(1);
    const linked = await t.client.call('sync.order', { poId: po.id });
    expect(linked.shipments).toMatchObject([{ number: 'SH-000001', status: 'in_transit' }]);
    const detail = await t.client.call('shipments.get', { id: linked.shipments[0]!.id });
    expect(detail.shipment).toMatchObject({ direction: 'inbound', carrier: 'DHL', status: 'in_transit' });
    expect(detail.lines).toMatchObject([{ qty: 5 }]);
    // a third sync changes nothing and makes no second shipment
    const third = await sync();
    expect(third.counts.shipmentsCreated ?? 0).toBe(0);
    expect((await t.client.call('sync.order', { poId: po.id })).shipments).toHaveLength(1);
    await ordersAgree([po.id]);
  });

  it('keeps the API key encrypted: not in the database file, not in any answer', async () => {
    await setup();
    const conn = await t.client.call('sync.connection', { supplierId });
    expect(conn).toMatchObject({ hasKey: true, keyStorage: 'file' });
    expect(JSON.stringify(conn)).not.toContain(KEY);
    t.app.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of fs.readdirSync(t.dir).filter((f) => f.startsWith('crossdock.sqlite'))) {
      expect(fs.readFileSync(path.join(t.dir, f)).includes(Buffer.from(KEY))).toBe(false);
    }
    // and the sync still authenticates with it
    expect(await t.client.call('sync.test', { supplierId })).toMatchObject({ ok: true });
  });

  it('a 429 with Retry-After: the order waits at least that long, then goes once', async () => {
    await setup();
    const po = await placePo([{ productId: lamp, qty: 2 }]);
    await faults({ rateLimit: 1, retryAfterSeconds: 30 });
    const first = await sync();
    expect(first.result).toBe('failed');
    expect(first.message).toMatch(/Reference Supplier: too many requests/);
    const [waiting] = await t.client.call('sync.outbox', { supplierId });
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1 });
    expect(Date.parse(waiting!.nextAt!)).toBeGreaterThanOrEqual(now + 30_000);
    // not yet due: the order stays, the pulls go on
    const early = await sync();
    expect(early.counts.ordersSent ?? 0).toBe(0);
    now += 31_000;
    const later = await sync();
    expect(later.counts.ordersSent).toBe(1);
    await ordersAgree([po.id]);
    await catalogueAgrees();
  });

  it('500s and a timeout: retried with back-off, sent once the supplier heals', async () => {
    await setup();
    const po = await placePo([{ productId: lamp, qty: 2 }]);
    await faults({ serverError: 1 });
    // a 500 to an order may mean it arrived: it is looked up (not there) and then sent
    const first = await sync();
    expect(first.counts.ordersSent).toBe(1);
    expect(await t.client.call('sync.outbox', { supplierId })).toEqual([]);
    await ordersAgree([po.id]);

    const po2 = await placePo([{ productId: lamp, qty: 3 }]);
    await faults({ hang: 2 });
    const hung = await sync();
    expect(hung.result).toBe('failed');
    expect(hung.message).toMatch(/no answer in time/);
    const [item] = await t.client.call('sync.outbox', { supplierId });
    expect(item).toMatchObject({ poId: po2.id, state: 'lookup' });
    now += 20 * 60_000;
    const healed = await sync();
    expect(healed.result).toBe('ok');
    await ordersAgree([po.id, po2.id]);
    await catalogueAgrees();
  });

  it('a supplier failing every order: the outbox backs off instead of looping, and sends once when it heals', async () => {
    await setup();
    const po = await placePo([{ productId: lamp, qty: 1 }]);
    await faults({ serverError: 1000 });
    const run = await sync();
    expect(run.result).toBe('failed');
    const [item] = await t.client.call('sync.outbox', { supplierId });
    expect(item!.attempts).toBeLessThanOrEqual(3);
    expect(Date.parse(item!.nextAt!)).toBeGreaterThan(now);
    await faults({});
    // nothing reached the supplier while it failed
    expect(await remoteAll<Order>('orders')).toEqual([]);
    now += 60 * 60_000;
    expect((await sync()).result).toBe('ok');
    await ordersAgree([po.id]);
  });

  it('many orders go several at a time, each exactly once', async () => {
    await setup();
    await faults({ latencyMs: 30 });
    const pos = [];
    for (let i = 0; i < 20; i++) pos.push(await placePo([{ productId: lamp, qty: i + 1 }]));
    const run = await sync();
    expect(run.counts.ordersSent).toBe(20);
    await ordersAgree(pos.map((p) => p.id));
    const theirs = new Map((await remoteAll<Order>('orders')).map((o) => [o.reference, o.lines[0]!.qty]));
    expect(pos.map((p) => theirs.get(p.number))).toEqual(pos.map((_, i) => i + 1));
  });

  it('an order accepted but its answer lost, cut short or not JSON: found by its key, never sent twice', async () => {
    await setup();
    const pos = [];
    for (const fault of ['dropAfterAccept', 'truncated', 'malformed']) {
      pos.push((await placePo([{ productId: lamp, qty: 1 }])).id);
      await faults({ [fault]: 1 });
      const run = await sync();
      expect(run.result, fault).not.toBe('cancelled');
      now += 20 * 60_000;
      await sync();
    }
    await ordersAgree(pos);
    await catalogueAgrees();
  });

  it('the app killed (kill -9) after the supplier took an order but before it heard back: found by its key on restart, not sent again', async () => {
    await setup();
    const po = await placePo([{ productId: lamp, qty: 7 }]);
    await faults({ holdAfterAccept: 1 });
    t.app.close();
    const cli = spawn(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'sync', '--data', t.file], { cwd: ROOT, stdio: 'ignore' });
    try {
      // the supplier has stored it; our side is still waiting for the answer
      await expect.poll(async () => (await remote<Page<Order>>(`/v1/orders?idempotency_key=${po.id}`)).items.length, { timeout: 20_000, interval: 100 }).toBe(1);
    } finally {
      cli.kill('SIGKILL');
      await new Promise((r) => (cli.exitCode !== null || cli.signalCode ? r(null) : cli.once('exit', r)));
    }
    t.reopen();
    expect(t.app.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await t.client.call('sync.outbox', { supplierId }))[0]).toMatchObject({ poId: po.id, state: 'sending', attempts: 1 });
    // moments later it may still be on the wire in another Crossdock on this file: left alone
    expect((await sync()).counts).not.toHaveProperty('ordersSent');
    expect((await t.client.call('sync.outbox', { supplierId }))[0]).toMatchObject({ state: 'sending' });
    // a few minutes on, no request can still be waiting: it is looked up, found, not sent again
    now = Date.now() + 3 * 60_000;
    const run = await sync();
    expect(run.counts).toMatchObject({ ordersFound: 1 });
    expect(run.counts.ordersSent ?? 0).toBe(0);
    expect(run.result).toBe('ok');
    await ordersAgree([po.id]);
    expect((await t.client.call('sync.order', { poId: po.id })).ack?.lines[0]).toMatchObject({ qty: 7 });
  });

  it('from the command line: outbox list, then sync', async () => {
    await setup();
    const po = await placePo([{ productId: lamp, qty: 3 }]);
    const cli = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli([...argv, '--data', t.file], { out: (l) => out.push(l), err: (l) => err.push(l) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const waiting = await cli('outbox', 'list');
    expect(waiting.code).toBe(0);
    expect(waiting.out).toMatch(new RegExp(`${po.number}\\s+Reference Supplier\\s+queued`));
    const json = JSON.parse((await cli('outbox', 'list', '--json')).out) as { poId: string }[];
    expect(json.map((i) => i.poId)).toEqual([po.id]);
    const run = await cli('sync', 'reference supplier');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Reference Supplier: ok — ordersSent 1, catalog 30/);
    expect((await cli('outbox', 'list')).out).toBe('Nothing is waiting to be sent.');
    expect((await cli('outbox', 'list', '--all')).out).toMatch(/PO-000001\s+Reference Supplier\s+done\s+1\s+accepted/);
    expect(await cli('sync', 'Nobody')).toMatchObject({ code: 1, err: 'No supplier named "Nobody"' });
    expect((await t.client.call('sync.runs', { supplierId }))[0]!.trigger).toBe('cli');
    await ordersAgree([po.id]);
  });

  it('duplicated and shifting pages: the mirror ends equal to the catalogue', async () => {
    await setup();
    await faults({ duplicatePages: 3, shiftPages: 2 });
    await sync();
    await sync();
    await catalogueAgrees();
  });

  it('a schema-drifted page is refused whole, naming the supplier and the field; the good pages stay', async () => {
    await setup();
    await sync();
    await server.admin('/_admin/catalog', { items: [{ sku: 'SUP-000003', moq: 0, name: 'Broken' }, { sku: 'SUP-000004', name: 'Renamed in the same page' }] });
    const run = await sync();
    expect(run.result).toBe('partial');
    expect(run.message).toMatch(/Reference Supplier: items\[\d\]\.moq/);
    const mirror = await t.client.call('sync.catalog', { supplierId, search: 'SUP-00000', limit: 10 });
    // nothing of the refused page was applied
    expect(mirror.rows.find((r) => r.sku === 'SUP-000004')!.name).not.toBe('Renamed in the same page');
    expect(mirror.rows.find((r) => r.sku === 'SUP-000003')!.name).not.toBe('Broken');
    // once the supplier fixes it, the pull resumes and catches up
    await server.admin('/_admin/catalog', { items: [{ sku: 'SUP-000003', moq: 2 }] });
    expect((await sync()).result).toBe('ok');
    await catalogueAgrees();
  });

  it('a rejected order is shown with the field; the next one still goes; fixed and retried, it goes once', async () => {
    const { mug } = await setup();
    await t.client.call('suppliers.saveProduct', { supplierId, supplierSku: 'NOT-THEIRS', productId: mug, unitPrice: '1.00', moq: 1, orderMultiple: 1, leadTimeDays: null });
    const bad = await placePo([{ productId: mug, qty: 1 }]);
    const good = await placePo([{ productId: lamp, qty: 1 }]);
    const run = await sync();
    expect(run.counts).toMatchObject({ ordersRejected: 1, ordersSent: 1 });
    const [rejected] = await t.client.call('sync.outbox', { supplierId, state: 'rejected' });
    expect(rejected).toMatchObject({ poId: bad.id, state: 'rejected' });
    expect(rejected!.lastError).toMatch(/Reference Supplier: lines\[0\]\.sku/);
    const conn = await t.client.call('sync.connection', { supplierId });
    expect(conn!.outbox.rejected).toBe(1);
    // the merchant corrects the supplier's SKU and retries: it goes, once
    const sp = (await t.client.call('suppliers.get', { id: supplierId })).products.find((p) => p.supplierSku === 'NOT-THEIRS')!;
    await t.client.call('suppliers.saveProduct', { id: sp.id, supplierId, supplierSku: 'SUP-000005', productId: mug, unitPrice: '1.00', moq: 1, orderMultiple: 1, leadTimeDays: null });
    expect(await t.client.call('sync.retry', { seq: rejected!.seq })).toMatchObject({ state: 'queued', attempts: 0 });
    expect((await sync()).counts.ordersSent).toBe(1);
    await ordersAgree([bad.id, good.id]);
    const sent = (await remoteAll<Order>('orders')).find((o) => o.idempotencyKey === bad.id)!;
    expect(sent.lines.map((l) => l.sku)).toEqual(['SUP-000005']);
  });

  it('a price rise on a product the merchant buys waits for review; applying it leaves placed orders alone', async () => {
    await setup();
    const po = await placePo([{ productId: lamp, qty: 4 }]);
    await sync();
    const before = (await t.client.call('purchasing.get', { id: po.id })).lines[0]!.unitPrice;
    await server.admin('/_admin/prices', { items: [{ sku: 'SUP-000001', currency: 'USD', unitPrice: '99.995', breaks: [{ minQty: 48, unitPrice: '90.00' }] }] });
    await server.admin('/_admin/catalog', { items: [{ sku: 'SUP-000002', status: 'discontinued' }] });
    await sync();
    const changes = await t.client.call('sync.changes', { supplierId });
    expect(changes.map((c) => [c.sku, c.kind]).sort()).toEqual([
      ['SUP-000001', 'price'],
      ['SUP-000002', 'discontinued'],
    ]);
    const price = changes.find((c) => c.kind === 'price')!;
    // four decimals from the supplier round half away from zero to the currency's two
    expect(JSON.parse(price.newValue!)).toMatchObject({ currency: 'USD', unitPrice: '100.00', breaks: [{ minQty: 48, unitPrice: '90.00' }] });
    expect(price.openOrders).toEqual([po.number]);
    // nothing applied by itself
    expect((await t.client.call('suppliers.get', { id: supplierId })).products.find((p) => p.supplierSku === 'SUP-000001')!.unitPrice).not.toBe(10000);
    expect(await t.client.call('sync.decide', { ids: [price.id], action: 'apply' })).toEqual({ applied: 1, dismissed: 0 });
    const sp = (await t.client.call('suppliers.get', { id: supplierId })).products.find((p) => p.supplierSku === 'SUP-000001')!;
    expect(sp).toMatchObject({ unitPrice: 10000, priceBreaks: [{ minQty: 48, unitPrice: 9000 }] });
    expect((await t.client.call('purchasing.get', { id: po.id })).lines[0]!.unitPrice).toBe(before);
    // dismissed: not asked again while the supplier says the same
    const disc = changes.find((c) => c.kind === 'discontinued')!;
    await t.client.call('sync.decide', { ids: [disc.id], action: 'dismiss' });
    await server.admin('/_admin/catalog', { items: [{ sku: 'SUP-000002', status: 'discontinued', name: 'touched' }] });
    await sync();
    expect(await t.client.call('sync.changes', { supplierId })).toEqual([]);
  });

  it('an order the supplier partly accepts counts, as on its way for reorder planning, only what they accepted', async () => {
    await setup();
    const stock = (await remote<Page<Availability>>('/v1/availability?skus=SUP-000001')).items[0]!.available;
    const po = await placePo([{ productId: lamp, qty: stock + 5 }]);
    expect((await t.client.call('reorder.product', { productId: lamp })).line.onOrder).toBe(stock + 5);
    await sync();
    const ack = (await t.client.call('sync.order', { poId: po.id })).ack!;
    expect(ack).toMatchObject({ status: 'partially_accepted', lines: [{ sku: 'SUP-000001', qty: stock + 5, acceptedQty: stock }] });
    expect((await t.client.call('reorder.product', { productId: lamp })).line.onOrder).toBe(stock);
  });

  it('cancels a slow sync; one sync per supplier at a time', async () => {
    await setup();
    await faults({ latencyMs: 400 });
    const started = await t.client.call('sync.run', { supplierId });
    expect(started.started).toEqual([supplierId]);
    const again = await t.client.call('sync.run', { supplierId });
    expect(again.skipped).toEqual([{ supplierId, reason: expect.stringMatching(/already under way/) }]);
    expect(await t.client.call('sync.cancel', { supplierId })).toEqual({ cancelled: true });
    await expect.poll(async () => (await t.client.call('sync.runs', { supplierId }))[0]?.result, { timeout: 10_000 }).toBe('cancelled');
    await faults({});
    expect((await sync()).result).toBe('ok');
    await catalogueAgrees();
  });

  it('on its schedule: syncs by itself, and sends an order within a moment of its placing', async () => {
    await setup();
    await t.client.call('sync.saveConnection', { supplierId, kind: 'open_protocol', endpoint: server.url, autoSync: true, intervalMinutes: 5 });
    t.app.sync.startSchedule(200);
    await expect.poll(async () => (await t.client.call('sync.runs', { supplierId }))[0], { timeout: 10_000 }).toMatchObject({ trigger: 'interval', result: 'ok' });
    const po = await placePo([{ productId: lamp, qty: 2 }]);
    await expect.poll(async () => (await t.client.call('sync.order', { poId: po.id })).outbox?.state, { timeout: 10_000 }).toBe('done');
    await ordersAgree([po.id]);
    // within its interval nothing else runs: one full sync and one that sent the order
    const runs = await t.client.call('sync.runs', { supplierId });
    expect(runs.map((r) => [r.trigger, r.counts.catalog ?? 0, r.counts.ordersSent ?? 0])).toEqual([
      ['interval', 0, 1],
      ['interval', 30, 0],
    ]);
  });

  it('on its schedule, an order waiting out a back-off holds the ones behind it without a run after run', async () => {
    await setup();
    await t.client.call('sync.saveConnection', { supplierId, kind: 'open_protocol', endpoint: server.url, autoSync: true, intervalMinutes: 60 });
    const a = await placePo([{ productId: lamp, qty: 1 }]);
    await faults({ rateLimit: 1, retryAfterSeconds: 30 });
    await sync();
    const b = await placePo([{ productId: lamp, qty: 2 }]);
    t.app.sync.startSchedule(100);
    await new Promise((r) => setTimeout(r, 1500));
    // the full sync was done by hand just now; nothing is due: at most the one run the new order nudged
    expect((await t.client.call('sync.runs', { supplierId, limit: 100 })).length).toBeLessThanOrEqual(2);
    const waiting = await t.client.call('sync.outbox', { supplierId });
    expect(waiting.map((i) => [i.poId, i.state, i.attempts])).toEqual([
      [a.id, 'queued', 1],
      [b.id, 'queued', 0],
    ]);
  });

  it('never syncs while offline, except with a supplier on this computer', async () => {
    await setup({ sync: { isOnline: () => false } });
    // on 127.0.0.1: reachable offline
    expect((await sync()).result).toBe('ok');
    const other = (await t.client.call('suppliers.create', { name: 'Far Away Ltd', currency: 'EUR' })).id;
    await t.client.call('sync.saveConnection', { supplierId: other, kind: 'open_protocol', endpoint: 'https://api.far-away.example', apiKey: 'k' });
    const r = await t.client.call('sync.run', { supplierId: other, wait: true });
    expect(r).toMatchObject({ started: [], skipped: [{ supplierId: other, reason: expect.stringMatching(/offline/) }] });
  });

  it('refuses a connection that would send the key in the clear, or has no key', async () => {
    await setup();
    const other = (await t.client.call('suppliers.create', { name: 'Plain Ltd', currency: 'EUR' })).id;
    await expect(t.client.call('sync.saveConnection', { supplierId: other, kind: 'open_protocol', endpoint: 'http://api.plain.example', apiKey: 'k' })).rejects.toMatchObject({
      details: { field: 'endpoint' },
    });
    await expect(t.client.call('sync.saveConnection', { supplierId: other, kind: 'open_protocol', endpoint: 'https://api.plain.example' })).rejects.toMatchObject({ details: { field: 'apiKey' } });
    expect(await t.client.call('sync.connection', { supplierId: other })).toBeNull();
  });
});
