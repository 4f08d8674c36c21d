// The contract of customers, sales orders and live sessions (spread into the one table in
// ./index.ts). Amounts are typed as decimal strings in the document's currency.
import { z } from './zod';
import { imports, read, write } from './contract';
import * as f from './fields';
import type * as T from './types';
import type * as S from './sales-types';

const day = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const byId = z.object({ id: f.id });
const email = z
  .string()
  .trim()
  .max(200)
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), 'is not an email address');
/** a handle as typed in a live chat: "@mia_k" and "mia_k" are the same buyer */
export const handle = z
  .string()
  .trim()
  .transform((v) => v.replace(/^@+/, ''))
  .pipe(z.string().min(1, 'is required').max(60, 'at most 60 characters').regex(/^\S+$/, 'must not contain spaces'));

// No defaults here: update schemas are partial and a default would overwrite the stored value.
const customerFields = {
  name: f.requiredText(200),
  handle: handle.nullish().transform((v) => v ?? null),
  email,
  phone: f.optionalText(60),
  country: f.countryCode.nullish().transform((v) => v ?? null),
  address: f.optionalText(500),
  notes: f.optionalText(2000),
  status: z.enum(['active', 'archived'], { message: 'must be active or archived' }),
};

/** The fields of the generic import format (docs/sales.md), which a mapping may point at any column. */
export const IMPORT_FIELDS = ['order', 'date', 'customer', 'email', 'handle', 'country', 'address', 'currency', 'sku', 'qty', 'unit_price', 'discount', 'shipping', 'paid', 'notes'] as const;

export const salesStatuses = ['draft', 'confirmed', 'partly_shipped', 'shipped', 'completed', 'cancelled'] as const;
const orderLine = z.object({
  productId: f.id,
  qty: f.positiveQty,
  /** in the order's currency; omitted = the product's price (when the order is in the base currency) */
  unitPrice: f.decimal.optional(),
  /** off the whole line, in the order's currency */
  discount: f.decimal.optional(),
});
const orderFields = {
  customerId: f.id.nullish().transform((v) => v ?? null),
  /** where it ships from and where its units are reserved */
  locationId: f.id,
  currency: f.currencyCode,
  orderDate: day,
  lines: z.array(orderLine).max(500, 'at most 500 lines'),
  /** off the whole order, split over its lines by their value */
  discount: f.decimal,
  /** shipping charged to the customer */
  shipping: f.decimal,
  shipName: f.optionalText(200),
  shipAddress: f.optionalText(500),
  shipCountry: f.countryCode.nullish().transform((v) => v ?? null),
  notes: f.optionalText(2000),
  /** an unpaid order's reservation is released then; null = held until cancelled */
  expiresAt: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).nullable(),
};

const liveItem = z.object({
  productId: f.id,
  /** the live price in the session's currency */
  price: f.decimal,
  cap: f.nonNegativeInt,
  perCustomerLimit: f.positiveQty.nullish().transform((v) => v ?? null),
  code: f
    .text(10)
    .regex(/^[A-Za-z0-9-]*$/, 'letters, digits and - only')
    .nullish()
    .transform((v) => (v ? v.toUpperCase() : null)),
});
const liveFields = {
  title: f.requiredText(200),
  platform: f.optionalText(60),
  locationId: f.id,
  currency: f.currencyCode,
  scheduledAt: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).nullish().transform((v) => v ?? null),
  perCustomerLimit: f.positiveQty.nullish().transform((v) => v ?? null),
  holdHours: f.nonNegativeInt.refine((n) => n <= 24 * 30, 'at most 30 days'),
  notes: f.optionalText(2000),
  items: z.array(liveItem).max(300, 'at most 300 products'),
};

