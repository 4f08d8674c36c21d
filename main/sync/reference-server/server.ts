// The reference supplier: the open protocol (docs/supplier-protocol.md) served over HTTP on
// 127.0.0.1 from its own store, with faults that can be switched on for tests and demos — slow
// answers, answers that never come, 429 bursts, 500s, bodies that are not JSON or are cut short,
// pages that repeat or shift under a reader, and an order taken and stored whose answer is lost.
import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Availability, CatalogItem, ErrorBody, ErrorCode, Order, OrderLine, OrderRequest, Page, Price, Shipment } from '../protocol/types';
import { checkOrderRequest, SupplierRequestError } from './validate';
import type { StoredOrder, StoredShipment, SupplierStore } from './store';

/** Faults, each a count of requests it still applies to (latency: milliseconds on every request). */
export interface Faults {
  latencyMs: number;
  /** requests left unanswered (the connection stays open until the client gives up) */
  hang: number;
  /** 429 answers, with Retry-After in seconds */
  rateLimit: number;
  retryAfterSeconds: number;
  serverError: number;
  /** 200 with a body that is not JSON */
  malformed: number;
  /** a body cut off half way, the connection closed */
  truncated: number;
  /** list pages whose next cursor starts half way back into the page just served */
  duplicatePages: number;
  /** list requests before which items already read are changed (they move to the end) and one is added */
  shiftPages: number;
  /** orders taken and stored, then the connection dropped without an answer */
  dropAfterAccept: number;
  /** orders taken and stored, then no answer at all (the connection stays open until the client gives up) */
  holdAfterAccept: number;
}

export const NO_FAULTS: Faults = { latencyMs: 0, hang: 0, rateLimit: 0, retryAfterSeconds: 1, serverError: 0, malformed: 0, truncated: 0, duplicatePages: 0, shiftPages: 0, dropAfterAccept: 0, holdAfterAccept: 0 };

export interface ServerOptions {
  apiKey: string;
  /** acknowledge orders as they come (accept what is in stock); false: leave them for /_admin */
  autoAck: boolean;
}

type Sortable = { updatedAt: string };
const MAX_PAGE = 1000;

const encodeCursor = (updatedAt: string, key: string) => Buffer.from(JSON.stringify([updatedAt, key])).toString('base64url');
function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // answered below
  }
  throw new SupplierRequestError('invalid_request', 'is not a cursor this server gave out', 'cursor');
}

/**
 * A page of a list kept in (updatedAt, key) order: changes move a record to the end, so a reader
 * going forward by cursor never skips one, whatever changes while it reads.
 */
function pageOf<T extends Sortable>(list: T[], keyOf: (r: T) => string, q: URLSearchParams, faults: Faults): Page<T> {
  const limitText = q.get('limit');
  const limit = limitText === null ? 200 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new SupplierRequestError('invalid_request', `must be a whole number from 1 to ${MAX_PAGE}`, 'limit');
  const since = q.get('updated_since');
  if (since !== null && Number.isNaN(Date.parse(since))) throw new SupplierRequestError('invalid_request', 'must be an ISO 8601 time', 'updated_since');
  const cursor = q.get('cursor');
  const after = cursor ? decodeCursor(cursor) : null;
  // first index past the cursor (binary search on the sorted list)
  let lo = 0;
  let hi = list.length;
  while (after && lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = list[mid]!;
    const beyond = r.updatedAt > after[0] || (r.updatedAt === after[0] && keyOf(r) > after[1]);
    if (beyond) hi = mid;
    else lo = mid + 1;
  }
  const sinceIso = since === null ? null : new Date(since).toISOString();
  const items: T[] = [];
  let i = lo;
  for (; i < list.length && items.length < limit; i++) if (sinceIso === null || list[i]!.updatedAt > sinceIso) items.push(list[i]!);
  let last = items[items.length - 1];
  const more = last !== undefined && i < list.length;
  if (more && faults.duplicatePages > 0 && items.length > 1) {
    faults.duplicatePages--;
    last = items[Math.floor(items.length / 2) - 1]!;
  }
  return { items, nextCursor: more && last ? encodeCursor(last.updatedAt, keyOf(last)) : null };
}

const sameRequest = (a: OrderRequest, b: OrderRequest) => JSON.stringify(a) === JSON.stringify(b);

export class ReferenceSupplier {
  readonly faults: Faults = { ...NO_FAULTS };

  constructor(
    readonly store: SupplierStore,
    readonly opts: ServerOptions,
  ) {}

  // ---- orders ---------------------------------------------------------------------------------

