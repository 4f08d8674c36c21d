// The open supplier protocol (docs/supplier-protocol.md, docs/supplier-protocol.openapi.yaml): the
// JSON a supplier's server sends and receives. Amounts are decimal strings in the named currency;
// times are ISO 8601 in UTC; quantities are whole units.

/** One page of a list; `nextCursor` null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CatalogItem {
  sku: string;
  name: string;
  barcode: string | null;
  hsCode: string | null;
  originCountry: string | null;
  moq: number;
  orderMultiple: number;
  leadTimeDays: number | null;
  status: 'active' | 'discontinued';
  updatedAt: string;
}

export interface PriceBreakJson {
  minQty: number;
  unitPrice: string;
}

export interface Price {
  sku: string;
  currency: string;
  unitPrice: string;
  breaks: PriceBreakJson[];
  updatedAt: string;
}

export interface Availability {
  sku: string;
  available: number;
  restockDate: string | null;
  updatedAt: string;
}

export interface OrderLineRequest {
  sku: string;
  qty: number;
  /** what the buyer expects to pay; the supplier may answer with its own */
  unitPrice: string | null;
}

/** Sent with an `Idempotency-Key` header: the same key always means the same order. */
export interface OrderRequest {
  /** the buyer's own number for the order (its purchase-order number) */
  reference: string;
  currency: string;
  lines: OrderLineRequest[];
  note: string | null;
}

export type OrderStatus = 'received' | 'accepted' | 'partially_accepted' | 'rejected' | 'shipped' | 'cancelled';

export interface OrderLine {
  sku: string;
  qty: number;
  /** null until the supplier has acknowledged the order */
  acceptedQty: number | null;
  unitPrice: string | null;
  reason: string | null;
}

export interface Order {
  id: string;
  idempotencyKey: string;
  reference: string;
  currency: string;
  status: OrderStatus;
  lines: OrderLine[];
  /** why, when rejected (or partly) */
  reasons: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Shipment {
  id: string;
  orderId: string;
  reference: string;
  carrier: string;
  trackingNumbers: string[];
  lines: { sku: string; qty: number }[];
  shippedAt: string;
  updatedAt: string;
}

export interface TrackingEvent {
  at: string;
  status: 'info_received' | 'in_transit' | 'customs' | 'out_for_delivery' | 'delivered' | 'exception';
  place: string | null;
  text: string | null;
}

export type ErrorCode = 'unauthorized' | 'not_found' | 'invalid_request' | 'idempotency_conflict' | 'rate_limited' | 'server_error';

/** Every error: the HTTP status says the class, `code` the case, `field` the JSON path when one is at fault. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}