export const salesApi = {
  'customers.list': read<T.Page<S.CustomerRow>>()(z.object({ q: f.text(100).optional(), status: z.enum(['active', 'archived']).optional(), ...f.page })),
  'customers.get': read<S.CustomerDetail>()(byId),
  'customers.create': write<S.Customer>()(z.object({ ...customerFields, status: customerFields.status.default('active') })),
  'customers.update': write<S.Customer>()(z.object({ id: f.id, ...customerFields }).partial().required({ id: true })),

  /** newest first */
  'sales.list': read<T.Page<S.SalesOrder>>()(
    z.object({
      status: z.enum(salesStatuses, { message: `must be one of ${salesStatuses.join(', ')}` }).optional(),
      /** confirmed or partly shipped: what is left to pick, pack and ship */
      toShip: z.boolean().optional(),
      channel: z.enum(['manual', 'live', 'import']).optional(),
      payment: z.enum(['unpaid', 'partly_paid', 'paid']).optional(),
      customerId: f.id.optional(),
      sessionId: f.id.optional(),
      /** an order number, the platform's order name, or a customer's name, handle or email */
      q: f.text(100).optional(),
      ...f.page,
    }),
  ),
  'sales.get': read<S.SalesOrderDetail>()(byId),
  /** a draft, or confirmed at once with `confirm` (its units reserved) */
  'sales.create': write<S.SalesOrderDetail>()(
    z.object({
      ...orderFields,
      currency: orderFields.currency.optional(),
      orderDate: day.optional(),
      discount: f.decimal.default('0'),
      shipping: f.decimal.default('0'),
      expiresAt: orderFields.expiresAt.default(null),
      lines: orderFields.lines.min(1, 'add at least one line'),
      confirm: z.boolean().default(false),
    }),
  ),
  /** a draft or confirmed order; a confirmed one's reservations follow its lines */
  'sales.update': write<S.SalesOrderDetail>()(z.object({ id: f.id, ...orderFields }).partial().required({ id: true })),
  'sales.confirm': write<S.SalesOrderDetail>()(byId),
  /** a draft or confirmed order; its reservations are released */
  'sales.cancel': write<S.SalesOrderDetail>()(z.object({ id: f.id, reason: f.optionalText(200) })),
  /** a payment received, in the order's currency */
  'sales.pay': write<S.SalesOrderDetail>()(z.object({ id: f.id, amount: f.decimal })),
  /**
   * Ships lines (omitted: everything left) from the order's location: through a new outbound
   * shipment, or handed over with `parcel: null`. Cost of goods is the moving average then.
   */
  'sales.ship': write<S.SalesOrderDetail>()(
    z.object({
      id: f.id,
      lines: z.array(z.object({ lineId: f.id, qty: f.positiveQty })).max(500).optional(),
      at: f.occurredAt.optional(),
      parcel: z
        .object({
          carrier: f.optionalText(60),
          service: f.optionalText(60),
          trackingNumbers: z.array(f.requiredText(40)).max(20).default([]),
        })
        .nullable()
        .default({ carrier: null, service: null, trackingNumbers: [] }),
    }),
  ),
  /** closes a shipped or partly shipped order; units not shipped are released */
  'sales.complete': write<S.SalesOrderDetail>()(z.object({ id: f.id, note: f.optionalText(200) })),
  'sales.picklist': read<S.PickList>()(z.object({ ids: z.array(f.id).min(1, 'choose at least one order').max(500) })),
  'sales.summary': read<S.SalesSummary>()(
    z
      .object({ from: day, to: day, bucket: z.enum(['day', 'week', 'month']).default('day') })
      .refine((v) => v.from <= v.to, { message: 'must not be after to', path: ['from'] })
      .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 3 * 366 * 86_400_000, { message: 'at most 3 years at a time', path: ['from'] }),
  ),
  /** releases the reservations of unpaid orders past their expiry (also done every minute by the app) */
  'sales.releaseExpired': write<{ released: string[] }>()(z.object({}).default({})),
  /** orders from a CSV: Shopify's orders export or the generic format (docs/sales.md) */
  'sales.import': imports<S.SalesImportReport>()(
    z.object({
      text: z.string().min(1, 'is empty'),
      format: z.enum(['auto', 'shopify', 'generic']).default('auto'),
      /** where the imported orders ship from */
      locationId: f.id,
      dryRun: z.boolean().default(false),
      /**
       * Any other file: which of its columns holds each field of the generic format (e.g.
       * { order: 'Order No', sku: 'Item code', qty: 'Quantity', unit_price: 'Price' }).
       */
      mapping: z.partialRecord(z.enum(IMPORT_FIELDS, { message: `must be one of ${IMPORT_FIELDS.join(', ')}` }), f.requiredText(100)).optional(),
    }),
  ),

  'live.list': read<T.Page<S.LiveSessionRow>>()(z.object({ status: z.enum(['planned', 'live', 'closed', 'cancelled']).optional(), ...f.page })),
  'live.get': read<S.LiveSessionDetail>()(byId),
  'live.create': write<S.LiveSessionDetail>()(
    z.object({
      ...liveFields,
      currency: liveFields.currency.optional(),
      holdHours: liveFields.holdHours.default(24),
      items: liveFields.items.default([]),
    }),
  ),
  /** a planned or live session; on air, items can be added and caps changed (the hold follows) */
  'live.update': write<S.LiveSessionDetail>()(z.object({ id: f.id, ...liveFields }).partial().required({ id: true })),
  /** its sales were a promotion (or not): planning keeps them out of the normal rate */
  'live.markPromotional': write<S.LiveSessionDetail>()(z.object({ id: f.id, promotional: z.boolean() })),
  /** what to feature: overstocked products that still make a healthy margin, fast sellers with stock to spare */
  'live.suggest': read<S.LiveSuggestion[]>()(z.object({ locationId: f.id, limit: f.positiveQty.refine((n) => n <= 50, 'at most 50').default(12) })),
  /** goes on air: each product's cap is held at the session's location */
  'live.start': write<S.LiveSessionDetail>()(byId),
  /** a viewer claims units; beyond the cap it joins the waitlist (or is refused with `waitlist: false`) */
  'live.claim': write<S.LiveClaimResult>()(
    z.object({
      sessionId: f.id,
      /** the item's code, SKU or barcode, as typed or scanned */
      product: f.requiredText(64),
      customer: handle,
      qty: f.positiveQty.default(1),
      /** one per key press: sent twice, it returns the first claim */
      clientKey: f.text(64).optional(),
      waitlist: z.boolean().default(true),
    }),
  ),
  /** takes back a claim (omitted: the last one); the waitlist moves up */
  'live.undo': write<S.LiveClaimResult>()(z.object({ sessionId: f.id, claimId: f.id.optional() })),
  /** off air: claims become confirmed orders, one per buyer; unpaid ones expire after the hold */
  'live.close': write<S.LiveSessionDetail>()(byId),
  'live.cancel': write<S.LiveSessionDetail>()(byId),
  'live.report': read<S.LiveReport>()(byId),
};
