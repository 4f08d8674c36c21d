// A connector for a supplier that speaks the open protocol (docs/supplier-protocol.md), mapping HTTP
// onto the four outcomes of ../connector.ts: a network error, a timeout, 429 (after Retry-After),
// 5xx or a body that is not JSON is retry; 400, 401, 404, 409 or an answer that does not fit the
// protocol is rejected; an order with no usable answer is unknown. HTTP goes only through the
// injected fetch.
import type { z } from 'zod';
import type { Availability, CatalogItem, Order, OrderRequest, Page, Price, Shipment, TrackingEvent } from '../protocol/types';
import type { ListQuery, Outcome, SupplierConnector } from '../connector';
import * as S from '../protocol/schemas';

export type { ListQuery, Outcome } from '../connector';

export interface OpenProtocolOptions {
  /** the supplier's name, for messages */
  name: string;
  baseUrl: string;
  apiKey: string;
  fetch: typeof fetch;
  /** how long one request may take (default 30 s) */
  timeoutMs?: number;
  /** aborts whatever request is under way (a cancelled sync) */
  signal?: AbortSignal;
}

/** Seconds or an HTTP date, as Retry-After may say; null when it says nothing usable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The first problem with a reply, as "items[3].unitPrice: must be a decimal string". */
function firstIssue(e: z.ZodError): { field: string; message: string } {
  const i = e.issues[0]!;
  const field = i.path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
  return { field: field || '$', message: i.message };
}

export class OpenProtocolConnector implements SupplierConnector {
  constructor(private readonly o: OpenProtocolOptions) {}

  get name(): string {
    return this.o.name;
  }

  catalogPage(q: ListQuery): Promise<Outcome<Page<CatalogItem>>> {
    return this.list('catalog', q, S.page(S.catalogItem));
  }

  pricesPage(q: ListQuery): Promise<Outcome<Page<Price>>> {
    return this.list('prices', q, S.page(S.price));
  }

  availabilityPage(q: ListQuery): Promise<Outcome<Page<Availability>>> {
    return this.list('availability', q, S.page(S.availability));
  }

  ordersPage(q: ListQuery): Promise<Outcome<Page<Order>>> {
    return this.list('orders', q, S.page(S.order));
  }

  shipmentsPage(q: ListQuery): Promise<Outcome<Page<Shipment>>> {
    return this.list('shipments', q, S.page(S.shipment));
  }

  async trackingEvents(shipmentId: string): Promise<Outcome<TrackingEvent[]>> {
    const r = await this.request('GET', `/v1/shipments/${encodeURIComponent(shipmentId)}/events`, S.page(S.trackingEvent));
    return r.kind === 'done' ? { kind: 'done', value: r.value.items } : r;
  }

  /** The order sent with this key, or null when the supplier never received it. */
  async findOrder(key: string): Promise<Outcome<Order | null>> {
    const r = await this.request('GET', `/v1/orders?idempotency_key=${encodeURIComponent(key)}`, S.page(S.order));
    return r.kind === 'done' ? { kind: 'done', value: r.value.items[0] ?? null } : r;
  }

  /** Sends an order under our key; the supplier takes it at most once whatever happens here. */
  placeOrder(key: string, order: OrderRequest): Promise<Outcome<Order>> {
    return this.request('POST', '/v1/orders', S.order, { key, body: order });
  }

  private list<T>(what: string, q: ListQuery, schema: z.ZodType<Page<T>>): Promise<Outcome<Page<T>>> {
    const params = new URLSearchParams();
    if (q.cursor) params.set('cursor', q.cursor);
    if (q.updatedSince) params.set('updated_since', q.updatedSince);
    if (q.limit) params.set('limit', String(q.limit));
    const query = params.toString();
    return this.request('GET', `/v1/${what}${query ? `?${query}` : ''}`, schema);
  }

  private async request<T>(method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, send?: { key: string; body: unknown }): Promise<Outcome<T>> {
    const who = this.o.name;
    // an order that may have reached the supplier is 'unknown', never 'retry': it is looked up first
    const lost = (reason: string): Outcome<T> => (send ? { kind: 'unknown', reason: `${who}: ${reason}` } : { kind: 'retry', reason: `${who}: ${reason}`, afterMs: null });
    let res: Response;
    let text: string;
    try {
      res = await this.o.fetch(this.o.baseUrl.replace(/\/$/, '') + path, {
        method,
        headers: { 'x-api-key': this.o.apiKey, accept: 'application/json', ...(send ? { 'content-type': 'application/json', 'idempotency-key': send.key } : {}) },
        ...(send ? { body: JSON.stringify(send.body) } : {}),
        signal: this.o.signal ? AbortSignal.any([AbortSignal.timeout(this.o.timeoutMs ?? 30_000), this.o.signal]) : AbortSignal.timeout(this.o.timeoutMs ?? 30_000),
      });
      text = await res.text();
    } catch (e) {
      const name = (e as Error).name;
      return lost(name === 'TimeoutError' ? 'no answer in time' : 'the connection failed');
    }
    if (res.status === 429) return { kind: 'retry', reason: `${who}: too many requests`, afterMs: retryAfterMs(res.headers.get('retry-after')) };
    if (res.status >= 500) return send ? lost(`server error ${res.status}`) : { kind: 'retry', reason: `${who}: server error ${res.status}`, afterMs: retryAfterMs(res.headers.get('retry-after')) };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return res.ok ? lost('the answer was not JSON') : { kind: 'rejected', reason: `${who}: refused (HTTP ${res.status})`, field: null };
    }
    if (!res.ok) {
      const err = S.errorBody.safeParse(json);
      return err.success
        ? { kind: 'rejected', reason: `${who}: ${err.data.error.field ? `${err.data.error.field}: ` : ''}${err.data.error.message}`, field: err.data.error.field ?? null }
        : { kind: 'rejected', reason: `${who}: refused (HTTP ${res.status})`, field: null };
    }
    const checked = schema.safeParse(json);
    if (!checked.success) {
      const { field, message } = firstIssue(checked.error);
      // an order answered with something that does not fit: it was probably taken; look it up
      return send ? lost(`${field}: ${message}`) : { kind: 'rejected', reason: `${who}: ${field}: ${message}`, field };
    }
    return { kind: 'done', value: checked.data };
  }
}
