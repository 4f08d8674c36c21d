// Result types of customers, sales orders and live sessions. Amounts are integer minor units of
// the currency named beside them (an order's own currency; base currency for revenue, cost and
// margin); dates and times are ISO strings.
import type { Status } from './types';

export type SalesChannel = 'manual' | 'live' | 'import';
export type SalesStatus = 'draft' | 'confirmed' | 'partly_shipped' | 'shipped' | 'completed' | 'cancelled';
export type PaymentStatus = 'unpaid' | 'partly_paid' | 'paid';
export type LiveStatus = 'planned' | 'live' | 'closed' | 'cancelled';
export type ClaimStatus = 'claimed' | 'waiting' | 'undone' | 'lapsed' | 'ordered';

export interface Customer {
  id: string;
  name: string;
  /** the name they use on a live stream or in a chat */
  handle: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  address: string | null;
  notes: string | null;
  status: Status;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerRow extends Customer {
  orders: number;
  lastOrderDate: string | null;
}

export interface CustomerDetail {
  customer: Customer;
  /** newest first, at most 100 */
  orders: SalesOrder[];
  /** shipped, in the base currency */
  revenue: number;
  margin: number;
}

export interface SalesOrder {
  id: string;
  number: string;
  customerId: string | null;
  customerName: string | null;
  customerHandle: string | null;
  channel: SalesChannel;
  /** an import's format ('shopify', 'generic') */
  source: string | null;
  /** the platform's own order name, e.g. "#1001" */
  externalRef: string | null;
  liveSessionId: string | null;
  locationId: string;
  locationCode: string;
  currency: string;
  /** base per unit of the order's currency on `fxDay`; null = no rate known yet */
  fxRate: string | null;
  fxDay: string | null;
  orderDate: string;
  status: SalesStatus;
  paymentStatus: PaymentStatus;
  /** lines after their discounts */
  subtotal: number;
  discount: number;
  shipping: number;
  total: number;
  paid: number;
  units: number;
  /** when an unpaid reservation is released; null = held until cancelled */
  expiresAt: string | null;
  shipName: string | null;
  shipAddress: string | null;
  shipCountry: string | null;
  notes: string | null;
  cancelReason: string | null;
  confirmedAt: string | null;
  shippedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SalesOrderLine {
  id: string;
  position: number;
  productId: string;
  sku: string;
  name: string;
  localName: string | null;
  barcode: string | null;
  qty: number;
  unitPrice: number;
  discount: number;
  /** qty × price − discount − its share of the order's discount */
  net: number;
  qtyShipped: number;
  /** units still held for this line */
  reserved: number;
  /** base currency: what the shipped units earned and cost (moving average at shipping) */
  revenue: number;
  cogs: number;
  /** revenue − cost of the shipped units; for units not shipped yet, an estimate at today's average cost */
  margin: number | null;
  marginEstimated: boolean;
}

export interface Fulfilment {
  id: string;
  shippedAt: string;
  shipmentId: string | null;
  shipmentNumber: string | null;
  lines: { orderLineId: string; sku: string; qty: number; revenue: number; cogs: number }[];
}

export interface SalesOrderDetail {
  order: SalesOrder;
  baseCurrency: string;
  lines: SalesOrderLine[];
  fulfilments: Fulfilment[];
  /** base currency, the lines together; estimated while units are still to ship */
  margin: { revenue: number; cogs: number; margin: number; marginPct: string | null; estimated: boolean } | null;
  can: { edit: boolean; confirm: boolean; ship: boolean; pay: boolean; cancel: boolean; complete: boolean };
}

/** What to take from the shelves for a set of orders, by location and product, then per order. */
export interface PickList {
  picks: { locationCode: string; productId: string; sku: string; name: string; barcode: string | null; qty: number; orders: string[] }[];
  orders: { id: string; number: string; customer: string | null; shipTo: string | null; lines: { sku: string; name: string; qty: number }[] }[];
}

export interface SalesSummary {
  from: string;
  to: string;
  baseCurrency: string;
  totals: { revenue: number; cogs: number; margin: number; units: number; orders: number };
  /** one point per bucket (day, week starting Monday, or month), base currency */
  series: { bucket: string; revenue: number; cogs: number; margin: number; units: number }[];
  byChannel: { channel: SalesChannel; revenue: number; margin: number; units: number }[];
  bestSellers: { productId: string; sku: string; name: string; units: number; revenue: number; margin: number }[];
}

export interface SalesImportRow {
  /** the platform's order name */
  ref: string;
  /** first line of the file (1-based) this order came from */
  line: number;
  customer: string | null;
  lines: number;
  units: number;
  currency: string;
  total: number;
  outcome: 'created' | 'exists' | 'skipped' | 'error';
  /** the order made (or found), when there is one */
  orderNumber: string | null;
  message: string | null;
}

export interface SalesImportReport {
  format: 'shopify' | 'generic';
  dryRun: boolean;
  orders: SalesImportRow[];
  /** rows that could not be read, with the column at fault */
  errors: { line: number; field: string; message: string }[];
  created: number;
  exists: number;
  skipped: number;
}

export interface LiveSession {
  id: string;
  number: string;
  title: string;
  platform: string | null;
  locationId: string;
  locationCode: string;
  currency: string;
  status: LiveStatus;
  scheduledAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  perCustomerLimit: number | null;
  holdHours: number;
  /** its sales were a promotion: planning keeps them out of the normal rate */
  promotional: boolean;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LiveSessionRow extends LiveSession {
  items: number;
  claimed: number;
}

export interface LiveItem {
  productId: string;
  sku: string;
  name: string;
  localName: string | null;
  barcode: string | null;
  /** the short code typed in the console */
  code: string | null;
  position: number;
  /** in the session's currency */
  price: number;
  cap: number;
  perCustomerLimit: number | null;
  claimed: number;
  /** cap − claimed */
  left: number;
  waiting: number;
  /** on hand − reserved at the session's location, outside this session's hold */
  available: number;
  /** base currency per unit × 10^4 (moving average, landed costs included) */
  avgCostE4: number;
  /** margin at the live price and today's cost, e.g. "42.5"; null without a cost or a rate */
  marginPct: string | null;
}

export interface LiveClaim {
  id: string;
  seq: number;
  productId: string;
  sku: string;
  customerId: string;
  handle: string;
  qty: number;
  status: ClaimStatus;
  at: string;
  promotedAt: string | null;
  orderId: string | null;
}

export interface LiveSessionDetail {
  session: LiveSession;
  items: LiveItem[];
  /** newest first, at most 50 */
  recent: LiveClaim[];
  /** the waitlist, first come first */
  waiting: LiveClaim[];
  orders: SalesOrder[];
}

export interface LiveClaimResult {
  claim: LiveClaim;
  item: LiveItem;
  /** 1-based place on the waitlist when the claim is waiting */
  waitPosition: number | null;
  /** claims taken off the waitlist by this call (undo) */
  promoted: LiveClaim[];
}

export interface LiveSuggestion {
  productId: string;
  sku: string;
  name: string;
  available: number;
  /** units sold per day over the last 90 days */
  perDay: string;
  /** days the available stock lasts at that rate; null when nothing sold */
  daysOfCover: number | null;
  /** base currency minor units */
  avgCost: number;
  price: number | null;
  marginPct: string | null;
  reason: 'overstock' | 'fast_seller';
  why: string;
  suggestedCap: number;
}

export interface LiveReport {
  session: LiveSession;
  baseCurrency: string;
  /** claims per minute from the first claim to the last */
  perMinute: { minute: string; claims: number; units: number }[];
  items: { productId: string; sku: string; name: string; cap: number; claimed: number; waiting: number; sellThroughPct: string | null; revenue: number; cogs: number; margin: number }[];
  totals: { claims: number; units: number; buyers: number; revenue: number; cogs: number; margin: number; marginPct: string | null };
  orders: SalesOrder[];
  /** orders confirmed and not shipped yet */
  toPack: SalesOrder[];
}
