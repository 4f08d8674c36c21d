// The reference supplier as a separate process on 127.0.0.1, spoken to over real HTTP: the open
// protocol (auth, cursor pages, updated_since, prices with breaks, availability, orders once per
// key, acknowledgements, shipments and tracking) and each of its fault modes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogItem, Order, Page } from '../../main/sync/protocol/types';
import { startSupplier, type SupplierProcess } from '../helpers/supplier-server';
import { tempDir } from '../helpers/temp-app';

const KEY = 'test-key-1';
let server: SupplierProcess;
let base: string;
let data: string;

async function call<T = unknown>(pathAndQuery: string, init: { method?: string; body?: unknown; key?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(base + pathAndQuery, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'x-api-key': init.key ?? KEY, 'content-type': 'application/json', ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

const faults = (f: Record<string, number>) => server.admin('/_admin/faults', f);
const order = (key: string, reference = 'PO-000001', lines = [{ sku: 'SUP-000001', qty: 2, unitPrice: null }]) =>
  call<Order>('/v1/orders', { body: { reference, currency: 'USD', lines, note: null }, headers: { 'idempotency-key': key } });

/** Every item of a list, page by page. */
async function readAll<T extends { sku?: string }>(list: string, limit: number): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const r: { body: Page<T> } = await call<Page<T>>(`/v1/${list}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    out.push(...r.body.items);
    cursor = r.body.nextCursor;
  } while (cursor);
  return out;
}

beforeEach(async () => {
  data = tempDir();
  server = await startSupplier(data, KEY);
  base = server.url;
});
afterEach(async () => {
  await server.stop();
});

describe('the open protocol', () => {
  it('asks for the API key, and answers errors in the documented shape', async () => {
    const denied = await call('/v1/catalog', { key: 'wrong' });
    expect(denied).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    const bad = await call('/v1/catalog?limit=5000');
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid_request', field: 'limit' } } });
    expect((await call('/v1/nothing')).status).toBe(404);
  });

  it('pages the catalogue by cursor, every item once, and from a time on', async () => {
    const all = await readAll<CatalogItem>('catalog', 7);
    expect(all).toHaveLength(30);
    expect(new Set(all.map((i) => i.sku)).size).toBe(30);
    const since = all[all.length - 1]!.updatedAt;
    await call('/_admin/catalog', { body: { items: [{ sku: 'SUP-000004', status: 'discontinued' }] } });
    const changed = await call<Page<CatalogItem>>(`/v1/catalog?updated_since=${encodeURIComponent(since)}`);
    expect(changed.body.items.map((i) => [i.sku, i.status])).toEqual([['SUP-000004', 'discontinued']]);
    const prices = await call<Page<{ sku: string; currency: string; unitPrice: string; breaks: unknown[] }>>('/v1/prices?limit=1');
    expect(prices.body.items[0]).toMatchObject({ sku: 'SUP-000001', currency: 'USD', breaks: [{ minQty: 48 }] });
    expect((await call<Page<{ sku: string }>>('/v1/availability?skus=SUP-000002,SUP-000003')).body.items.map((i) => i.sku)).toEqual(['SUP-000002', 'SUP-000003']);
  });

  it('takes an order once per key, acknowledges it, ships it with tracking', async () => {
    const first = await order('key-1');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ reference: 'PO-000001', status: 'accepted', lines: [{ sku: 'SUP-000001', qty: 2, acceptedQty: 2 }] });
    // the same key again: the same order, not a second one
    const again = await order('key-1');
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id } });
    // the same key for something else: refused
    expect(await order('key-1', 'PO-000009')).toMatchObject({ status: 409, body: { error: { code: 'idempotency_conflict' } } });
    expect((await call<Page<Order>>('/v1/orders?idempotency_key=key-1')).body.items).toHaveLength(1);
    // an unknown SKU is named by its path
    expect(await order('key-2', 'PO-000002', [{ sku: 'NOPE', qty: 1, unitPrice: null }])).toMatchObject({ status: 400, body: { error: { field: 'lines[0].sku' } } });
    expect((await order('key-3', 'PO-000003', [{ sku: 'SUP-000001', qty: 0, unitPrice: null }])).body).toMatchObject({ error: { field: 'lines[0].qty' } });
    const shipped = await call<{ id: string; trackingNumbers: string[] }>(`/_admin/orders/${first.body.id}/ship`, { body: { carrier: 'SF Express' } });
    const shipments = await call<Page<{ id: string; reference: string; carrier: string; lines: unknown[] }>>('/v1/shipments');
    expect(shipments.body.items).toEqual([expect.objectContaining({ id: shipped.body.id, reference: 'PO-000001', carrier: 'SF Express', lines: [{ sku: 'SUP-000001', qty: 2 }] })]);
    const events = await call<Page<{ status: string }>>(`/v1/shipments/${shipped.body.id}/events`);
    expect(events.body.items.map((e) => e.status)).toEqual(['info_received']);
    expect((await call<Order>(`/v1/orders/${first.body.id}`)).body.status).toBe('shipped');
  });

  it('keeps its orders across a kill and a restart', async () => {
    const o = await order('key-restart');
    await server.stop();
    server = await startSupplier(data, KEY);
    base = server.url;
    expect((await call<Page<Order>>('/v1/orders?idempotency_key=key-restart')).body.items.map((x) => x.id)).toEqual([o.body.id]);
    expect((await order('key-restart')).status).toBe(200);
    // killed again right after a catalogue change that rewrote the files: the order is still there
    await server.admin('/_admin/catalog', { items: [{ sku: 'SUP-000002', name: 'Renamed' }] });
    await new Promise((r) => setTimeout(r, 1300)); // past the quiet moment: the files are rewritten, the journal emptied
    await server.stop();
    server = await startSupplier(data, KEY);
    base = server.url;
    expect((await call<Page<Order>>('/v1/orders?idempotency_key=key-restart')).body.items.map((x) => x.id)).toEqual([o.body.id]);
  });
});

describe('fault modes', () => {
  it('rate limits with Retry-After, then answers', async () => {
    await faults({ rateLimit: 2, retryAfterSeconds: 3 });
    const limited = await call('/v1/catalog');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await call('/v1/catalog')).status).toBe(429);
    expect((await call('/v1/catalog')).status).toBe(200);
  });

  it('fails with 500s, then recovers', async () => {
    await faults({ serverError: 1 });
    expect(await call('/v1/prices')).toMatchObject({ status: 500, body: { error: { code: 'server_error' } } });
    expect((await call('/v1/prices')).status).toBe(200);
  });

  it('answers slowly, or not at all', async () => {
    await faults({ latencyMs: 300 });
    const t = performance.now();
    expect((await call('/v1/catalog?limit=1')).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(290);
    await faults({ hang: 1 });
    await expect(fetch(`${base}/v1/catalog`, { headers: { 'x-api-key': KEY }, signal: AbortSignal.timeout(500) })).rejects.toThrow();
    expect((await call('/v1/catalog?limit=1')).status).toBe(200);
  });

  it('sends bodies that are not JSON, or are cut short', async () => {
    await faults({ malformed: 1 });
    const text = await (await fetch(`${base}/v1/catalog`, { headers: { 'x-api-key': KEY } })).text();
    expect(() => JSON.parse(text)).toThrow();
    await faults({ truncated: 1 });
    await expect(fetch(`${base}/v1/catalog`, { headers: { 'x-api-key': KEY } }).then((r) => r.text())).rejects.toThrow();
    expect((await call('/v1/catalog?limit=1')).status).toBe(200);
  });

  it('repeats and shifts pages, and a reader by cursor still gets every item', async () => {
    await faults({ duplicatePages: 2 });
    const withRepeats = await readAll<CatalogItem>('catalog', 10);
    expect(withRepeats.length).toBeGreaterThan(30);
    expect(new Set(withRepeats.map((i) => i.sku)).size).toBe(30);
    await faults({ shiftPages: 2 });
    const shifted = await readAll<CatalogItem>('catalog', 10);
    // two items changed before each of two pages (read again at the end) and two were added: none missed
    const skus = new Set(shifted.map((i) => i.sku));
    const now = await call<Page<CatalogItem>>('/v1/catalog?limit=1000');
    expect(now.body.items).toHaveLength(32);
    expect(now.body.items.every((i) => skus.has(i.sku))).toBe(true);
  });

  it('takes and stores an order, then drops the connection: the order is found by its key, and sending it again does not make a second', async () => {
    await faults({ dropAfterAccept: 1 });
    await expect(order('key-lost')).rejects.toThrow();
    const found = await call<Page<Order>>('/v1/orders?idempotency_key=key-lost');
    expect(found.body.items).toHaveLength(1);
    expect((await order('key-lost')).body.id).toBe(found.body.items[0]!.id);
    expect((await call<Page<Order>>('/v1/orders?reference=PO-000001')).body.items).toHaveLength(1);
  });
});
