// CJ Dropshipping (API 2.0, https://developers.cjdropshipping.com/en/api/api2/), mapped onto the
// four outcomes of ../connector.ts. What its documentation says and this relies on:
//   - auth: POST /authentication/getAccessToken {apiKey} gives an access token (15 days) and a
//     refresh token (180 days); POST /authentication/refreshAccessToken {refreshToken} renews it;
//     every other call carries the CJ-Access-Token header
//   - every answer is an envelope {code, result, message, data, requestId}: code 200 is success,
//     anything else an error — usually inside an HTTP 200, so the body decides, not the status
//   - about one call a second per account (QPS 1 for the entry level): calls are spaced out
//   - catalogue: the merchant's own SKUs, each by GET /product/variant/query?variantSku= (name,
//     price in USD) and GET /product/stock/queryBySku?sku= (stock per warehouse)
//   - orders: POST /shopping/order/createOrderV2 with our purchase-order number as orderNumber (CJ
//     refuses a second order under one: 1603003); GET /shopping/order/getOrderDetail?orderId=
//     accepts that number too, so an order whose answer was lost is found by it; GET
//     /shopping/order/list pages the account's orders with their status and tracking number
//   - tracking: GET /logistic/trackInfo?trackNumber= (a status in words, no event list)
// CJ ships to an address, so orders carry the merchant's receiving address, the CJ logistics
// service and the warehouse country from the connection's settings.
import type { ListQuery, Outcome, SupplierConnector } from '../connector';
import type { CatalogItem, Order, OrderRequest, OrderStatus, Page, Price, Shipment, TrackingEvent, Availability } from '../protocol/types';

export interface CjAddress {
  name: string;
  phone: string | null;
  countryCode: string;
  country: string;
  province: string;
  city: string;
  address: string;
  zip: string | null;
}

export interface CjSettings {
  /** where CJ ships the merchant's orders: their warehouse */
  shipTo: CjAddress;
  /** a CJ logistics service name, as freight calculation names it (e.g. "CJPacket Ordinary") */
  logisticName: string;
  /** the CJ warehouse country orders ship from */
  fromCountryCode: string;
}

export interface CjTokens {
  accessToken: string;
  refreshToken: string;
  /** ms since the epoch */
  accessExpires: number;
}

/** What calls to one CJ account share: its tokens, a sign-in under way, and when the last call went. */
export interface CjSession {
  tokens: CjTokens | null;
  signingIn: Promise<Reply> | null;
  lastCall: number;
}

export const newCjSession = (): CjSession => ({ tokens: null, signingIn: null, lastCall: 0 });

export interface CjOptions {
  name: string;
  baseUrl: string;
  apiKey: string;
  settings: Partial<CjSettings>;
  /** the merchant's SKUs at CJ (variant SKUs): what the catalogue sync reads */
  skus: string[];
  fetch: typeof fetch;
  /** kept per supplier for the app's lifetime (never stored), shared by every connector made for it */
  session: CjSession;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** the least time between two calls (CJ allows about one a second) */
  spacingMs?: number;
  now?: () => number;
}

interface Envelope {
  code: number;
  result?: boolean;
  message?: string;
  data?: unknown;
}

/** What one call came to: the data, or an outcome to hand back. */
export type Reply = { ok: true; data: unknown } | { ok: false; outcome: Outcome<never> };

const PAGE = 20;

/** CJ's codes (its "error code" page), by what a client does about them. */
const RETRY_CODES = new Set([1600000, 1600200, 1600201, 1600301]);
const TOKEN_CODES = new Set([1600001, 1600002]);
const NOT_FOUND_CODES = new Set([1603100, 1602000, 1602001, 1602002, 1602003]);
const DUPLICATE_ORDER = 1603003;