  /** Takes an order once per key: the same key and body again returns the first answer. */
  placeOrder(key: string, req: OrderRequest): { order: StoredOrder; created: boolean } {
    const orders = this.store.scan('orders');
    const seen = orders.find((o) => o.idempotencyKey === key);
    if (seen) {
      if (!sameRequest(seen.request, req)) throw new SupplierRequestError('idempotency_conflict', 'this Idempotency-Key was used for a different order', 'Idempotency-Key');
      return { order: seen, created: false };
    }
    req.lines.forEach((l, i) => {
      const item = this.store.find('catalog', l.sku);
      if (!item) throw new SupplierRequestError('invalid_request', `unknown SKU ${l.sku}`, `lines[${i}].sku`);
    });
    const at = this.store.stamp();
    const order: StoredOrder = {
      id: `ORD-${String(orders.length + 1).padStart(6, '0')}`,
      idempotencyKey: key,
      reference: req.reference,
      currency: req.currency,
      status: 'received',
      lines: req.lines.map((l) => ({ sku: l.sku, qty: l.qty, acceptedQty: null, unitPrice: this.priceFor(l.sku, l.qty), reason: null })),
      reasons: [],
      createdAt: at,
      updatedAt: at,
      request: req,
    };
    if (this.opts.autoAck) this.acknowledge(order, null);
    else this.store.put('orders', [order]);
    return { order, created: true };
  }

  private priceFor(sku: string, qty: number): string | null {
    const p = this.store.find('prices', sku);
    if (!p) return null;
    let price = p.unitPrice;
    for (const b of p.breaks) if (qty >= b.minQty) price = b.unitPrice;
    return price;
  }

  /** Accepts what is in stock (or the quantities given), rejecting the rest with a reason. */
  acknowledge(order: StoredOrder, accepted: { sku: string; acceptedQty: number; reason?: string }[] | null, reasons: string[] = []): StoredOrder {
    const at = this.store.stamp();
    const taken: Availability[] = [];
    order.lines = order.lines.map((l): OrderLine => {
      const given = accepted?.find((a) => a.sku === l.sku);
      const s = this.store.find('stock', l.sku);
      const qty = given ? Math.min(l.qty, given.acceptedQty) : Math.min(l.qty, s?.available ?? 0);
      if (s && qty > 0) taken.push(Object.assign(s, { available: s.available - qty, updatedAt: at }));
      const reason = qty < l.qty ? (given?.reason ?? `only ${qty} available`) : null;
      return { ...l, acceptedQty: qty, reason };
    });
    const total = order.lines.reduce((a, l) => a + (l.acceptedQty ?? 0), 0);
    order.status = total === 0 ? 'rejected' : order.lines.every((l) => l.acceptedQty === l.qty) ? 'accepted' : 'partially_accepted';
    order.reasons = reasons.length ? reasons : order.lines.filter((l) => l.reason).map((l) => `${l.sku}: ${l.reason}`);
    order.updatedAt = at;
    this.store.putAll([
      ['stock', taken],
      ['orders', [order]],
    ]);
    return order;
  }

  /** Ships what was accepted of an order (or the lines given), with its first tracking event. */
  ship(order: StoredOrder, input: { carrier?: string; trackingNumbers?: string[]; lines?: { sku: string; qty: number }[] }): StoredShipment {
    const shipments = this.store.get('shipments');
    const at = this.store.stamp();
    const shipment: StoredShipment = {
      id: `SHP-${String(shipments.length + 1).padStart(6, '0')}`,
      orderId: order.id,
      reference: order.reference,
      carrier: input.carrier ?? 'DHL Express',
      trackingNumbers: input.trackingNumbers ?? [`TRK${String(shipments.length + 1).padStart(9, '0')}`],
      lines: input.lines ?? order.lines.filter((l) => (l.acceptedQty ?? 0) > 0).map((l) => ({ sku: l.sku, qty: l.acceptedQty! })),
      shippedAt: at,
      updatedAt: at,
      events: [{ at, status: 'info_received', place: null, text: 'Shipment information received' }],
    };
    order.status = 'shipped';
    order.updatedAt = at;
    this.store.putAll([
      ['shipments', [shipment]],
      ['orders', [order]],
    ]);
    return shipment;
  }

