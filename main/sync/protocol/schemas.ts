// The protocol's answers as a client checks them: a supplier's reply that does not fit is refused
// whole (naming the field), never half-applied. Unknown extra fields are allowed, so a supplier may
// add to the protocol without breaking older clients.
import { z } from 'zod';

const money = z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal string like "12.50"');
const time = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 time');
const whole = z.number().int('must be a whole number');

export const catalogItem = z.object({
  sku: z.string().min(1),
  name: z.string(),
  barcode: z.string().nullable().default(null),
  hsCode: z.string().nullable().default(null),
  originCountry: z.string().nullable().default(null),
  moq: whole.min(1),
  orderMultiple: whole.min(1),
  leadTimeDays: whole.min(0).nullable().default(null),
  status: z.enum(['active', 'discontinued']),
  updatedAt: time,
});

export const price = z.object({
  sku: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code'),
  unitPrice: money,
  breaks: z.array(z.object({ minQty: whole.min(1), unitPrice: money })),
  updatedAt: time,
});

export const availability = z.object({ sku: z.string().min(1), available: whole.min(0), restockDate: z.string().nullable().default(null), updatedAt: time });

export const order = z.object({
  id: z.string().min(1),
  idempotencyKey: z.string(),
  reference: z.string(),
  currency: z.string(),
  status: z.enum(['received', 'accepted', 'partially_accepted', 'rejected', 'shipped', 'cancelled']),
  lines: z.array(z.object({ sku: z.string(), qty: whole, acceptedQty: whole.min(0).nullable(), unitPrice: money.nullable(), reason: z.string().nullable().default(null) })),
  reasons: z.array(z.string()).default([]),
  createdAt: time,
  updatedAt: time,
});

export const shipment = z.object({
  id: z.string().min(1),
  orderId: z.string(),
  reference: z.string(),
  carrier: z.string(),
  trackingNumbers: z.array(z.string()),
  lines: z.array(z.object({ sku: z.string(), qty: whole.min(1) })),
  shippedAt: time,
  updatedAt: time,
});

export const trackingEvent = z.object({
  at: time,
  status: z.enum(['info_received', 'in_transit', 'customs', 'out_for_delivery', 'delivered', 'exception']),
  place: z.string().nullable().default(null),
  text: z.string().nullable().default(null),
});

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().min(1).nullable() });

export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) });
