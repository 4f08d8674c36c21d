// One interface for every kind of supplier connection (the open protocol, a price-list feed, a
// platform adapter). Every call ends in one of four outcomes (DESIGN.md §6), so the sync engine
// never reads an HTTP status or a platform's error code:
//   done      the answer, checked against the protocol's schemas
//   retry     nothing happened that matters (network error, timeout, 429, 5xx): try again later
//   rejected  the supplier refused it or answered something that does not fit: show it to the user,
//             with the supplier's name and the field
//   unknown   an order was sent and no usable answer came back: look it up by its key first
// A connector offers what its supplier can do; the rest is left out.
import type { Availability, CatalogItem, Order, OrderRequest, Page, Price, Shipment, TrackingEvent } from './protocol/types';

export type Outcome<T> =
  | { kind: 'done'; value: T }
  | { kind: 'retry'; reason: string; afterMs: number | null }
  | { kind: 'rejected'; reason: string; field: string | null }
  | { kind: 'unknown'; reason: string };

export interface ListQuery {
  cursor: string | null;
  updatedSince: string | null;
  limit?: number;
}

export interface SupplierConnector {
  readonly name: string;
  /** how many orders the supplier takes at once (the sync sends up to this many together) */
  readonly maxInFlight?: number;
  catalogPage(q: ListQuery): Promise<Outcome<Page<CatalogItem>>>;
  pricesPage?(q: ListQuery): Promise<Outcome<Page<Price>>>;
  availabilityPage?(q: ListQuery): Promise<Outcome<Page<Availability>>>;
  /** sends an order under our key; the supplier takes it at most once whatever happens */
  placeOrder?(key: string, order: OrderRequest): Promise<Outcome<Order>>;
  /** the order sent with this key (and this request), or null when the supplier never received it */
  findOrder?(key: string, order: OrderRequest): Promise<Outcome<Order | null>>;
  ordersPage?(q: ListQuery): Promise<Outcome<Page<Order>>>;
  shipmentsPage?(q: ListQuery): Promise<Outcome<Page<Shipment>>>;
  trackingEvents?(shipmentId: string): Promise<Outcome<TrackingEvent[]>>;
  /** what the last calls left out and the merchant should know (rows of a price list skipped, ...) */
  drainNotes?(): string[];
}
