// The open-protocol connector against the reference supplier running as its own process on
// 127.0.0.1: every answer, and every fault the server can make, lands in one of the four outcomes
// (done, retry, rejected, unknown) with the supplier's name — and an order whose answer was lost
// is found by its key, not taken twice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpenProtocolConnector, retryAfterMs, type Outcome } from '../../main/sync/connectors/open-protocol';
import type { CatalogItem, Order, OrderRequest } from '../../main/sync/protocol/types';
import { startSupplier, type SupplierProcess } from '../helpers/supplier-server';
import { tempDir } from '../helpers/temp-app';

const KEY = 'connector-key';
let server: SupplierProcess;
let c: OpenProtocolConnector;

const connector = (apiKey = KEY, timeoutMs = 2000) => new OpenProtocolConnector({ name: 'Reference Supply', baseUrl: server.url, apiKey, fetch, timeoutMs });
const faults = (f: Record<string, number>) => server.admin('/_admin/faults', f);
const po: OrderRequest = { reference: 'PO-000042', currency: 'USD', lines: [{ sku: 'SUP-000003', qty: 4, unitPrice: null }], note: null };
const done = <T>(o: Outcome<T>): T => {
  if (o.kind !== 'done') throw new Error(`expected done, got ${JSON.stringify(o)}`);
  return o.value;
};

beforeEach(async () => {
  server = await startSupplier(tempDir(), KEY);
  c = connector();
});
afterEach(async () => {
  await server.stop();
});

describe('the open-protocol connector', () => {
  it('reads every page of the catalogue, prices and availability, checked against the protocol', async () => {
    const items: CatalogItem[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: CatalogItem[]; nextCursor: string | null } = done(await c.catalogPage({ cursor, updatedSince: null, limit: 8 }));
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(items.map((i) => i.sku)).toHaveLength(30);
    expect(done(await c.pricesPage({ cursor: null, updatedSince: null, limit: 1 })).items[0]).toMatchObject({ sku: 'SUP-000001', currency: 'USD' });
    expect(done(await c.availabilityPage({ cursor: null, updatedSince: null, limit: 2 })).items).toHaveLength(2);
  });

  it('sends an order once per key, finds it by the key, pulls its shipment and tracking', async () => {
    const first = done(await c.placeOrder('po-42-key', po));
    expect(first).toMatchObject({ reference: 'PO-000042', status: 'accepted' });
    expect(done(await c.placeOrder('po-42-key', po)).id).toBe(first.id);
    expect(done(await c.findOrder('po-42-key'))?.id).toBe(first.id);
    expect(done(await c.findOrder('never-sent'))).toBeNull();
    const shipped = await server.admin<{ id: string }>(`/_admin/orders/${first.id}/ship`, { carrier: 'DHL Express', trackingNumbers: ['JD0001'] });
    expect(done(await c.shipmentsPage({ cursor: null, updatedSince: null })).items).toEqual([expect.objectContaining({ id: shipped.id, reference: 'PO-000042', trackingNumbers: ['JD0001'] })]);
    expect(done(await c.trackingEvents(shipped.id)).map((e) => e.status)).toEqual(['info_received']);
    const acks = done(await c.ordersPage({ cursor: null, updatedSince: first.createdAt }));
    expect(acks.items.map((o: Order) => [o.id, o.status])).toEqual([[first.id, 'shipped']]);
  });

  it('says rejected, with the supplier and the field, when the supplier refuses', async () => {
    expect(await connector('wrong-key').catalogPage({ cursor: null, updatedSince: null })).toMatchObject({ kind: 'rejected', reason: 'Reference Supply: a valid X-Api-Key header is required' });
    const bad = await c.placeOrder('bad-sku', { ...po, lines: [{ sku: 'NOPE', qty: 1, unitPrice: null }] });
    expect(bad).toEqual({ kind: 'rejected', reason: 'Reference Supply: lines[0].sku: unknown SKU NOPE', field: 'lines[0].sku' });
    await c.placeOrder('reused', po);
    expect(await c.placeOrder('reused', { ...po, reference: 'PO-000043' })).toMatchObject({ kind: 'rejected', field: 'Idempotency-Key' });
  });

  it('refuses an answer that does not fit the protocol, whole, naming the field', async () => {
    const since = done(await c.catalogPage({ cursor: null, updatedSince: null, limit: 1000 })).items.at(-1)!.updatedAt;
    // the supplier's system starts sending the minimum order as text
    await server.admin('/_admin/catalog', { items: [{ sku: 'SUP-000005', moq: 'six' }] });
    const r = await c.catalogPage({ cursor: null, updatedSince: since });
    expect(r).toMatchObject({ kind: 'rejected', field: 'items[0].moq' });
    expect((r as { reason: string }).reason).toMatch(/^Reference Supply: items\[0\]\.moq: /);
  });

  it('says retry for 429 (with the wait asked for), 500s, bodies that are not JSON or cut short, and no answer', async () => {
    await faults({ rateLimit: 1, retryAfterSeconds: 7 });
    expect(await c.catalogPage({ cursor: null, updatedSince: null })).toEqual({ kind: 'retry', reason: 'Reference Supply: too many requests', afterMs: 7000 });
    await faults({ serverError: 1 });
    expect(await c.pricesPage({ cursor: null, updatedSince: null })).toMatchObject({ kind: 'retry', reason: 'Reference Supply: server error 500' });
    await faults({ malformed: 1 });
    expect(await c.catalogPage({ cursor: null, updatedSince: null })).toMatchObject({ kind: 'retry', reason: 'Reference Supply: the answer was not JSON' });
    await faults({ truncated: 1 });
    expect(await c.catalogPage({ cursor: null, updatedSince: null })).toMatchObject({ kind: 'retry' });
    await faults({ hang: 1 });
    expect(await connector(KEY, 300).catalogPage({ cursor: null, updatedSince: null })).toMatchObject({ kind: 'retry', reason: 'Reference Supply: no answer in time' });
    expect((await c.catalogPage({ cursor: null, updatedSince: null })).kind).toBe('done');
  });

  it('says unknown when an order may have arrived: the lookup finds it, and sending again makes no second', async () => {
    await faults({ dropAfterAccept: 1 });
    expect(await c.placeOrder('lost-answer', po)).toMatchObject({ kind: 'unknown' });
    const found = done(await c.findOrder('lost-answer'));
    expect(found).not.toBeNull();
    expect(done(await c.placeOrder('lost-answer', po)).id).toBe(found!.id);
    // a 500 on an order is unknown too: it is looked up, not blindly sent again
    await faults({ serverError: 1 });
    expect(await c.placeOrder('after-500', { ...po, reference: 'PO-000044' })).toMatchObject({ kind: 'unknown', reason: 'Reference Supply: server error 500' });
    expect(done(await c.findOrder('after-500'))).toBeNull();
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('12')).toBe(12_000);
    expect(retryAfterMs('Wed, 25 Nov 2026 10:00:30 GMT', Date.parse('2026-11-25T10:00:00Z'))).toBe(30_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });
});