  /** Changes catalogue items (new ones are added), as a supplier updating its list would. */
  updateCatalog(items: (Partial<CatalogItem> & { sku: string })[]): CatalogItem[] {
    const at = this.store.stamp();
    const out = items.map((patch) => {
      const cur = this.store.find('catalog', patch.sku);
      const next: CatalogItem = { name: patch.sku, barcode: null, hsCode: null, originCountry: null, moq: 1, orderMultiple: 1, leadTimeDays: null, status: 'active', ...cur, ...patch, updatedAt: at };
      return cur ? Object.assign(cur, next) : next;
    });
    this.store.put('catalog', out);
    return out;
  }

  /** Changes prices (a price rise) or adds them. */
  updatePrices(items: (Partial<Price> & { sku: string })[]): Price[] {
    const at = this.store.stamp();
    const out = items.map((patch) => {
      const cur = this.store.find('prices', patch.sku);
      const next: Price = { currency: 'USD', unitPrice: '0.00', breaks: [], ...cur, ...patch, updatedAt: at };
      return cur ? Object.assign(cur, next) : next;
    });
    this.store.put('prices', out);
    return out;
  }

  // ---- HTTP -------------------------------------------------------------------------------------

  listen(port: number): Promise<http.Server> {
    const server = http.createServer((req, res) => void this.handle(req, res));
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
  }