function statusOf(cj: string | undefined): OrderStatus {
  switch (cj) {
    case 'CREATED':
    case 'IN_CART':
      return 'received';
    case 'UNPAID':
    case 'UNSHIPPED':
      return 'accepted';
    case 'SHIPPED':
    case 'DELIVERED':
      return 'shipped';
    case 'CANCELLED':
      return 'cancelled';
    default:
      return 'received';
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A CJ price (a number or a string in USD) as a decimal string. */
function decimal(v: unknown): string | null {
  const s = str(v);
  return s !== null && /^\d+(\.\d+)?$/.test(s) ? s : null;
}

export class CjConnector implements SupplierConnector {
  /** CJ allows about a call a second: orders go one at a time */
  readonly maxInFlight = 1;
  private readonly now: () => number;
  /** one pass over the merchant's SKUs serves the catalogue, price and stock pages */
  private readonly seen = new Map<string, { item: CatalogItem; price: Price | null; stock: Availability | null }>();

  constructor(private readonly o: CjOptions) {
    this.now = o.now ?? Date.now;
  }

  get name(): string {
    return this.o.name;
  }

  // ---- catalogue: the merchant's SKUs, PAGE at a time (cursor = the index of the next one) ----

  async catalogPage(q: ListQuery): Promise<Outcome<Page<CatalogItem>>> {
    return this.skuPage(q, (r) => r.item);
  }

  async pricesPage(q: ListQuery): Promise<Outcome<Page<Price>>> {
    return this.skuPage(q, (r) => r.price);
  }

  async availabilityPage(q: ListQuery): Promise<Outcome<Page<Availability>>> {
    return this.skuPage(q, (r) => r.stock);
  }

  private async skuPage<T>(q: ListQuery, pick: (r: { item: CatalogItem; price: Price | null; stock: Availability | null }) => T | null): Promise<Outcome<Page<T>>> {
    const start = q.cursor ? Number(q.cursor) : 0;
    if (!Number.isInteger(start) || start < 0) return { kind: 'rejected', reason: `${this.name}: a cursor this connection did not give`, field: 'cursor' };
    const size = Math.min(q.limit ?? PAGE, PAGE);
    const skus = this.o.skus.slice(start, start + size);
    const items: T[] = [];
    for (const sku of skus) {
      const r = await this.variant(sku);
      if ('outcome' in r) return r.outcome;
      const v = pick(r);
      if (v !== null) items.push(v);
    }
    const next = start + size < this.o.skus.length ? String(start + size) : null;
    return { kind: 'done', value: { items, nextCursor: next } };
  }

  private async variant(sku: string): Promise<{ item: CatalogItem; price: Price | null; stock: Availability | null } | { outcome: Outcome<never> }> {
    const known = this.seen.get(sku);
    if (known) return known;
    const at = new Date(this.now()).toISOString();
    const v = await this.call('GET', `/product/variant/query?variantSku=${encodeURIComponent(sku)}`);
    let entry: { item: CatalogItem; price: Price | null; stock: Availability | null };
    if (!v.ok) {
      // a variant CJ no longer has (or took off the shelves) is discontinued, not an error
      if (v.outcome.kind === 'rejected' && v.outcome.field === 'notFound') {
        entry = { item: this.item(sku, sku, 'discontinued', at), price: null, stock: { sku, available: 0, restockDate: null, updatedAt: at } };
        this.seen.set(sku, entry);
        return entry;
      }
      return { outcome: v.outcome };
    }
    const list = Array.isArray(v.data) ? v.data.filter(isRecord) : isRecord(v.data) ? [v.data] : [];
    const match = list.find((x) => x.variantSku === sku) ?? list[0];
    if (!match) {
      entry = { item: this.item(sku, sku, 'discontinued', at), price: null, stock: { sku, available: 0, restockDate: null, updatedAt: at } };
    } else {
      const price = decimal(match.variantSellPrice);
      if (price === null) return { outcome: { kind: 'rejected', reason: `${this.name}: variantSellPrice of ${sku} is not a price`, field: 'variantSellPrice' } };
      const s = await this.call('GET', `/product/stock/queryBySku?sku=${encodeURIComponent(sku)}`);
      if (!s.ok) return { outcome: s.outcome };
      const areas = Array.isArray(s.data) ? s.data.filter(isRecord) : [];
      const available = areas.reduce((n, a) => n + (Number(a.totalInventoryNum ?? a.storageNum ?? 0) || 0), 0);
      entry = {
        item: this.item(sku, str(match.variantNameEn) ?? sku, 'active', at),
        price: { sku, currency: 'USD', unitPrice: price, breaks: [], updatedAt: at },
        stock: { sku, available: Math.max(0, Math.floor(available)), restockDate: null, updatedAt: at },
      };
    }
    this.seen.set(sku, entry);
    return entry;
  }

  private item(sku: string, name: string, status: CatalogItem['status'], at: string): CatalogItem {
    return { sku, name, barcode: null, hsCode: null, originCountry: null, moq: 1, orderMultiple: 1, leadTimeDays: null, status, updatedAt: at };
  }

  // ---- orders ----------------------------------------------------------------------------------

  async placeOrder(key: string, order: OrderRequest): Promise<Outcome<Order>> {
    const s = this.o.settings;
    const a = s.shipTo;
    if (!a || !s.logisticName || !s.fromCountryCode) {
      return { kind: 'rejected', reason: `${this.name}: the connection needs the address CJ ships to, a logistics service and the warehouse country`, field: !a ? 'settings.shipTo' : !s.logisticName ? 'settings.logisticName' : 'settings.fromCountryCode' };
    }
    const body = {
      orderNumber: order.reference,
      shippingCountryCode: a.countryCode,
      shippingCountry: a.country,
      shippingProvince: a.province,
      shippingCity: a.city,
      shippingAddress: a.address,
      shippingCustomerName: a.name,
      ...(a.zip ? { shippingZip: a.zip } : {}),
      ...(a.phone ? { shippingPhone: a.phone } : {}),
      logisticName: s.logisticName,
      fromCountryCode: s.fromCountryCode,
      // create the order only: the merchant reviews and pays it in CJ
      payType: 3,
      ...(order.note ? { remark: order.note.slice(0, 500) } : {}),
      products: order.lines.map((l) => ({ sku: l.sku, quantity: l.qty })),
    };
    const r = await this.call('POST', '/shopping/order/createOrderV2', body, true);
    if (!r.ok) return r.outcome;
    if (!isRecord(r.data) || !str(r.data.orderId)) return { kind: 'unknown', reason: `${this.name}: orderId missing from the answer` };
    return { kind: 'done', value: this.order(r.data, order, key) };
  }

  async findOrder(key: string, order?: OrderRequest): Promise<Outcome<Order | null>> {
    const number = order?.reference ?? key;
    const r = await this.call('GET', `/shopping/order/getOrderDetail?orderId=${encodeURIComponent(number)}`);
    if (!r.ok) return r.outcome.kind === 'rejected' && r.outcome.field === 'notFound' ? { kind: 'done', value: null } : r.outcome;
    return isRecord(r.data) ? { kind: 'done', value: this.order(r.data, order ?? null, key) } : { kind: 'done', value: null };
  }

  /** The account's orders, PAGE… at a time (cursor = the next page number); CJ offers no "changed since". */
  async ordersPage(q: ListQuery): Promise<Outcome<Page<Order>>> {
    const r = await this.list(q);
    return r.kind === 'done' ? { kind: 'done', value: { items: r.value.rows.map((x) => this.order(x, null, null)), nextCursor: r.value.next } } : r;
  }

  /** CJ's orders with a tracking number, each as the shipment of the whole order. */
  async shipmentsPage(q: ListQuery): Promise<Outcome<Page<Shipment>>> {
    const r = await this.list(q);
    if (r.kind !== 'done') return r;
    const items: Shipment[] = [];
    for (const x of r.value.rows) {
      const track = str(x.trackNumber);
      const orderNumber = str(x.orderNum) ?? str(x.orderNumber);
      const id = str(x.orderId);
      if (!track || !orderNumber || !id) continue;
      const detail = await this.call('GET', `/shopping/order/getOrderDetail?orderId=${encodeURIComponent(id)}`);
      if (!detail.ok) return detail.outcome;
      const lines = isRecord(detail.data) && Array.isArray(detail.data.productList) ? detail.data.productList.filter(isRecord) : [];
      const skus: { sku: string; qty: number }[] = [];
      for (const l of lines) {
        const sku = str(l.sku) ?? (await this.skuOfVid(str(l.vid)));
        if (typeof sku === 'object' && sku !== null) return sku.outcome;
        const qty = Number(l.quantity);
        if (sku && Number.isInteger(qty) && qty > 0) skus.push({ sku, qty });
      }
      const at = str(x.outWarehouseTime) ?? str(x.paymentDate) ?? str(x.createDate);
      const shipped = at && !Number.isNaN(Date.parse(at)) ? new Date(Date.parse(at)).toISOString() : new Date(this.now()).toISOString();
      items.push({ id: `CJ-${id}`, orderId: id, reference: orderNumber, carrier: str(x.logisticName) ?? 'CJ', trackingNumbers: [track], lines: skus, shippedAt: shipped, updatedAt: new Date(this.now()).toISOString() });
    }
    return { kind: 'done', value: { items, nextCursor: r.value.next } };
  }

  async trackingEvents(shipmentId: string): Promise<Outcome<TrackingEvent[]>> {
    const id = shipmentId.replace(/^CJ-/, '');
    const detail = await this.call('GET', `/shopping/order/getOrderDetail?orderId=${encodeURIComponent(id)}`);
    if (!detail.ok) return detail.outcome;
    const track = isRecord(detail.data) ? str(detail.data.trackNumber) : null;
    if (!track) return { kind: 'done', value: [] };
    const r = await this.call('GET', `/logistic/trackInfo?trackNumber=${encodeURIComponent(track)}`);
    if (!r.ok) return r.outcome;
    const info = (Array.isArray(r.data) ? r.data.filter(isRecord) : []).find((t) => t.trackingNumber === track);
    if (!info) return { kind: 'done', value: [] };
    const words = (str(info.trackingStatus) ?? '').toLowerCase();
    const status: TrackingEvent['status'] = /deliver|signed/.test(words) ? 'delivered' : /custom/.test(words) ? 'customs' : /exception|fail|return/.test(words) ? 'exception' : /transit|outbound|depart/.test(words) ? 'in_transit' : 'info_received';
    const when = str(info.deliveryTime);
    const at = when && !Number.isNaN(Date.parse(when.replace(' ', 'T') + 'Z')) ? new Date(Date.parse(when.replace(' ', 'T') + 'Z')).toISOString() : new Date(this.now()).toISOString();
    return { kind: 'done', value: [{ at, status, place: str(info.trackingTo), text: str(info.trackingStatus) }] };
  }

  private async skuOfVid(vid: string | null): Promise<string | null | { outcome: Outcome<never> }> {
    if (!vid) return null;
    const r = await this.call('GET', `/product/variant/queryByVid?vid=${encodeURIComponent(vid)}`);
    if (!r.ok) return r.outcome.kind === 'rejected' && r.outcome.field === 'notFound' ? null : { outcome: r.outcome };
    return isRecord(r.data) ? str(r.data.variantSku) : null;
  }

  private async list(q: ListQuery): Promise<Outcome<{ rows: Record<string, unknown>[]; next: string | null }>> {
    const page = q.cursor ? Number(q.cursor) : 1;
    if (!Number.isInteger(page) || page < 1) return { kind: 'rejected', reason: `${this.name}: a cursor this connection did not give`, field: 'cursor' };
    const size = 50;
    const r = await this.call('GET', `/shopping/order/list?pageNum=${page}&pageSize=${size}`);
    if (!r.ok) return r.outcome;
    if (!isRecord(r.data) || !Array.isArray(r.data.list)) return { kind: 'rejected', reason: `${this.name}: data.list missing from the order list`, field: 'data.list' };
    const total = Number(r.data.total);
    const rows = r.data.list.filter(isRecord);
    const more = Number.isFinite(total) ? page * size < total : rows.length === size;
    return { kind: 'done', value: { rows, next: more ? String(page + 1) : null } };
  }

  /** A CJ order (created, detail or list) in the protocol's shape. */
  private order(x: Record<string, unknown>, sent: OrderRequest | null, key: string | null): Order {
    const number = str(x.orderNumber) ?? str(x.orderNum) ?? sent?.reference ?? '';
    const status = statusOf(str(x.orderStatus) ?? undefined);
    const at = new Date(this.now()).toISOString();
    const created = str(x.createDate);
    return {
      id: str(x.orderId) ?? number,
      // our key when we know it; otherwise the order is matched by its number (our PO number)
      idempotencyKey: key ?? number,
      reference: number,
      currency: 'USD',
      status,
      lines: (sent?.lines ?? []).map((l) => ({ sku: l.sku, qty: l.qty, acceptedQty: status === 'accepted' || status === 'shipped' ? l.qty : null, unitPrice: l.unitPrice, reason: null })),
      reasons: [],
      createdAt: created && !Number.isNaN(Date.parse(created)) ? new Date(Date.parse(created)).toISOString() : at,
      updatedAt: at,
    };
  }

  // ---- transport ----------------------------------------------------------------------------------

  /** The access token: the one held, or one sign-in (or refresh) shared by every caller waiting for it. */
  private async token(force: boolean): Promise<Reply> {
    const session = this.o.session;
    if (session.signingIn) return session.signingIn;
    const t = session.tokens;
    if (t && !force && t.accessExpires > this.now() + 60_000) return { ok: true, data: t.accessToken };
    session.signingIn = this.signIn(t).finally(() => (session.signingIn = null));
    return session.signingIn;
  }

  private async signIn(t: CjTokens | null): Promise<Reply> {
    if (t) {
      const r = await this.raw('POST', '/authentication/refreshAccessToken', { refreshToken: t.refreshToken }, null, false);
      if (r.ok) return this.keep(r.data);
      this.o.session.tokens = null;
    }
    const r = await this.raw('POST', '/authentication/getAccessToken', { apiKey: this.o.apiKey }, null, false);
    if (!r.ok) return r.outcome.kind === 'rejected' ? { ok: false, outcome: { kind: 'rejected', reason: `${this.name}: the API key was refused (${r.outcome.reason.replace(`${this.name}: `, '')})`, field: 'apiKey' } } : r;
    return this.keep(r.data);
  }

  private keep(data: unknown): Reply {
    if (!isRecord(data) || !str(data.accessToken) || !str(data.refreshToken)) return { ok: false, outcome: { kind: 'rejected', reason: `${this.name}: accessToken missing from the answer`, field: 'data.accessToken' } };
    const expires = Date.parse(str(data.accessTokenExpiryDate) ?? '');
    this.o.session.tokens = { accessToken: str(data.accessToken)!, refreshToken: str(data.refreshToken)!, accessExpires: Number.isNaN(expires) ? this.now() + 14 * 86_400_000 : expires };
    return { ok: true, data: str(data.accessToken) };
  }

  /** An authenticated call; a token CJ no longer takes is renewed once. */
  private async call(method: 'GET' | 'POST', path: string, body?: unknown, sending = false): Promise<Reply> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const tok = await this.token(attempt > 0);
      if (!tok.ok) return tok;
      const r = await this.raw(method, path, body, tok.data as string, sending);
      if (!r.ok && r.outcome.kind === 'rejected' && r.outcome.field === 'token' && attempt === 0) continue;
      return r;
    }
    return { ok: false, outcome: { kind: 'rejected', reason: `${this.name}: the access token was refused`, field: 'apiKey' } };
  }

  /** One HTTP exchange, spaced from the last, read as CJ's envelope. */
  private async raw(method: 'GET' | 'POST', path: string, body: unknown, token: string | null, sending: boolean): Promise<Reply> {
    const who = this.name;
    const lost = (reason: string): Reply => ({ ok: false, outcome: sending ? { kind: 'unknown', reason: `${who}: ${reason}` } : { kind: 'retry', reason: `${who}: ${reason}`, afterMs: null } });
    // the slot is taken before waiting, so callers waiting together go one after another
    const session = this.o.session;
    const at = Math.max(this.now(), session.lastCall + (this.o.spacingMs ?? 1100));
    session.lastCall = at;
    if (at > this.now()) await new Promise((r) => setTimeout(r, at - this.now()));
    let res: Response;
    let text: string;
    try {
      const timeout = AbortSignal.timeout(this.o.timeoutMs ?? 30_000);
      res = await this.o.fetch(this.o.baseUrl.replace(/\/$/, '') + path, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { 'CJ-Access-Token': token } : {}) },
        ...(body !== undefined && method === 'POST' ? { body: JSON.stringify(body) } : {}),
        signal: this.o.signal ? AbortSignal.any([timeout, this.o.signal]) : timeout,
      });
      text = await res.text();
    } catch (e) {
      return lost((e as Error).name === 'TimeoutError' ? 'no answer in time' : 'the connection failed');
    }
    if (res.status === 429) return { ok: false, outcome: { kind: 'retry', reason: `${who}: too many requests`, afterMs: 1000 } };
    if (res.status >= 500) return sending ? lost(`server error ${res.status}`) : { ok: false, outcome: { kind: 'retry', reason: `${who}: server error ${res.status}`, afterMs: null } };
    let env: Envelope;
    try {
      env = JSON.parse(text) as Envelope;
    } catch {
      return res.ok ? lost('the answer was not JSON') : { ok: false, outcome: { kind: 'rejected', reason: `${who}: refused (HTTP ${res.status})`, field: null } };
    }
    if (!isRecord(env) || typeof env.code !== 'number') return res.ok ? lost('the answer has no code') : { ok: false, outcome: { kind: 'rejected', reason: `${who}: refused (HTTP ${res.status})`, field: null } };
    if (env.code === 200) return res.ok ? { ok: true, data: env.data } : { ok: false, outcome: { kind: 'rejected', reason: `${who}: refused (HTTP ${res.status})`, field: null } };
    const message = `${who}: ${env.message ?? 'error'} (CJ code ${env.code})`;
    if (RETRY_CODES.has(env.code)) {
      // "system busy" may come after the order was made: look it up before sending it again
      if (sending && env.code === 1600000) return { ok: false, outcome: { kind: 'unknown', reason: message } };
      return { ok: false, outcome: { kind: 'retry', reason: message, afterMs: env.code === 1600201 ? 3_600_000 : 1000 } };
    }
    if (TOKEN_CODES.has(env.code)) return { ok: false, outcome: { kind: 'rejected', reason: message, field: 'token' } };
    if (env.code === DUPLICATE_ORDER) return { ok: false, outcome: { kind: 'unknown', reason: message } };
    // getOrderDetail answers an unknown order with its parameter-error code and "order not found"
    if (NOT_FOUND_CODES.has(env.code) || (env.code === 1600300 && /not found/i.test(env.message ?? ''))) return { ok: false, outcome: { kind: 'rejected', reason: message, field: 'notFound' } };
    return { ok: false, outcome: { kind: 'rejected', reason: message, field: null } };
  }
}