  private authorised(req: http.IncomingMessage): boolean {
    const given = Buffer.from(String(req.headers['x-api-key'] ?? ''));
    const want = Buffer.from(this.opts.apiKey);
    return given.length === want.length && timingSafeEqual(given, want);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
      res.end(text);
    };
    const fail = (status: number, code: ErrorCode, message: string, field?: string, headers?: Record<string, string>) =>
      send(status, { error: { code, message, ...(field ? { field } : {}) } } satisfies ErrorBody, headers);
    try {
      if (!this.authorised(req)) return fail(401, 'unauthorized', 'a valid X-Api-Key header is required');
      const body = req.method === 'POST' ? await readBody(req) : null;
      if (url.pathname.startsWith('/_admin/')) return send(200, this.admin(req.method ?? 'GET', url.pathname, body));

      // faults, in the order a client would meet them
      const f = this.faults;
      if (f.hang > 0) {
        f.hang--;
        return;
      }
      if (f.latencyMs > 0) await new Promise((r) => setTimeout(r, f.latencyMs));
      if (f.rateLimit > 0) {
        f.rateLimit--;
        return fail(429, 'rate_limited', 'too many requests', undefined, { 'retry-after': String(f.retryAfterSeconds) });
      }
      if (f.serverError > 0) {
        f.serverError--;
        return fail(500, 'server_error', 'the supplier system is unavailable');
      }
      if (f.malformed > 0) {
        f.malformed--;
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"items": [ {"sku": "SUP-0');
      }

      const answer = this.route(req.method ?? 'GET', url, req.headers, body);
      if (answer.drop) return void req.socket.destroy();
      if (answer.hold) return;
      if (f.truncated > 0) {
        f.truncated--;
        const text = JSON.stringify(answer.body);
        res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.write(text.slice(0, Math.floor(text.length / 2)));
        return void req.socket.destroy();
      }
      send(answer.status, answer.body);
    } catch (e) {
      if (e instanceof SupplierRequestError) return fail(e.code === 'not_found' ? 404 : e.code === 'idempotency_conflict' ? 409 : 400, e.code, e.message, e.field);
      fail(500, 'server_error', (e as Error).message);
    }
  }

  private route(method: string, url: URL, headers: http.IncomingHttpHeaders, body: unknown): { status: number; body?: unknown; drop?: boolean; hold?: boolean } {
    const q = url.searchParams;
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] !== 'v1') throw new SupplierRequestError('not_found', `no such path ${url.pathname}`);
    const [, what, id, sub] = parts;
    if (method === 'GET' && what && ['catalog', 'prices', 'availability'].includes(what) && !id) {
      if (this.faults.shiftPages > 0 && q.get('cursor')) this.shift();
      const list = this.store.get(what === 'catalog' ? 'catalog' : what === 'prices' ? 'prices' : 'stock');
      const skus = q.get('skus');
      if (skus) {
        const wanted = new Set(skus.split(','));
        return { status: 200, body: { items: list.filter((r) => wanted.has(r.sku)), nextCursor: null } };
      }
      return { status: 200, body: pageOf(list as { sku: string; updatedAt: string }[], (r) => r.sku, q, this.faults) };
    }
    if (what === 'orders' && method === 'POST' && !id) {
      const key = headers['idempotency-key'];
      if (typeof key !== 'string' || !key.trim() || key.length > 100) throw new SupplierRequestError('invalid_request', 'an Idempotency-Key header (1 to 100 characters) is required', 'Idempotency-Key');
      const { order, created } = this.placeOrder(key, checkOrderRequest(body));
      if (created && this.faults.dropAfterAccept > 0) {
        this.faults.dropAfterAccept--;
        return { status: 0, drop: true };
      }
      if (created && this.faults.holdAfterAccept > 0) {
        this.faults.holdAfterAccept--;
        return { status: 0, hold: true };
      }
      return { status: created ? 201 : 200, body: publicOrder(order) };
    }
    if (what === 'orders' && method === 'GET') {
      const orders = this.store.get('orders');
      if (id) return { status: 200, body: publicOrder(mustExist(this.store.find('orders', id), `no order ${id}`)) };
      const key = q.get('idempotency_key');
      const reference = q.get('reference');
      if (key !== null || reference !== null) return { status: 200, body: { items: orders.filter((o) => (key === null || o.idempotencyKey === key) && (reference === null || o.reference === reference)).map(publicOrder), nextCursor: null } };
      const page = pageOf(orders, (o) => o.id, q, this.faults);
      return { status: 200, body: { ...page, items: page.items.map(publicOrder) } };
    }
    if (what === 'shipments' && method === 'GET') {
      const shipments = this.store.get('shipments');
      if (id && sub === 'events') return { status: 200, body: { items: mustExist(this.store.find('shipments', id), `no shipment ${id}`).events, nextCursor: null } };
      if (id) return { status: 200, body: publicShipment(mustExist(this.store.find('shipments', id), `no shipment ${id}`)) };
      const page = pageOf(shipments, (s) => s.id, q, this.faults);
      return { status: 200, body: { ...page, items: page.items.map(publicShipment) } };
    }
    throw new SupplierRequestError('not_found', `no such path ${method} ${url.pathname}`);
  }

  /** Before a page: two items near the start change (moving to the end) and one is added. */
  private shift(): void {
    this.faults.shiftPages--;
    const list = this.store.get('catalog');
    const moved = list.slice(0, 2).map((c) => ({ sku: c.sku, name: `${c.name} (new pack)` }));
    this.updateCatalog([...moved, { sku: `SUP-NEW-${list.length + 1}`, name: 'A product added while you read' }]);
  }

  /** Test and demo controls: faults, acknowledgements, shipments, tracking, catalogue changes. */
  private admin(method: string, path: string, body: unknown): unknown {
    const b = (body ?? {}) as Record<string, unknown>;
    if (path === '/_admin/faults' && method === 'POST') return Object.assign(this.faults, { ...NO_FAULTS, ...(b as Partial<Faults>) });
    if (path === '/_admin/faults') return this.faults;
    if (path === '/_admin/catalog' && method === 'POST') return this.updateCatalog((b.items ?? []) as (Partial<CatalogItem> & { sku: string })[]);
    if (path === '/_admin/prices' && method === 'POST') return this.updatePrices((b.items ?? []) as (Partial<Price> & { sku: string })[]);
    const m = /^\/_admin\/(orders|shipments)\/([^/]+)\/(ack|ship|events)$/.exec(path);
    if (m && method === 'POST') {
      if (m[1] === 'orders') {
        const order = mustExist(this.store.find('orders', m[2]!), `no order ${m[2]}`);
        if (m[3] === 'ack') return publicOrder(this.acknowledge(order, (b.lines ?? null) as { sku: string; acceptedQty: number; reason?: string }[] | null, (b.reasons ?? []) as string[]));
        return publicShipment(this.ship(order, b as { carrier?: string; trackingNumbers?: string[] }));
      }
      const s = mustExist(this.store.find('shipments', m[2]!), `no shipment ${m[2]}`);
      s.events.push(...((b.events ?? []) as StoredShipment['events']));
      s.updatedAt = this.store.stamp();
      this.store.put('shipments', [s]);
      return publicShipment(s);
    }
    throw new SupplierRequestError('not_found', `no such admin path ${method} ${path}`);
  }
}

function mustExist<T>(r: T | undefined, message: string): T {
  if (!r) throw new SupplierRequestError('not_found', message);
  return r;
}

/** What a client sees of an order (the request it came with stays in the store). */
function publicOrder(o: StoredOrder): Order {
  const { request: _r, ...rest } = o;
  return rest;
}

function publicShipment(s: StoredShipment): Shipment {
  const { events: _e, ...rest } = s;
  return rest;
}

const BODY_LIMIT = 1 << 20;

function readBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) {
        reject(new SupplierRequestError('invalid_request', 'the body is larger than 1 MiB'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : null);
      } catch {
        reject(new SupplierRequestError('invalid_request', 'the body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}
