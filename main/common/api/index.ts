// The API contract: every method's name, input schema, mode and result type, and the events.
// Transports, the preload allow-list, the dispatcher and the typed client all derive from here.
import { z } from './zod';
import { imports, read, write, type MethodDef } from './contract';
import * as f from './fields';
import { IN_STORE_PREFIX } from '../codes';
import type * as T from './types';
import { salesApi } from './sales';
import { reorderApi } from './reorder';
import { countsApi } from './counts';
import { filesApi } from './files';
import { syncApi } from './sync';
import { backupsApi } from './backups';
import { exportsApi } from './exports';
import { importsApi, type ImportProgress } from './imports';
import type { SyncProgress } from './sync-types';

const productFields = {
  sku: f.requiredText(64).regex(/^\S+$/, 'must not contain spaces'),
  name: f.requiredText(200),
  localName: f.optionalText(200),
  barcode: f.barcode,
  brand: f.optionalText(100),
  category: f.optionalText(100),
  hsCode: f.hsCode,
  originCountry: f.countryCode.nullish().transform((v) => v ?? null),
  weightG: f.nonNegativeInt.nullish().transform((v) => v ?? null),
  lengthMm: f.nonNegativeInt.nullish().transform((v) => v ?? null),
  widthMm: f.nonNegativeInt.nullish().transform((v) => v ?? null),
  heightMm: f.nonNegativeInt.nullish().transform((v) => v ?? null),
  packSize: f.positiveQty,
  defaultSupplier: f.optionalText(200),
  parentId: f.id.nullish().transform((v) => v ?? null),
  options: z
    .record(f.requiredText(40), f.requiredText(80))
    .nullish()
    .transform((v) => (v && Object.keys(v).length ? v : null)),
  lowStockThreshold: f.nonNegativeInt.nullish().transform((v) => v ?? null),
  notes: f.optionalText(2000),
  /** the usual selling price in the base currency */
  price: f.decimal.nullish().transform((v) => v ?? null),
  /** orders may reserve more than is available */
  allowBackorder: z.boolean(),
};

// No defaults here: update schemas are partial and a default would overwrite the stored value.
const locationFields = {
  code: f.requiredText(20).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only'),
  name: f.requiredText(100),
  kind: z.enum(['own', 'overseas', 'bonded', '3pl', 'in_transit'], { message: 'must be own, overseas, bonded, 3pl or in_transit' }),
  country: f.countryCode.nullish().transform((v) => v ?? null),
  allowNegative: z.boolean(),
  notes: f.optionalText(2000),
};

// No defaults here either (see locationFields).
const supplierFields = {
  name: f.requiredText(120),
  country: f.countryCode.nullish().transform((v) => v ?? null),
  currency: f.currencyCode,
  contactName: f.optionalText(120),
  email: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), 'is not an email address'),
  phone: f.optionalText(60),
  paymentTerms: f.optionalText(200),
  leadTimeDays: f.nonNegativeInt.refine((n) => n <= 365, 'must be at most 365 days'),
  notes: f.optionalText(2000),
};

const supplierProductFields = {
  supplierSku: f.requiredText(64),
  productId: f.id.nullish().transform((v) => v ?? null),
  /** in the supplier's currency, e.g. "450" for ¥450 or "12.50" for $12.50 */
  unitPrice: f.decimal,
  priceBreaks: z.array(z.object({ minQty: f.positiveQty, unitPrice: f.decimal })).max(20, 'at most 20 price breaks'),
  moq: f.positiveQty,
  orderMultiple: f.positiveQty,
  leadTimeDays: f.nonNegativeInt.nullish().transform((v) => v ?? null),
  priceDate: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }),
};

const day = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const poFields = {
  orderDate: day.optional(),
  expectedDate: day.nullish().transform((v) => v ?? null),
  notes: f.optionalText(2000),
  lines: z
    .array(
      z.object({
        productId: f.id,
        qty: f.positiveQty,
        /** in the order's currency; omitted = from the supplier's price list */
        unitPrice: f.decimal.optional(),
        expectedDate: day.nullish().transform((v) => v ?? null),
      }),
    )
    .max(2000, 'at most 2,000 lines'),
};

// The engine validates amounts, rates and splits itself (naming each JSON path); the schema only
// bounds the shape and sizes.
const dec = z.union([z.string().max(40), z.number()], { message: 'must be a number or a decimal string' });
const splitMethod = z.enum(['value', 'quantity', 'weight', 'volume', 'equal'], { message: 'must be value, quantity, weight, volume, equal or manual' });
export const CHARGE_KINDS = ['freight', 'insurance', 'brokerage', 'bank', 'duty', 'tax', 'other'] as const;
const chargeKind = z.enum(CHARGE_KINDS, { message: `must be ${CHARGE_KINDS.join(', ')}` });
const customsInput = z.object({
  profile: z.string().max(40).optional(),
  currency: z.string().max(3).optional(),
  dutyBasis: z.enum(['FOB', 'CIF'], { message: 'must be FOB or CIF' }).optional(),
  dutyFreeUpTo: z.string().max(40).nullish(),
  vatFreeUpTo: z.string().max(40).nullish(),
  lowValueDutyPerHs6: z.string().max(40).nullish(),
  vatRate: dec.optional(),
  taxFactor: dec.optional(),
  vatRecoverable: z.boolean().optional(),
  consignmentLimit: z.string().max(40).nullish(),
  annualLimit: z.string().max(40).nullish(),
  fees: z.array(z.object({ id: f.requiredText(40), name: f.text(100).optional(), rate: dec, min: z.string().max(40).nullish(), max: z.string().max(40).nullish(), optional: z.boolean().optional() })).max(10).optional(),
  includeFees: z.array(z.string().max(40)).max(10).optional(),
});
const calcInput = z.object({
  currency: z.string().max(3),
  date: day.optional(),
  rates: z.record(z.string().max(3), dec).optional(),
  lines: z
    .array(
      z.object({
        id: f.requiredText(40),
        quantity: dec,
        unitPrice: z.string().max(40),
        currency: z.string().max(3),
        unitWeightKg: dec.nullish(),
        unitVolumeM3: dec.nullish(),
        hsCode: z.string().max(14).nullish(),
        dutyRate: dec.nullish(),
        exciseRate: dec.nullish(),
        rate: dec.nullish(),
        productId: f.id.nullish(),
        name: f.text(200).nullish(),
      }),
    )
    .max(5000, 'at most 5,000 lines'),
  charges: z
    .array(
      z.object({
        id: f.requiredText(40),
        amount: z.string().max(40),
        currency: z.string().max(3),
        split: z.union([splitMethod, z.object({ manual: z.record(z.string().max(40), z.string().max(40)) })]),
        inCustomsValue: z.boolean().optional(),
        inVatBase: z.boolean().optional(),
        rate: dec.nullish(),
        kind: chargeKind.optional(),
        label: f.text(100).nullish(),
      }),
    )
    .max(50, 'at most 50 charges')
    .optional(),
  customs: customsInput.nullish(),
});
const profileBody = z.object({
  code: f.requiredText(20).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only'),
  name: f.requiredText(100),
  country: f.countryCode,
  currency: f.currencyCode,
  validFrom: day,
  validTo: day.nullable(),
  customs: customsInput.omit({ profile: true, currency: true, includeFees: true }),
  tariff: z.array(z.object({ hs: z.string().regex(/^\d{2,10}$/, 'an HS code or its first digits'), dutyRate: f.decimal, exciseRate: f.decimal.nullish() })).max(5000).optional(),
  sources: z.array(z.object({ title: f.requiredText(300), url: f.text(500) })).max(20).default([]),
  notes: f.text(4000).default(''),
});
const landedCharge = z.object({
  kind: chargeKind,
  label: f.optionalText(100),
  amount: f.decimal,
  currency: f.currencyCode,
  /** base per unit of the charge's currency; omitted = the dated table on the document's date */
  fxRate: f.decimal.optional(),
  split: z.union([splitMethod, z.literal('manual')]),
  /** receipt line id → amount in the charge's currency */
  manual: z.record(f.id, f.decimal).optional(),
  inCustomsValue: z.boolean().default(true),
  /** part of the import VAT base; omitted = as inCustomsValue */
  inVatBase: z.boolean().optional(),
  supplierId: f.id.nullish().transform((v) => v ?? null),
  reference: f.optionalText(100),
});
const landedDocFields = {
  receiptIds: z.array(f.id).min(1, 'choose at least one receipt').max(200),
  docDate: day,
  customs: customsInput.nullable(),
  notes: f.optionalText(2000),
  charges: z.array(landedCharge).max(50, 'at most 50 charges'),
  lines: z.array(z.object({ receiptLineId: f.id, hsCode: f.hsCode, dutyRate: f.decimal.nullish().transform((v) => v ?? null), exciseRate: f.decimal.nullish().transform((v) => v ?? null) })).max(5000),
};

export const shipmentStatuses = ['created', 'in_transit', 'at_customs', 'customs_held', 'out_for_delivery', 'delivered', 'exception', 'returned'] as const;
const shipmentStatus = z.enum(shipmentStatuses, { message: `must be one of ${shipmentStatuses.join(', ')}` });
const direction = z.enum(['inbound', 'transfer', 'outbound'], { message: 'must be inbound, transfer or outbound' });
// No defaults here: update schemas are partial and a default would overwrite the stored value.
const shipmentFields = {
  /** inbound: the supplier (omitted = that of the PO lines carried) */
  supplierId: f.id.nullish().transform((v) => v ?? null),
  fromLocationId: f.id.nullish().transform((v) => v ?? null),
  toLocationId: f.id.nullish().transform((v) => v ?? null),
  customer: f.optionalText(200),
  /** outbound: the address it goes to (lines), for the papers */
  shipTo: f.optionalText(500),
  shipToCountry: f.countryCode.nullish().transform((v) => v ?? null),
  carrier: f.optionalText(60),
  service: f.optionalText(60),
  incoterm: z.enum(['EXW', 'FOB', 'CIF', 'DAP', 'DDP'], { message: 'must be EXW, FOB, CIF, DAP or DDP' }).nullish().transform((v) => v ?? null),
  /** in `currency`, e.g. "1250.00" */
  declaredValue: f.decimal.nullish().transform((v) => v ?? null),
  currency: f.currencyCode.nullish().transform((v) => v ?? null),
  volumetricDivisor: z.union([z.literal(5000), z.literal(6000)], { message: 'must be 5000 or 6000' }),
  shippedOn: day.nullish().transform((v) => v ?? null),
  eta: day.nullish().transform((v) => v ?? null),
  notes: f.optionalText(2000),
  trackingNumbers: z.array(f.requiredText(40)).max(50, 'at most 50 tracking numbers'),
  parcels: z
    .array(
      z.object({
        weightG: f.nonNegativeInt,
        lengthMm: f.nonNegativeInt.nullish().transform((v) => v ?? null),
        widthMm: f.nonNegativeInt.nullish().transform((v) => v ?? null),
        heightMm: f.nonNegativeInt.nullish().transform((v) => v ?? null),
        reference: f.optionalText(100),
      }),
    )
    .max(500, 'at most 500 parcels'),
  legs: z
    .array(
      z.object({
        from: f.requiredText(120),
        to: f.requiredText(120),
        mode: z.enum(['air', 'sea', 'road', 'rail', 'courier', 'customs'], { message: 'must be air, sea, road, rail, courier or customs' }),
        carrier: f.optionalText(60),
        eta: day.nullish().transform((v) => v ?? null),
      }),
    )
    .max(20, 'at most 20 legs'),
  /** inbound: each line is (part of) a PO line; transfer and outbound: a product */
  lines: z
    .array(z.object({ poLineId: f.id.nullish().transform((v) => v ?? null), productId: f.id.nullish().transform((v) => v ?? null), qty: f.positiveQty }))
    .max(2000, 'at most 2,000 lines'),
};
/** Units received on a line (of a purchase order or a shipment): in good order, and damaged ones quarantined or written off. */
const receivedUnits = z
  .object({
    lineId: f.id,
    /** in good order */
    qty: f.nonNegativeInt,
    damagedQty: f.nonNegativeInt.default(0),
    damagedAction: z.enum(['quarantine', 'write_off'], { message: 'must be quarantine or write_off' }).optional(),
    quarantineLocationId: f.id.optional(),
    reason: f.optionalText(200),
  })
  .refine((l) => l.damagedQty === 0 || l.damagedAction !== undefined, { message: 'say what happens to the damaged units', path: ['damagedAction'] })
  .refine((l) => l.damagedAction !== 'quarantine' || l.quarantineLocationId !== undefined, { message: 'choose the quarantine location', path: ['quarantineLocationId'] });
const shipmentCost = z.object({
  kind: chargeKind,
  label: f.optionalText(100),
  amount: f.decimal,
  currency: f.currencyCode,
  split: splitMethod.default('value'),
  /** part of the customs value (freight and insurance usually are) */
  inCustomsValue: z.boolean().optional(),
  /** paid but reclaimed (e.g. import VAT of a registered business): kept out of the goods' cost */
  recoverable: z.boolean().default(false),
  /** who was paid (a forwarder, a broker, the supplier) */
  supplierId: f.id.nullish().transform((v) => v ?? null),
  reference: f.optionalText(100),
});
export const customsStatuses = ['not_started', 'submitted', 'held', 'cleared'] as const;
export const returnReasons = ['damaged', 'defective', 'wrong_item', 'not_as_described', 'unwanted', 'undeliverable', 'other'] as const;
export const returnCostKinds = ['shipping', 'duty', 'fees', 'refund', 'other'] as const;
const returnFields = {
  customer: f.optionalText(200),
  /** from_customer: the outbound shipment the goods left on, if known */
  shipmentId: f.id.nullish().transform((v) => v ?? null),
  /** to_supplier: where the goods leave from */
  locationId: f.id.nullish().transform((v) => v ?? null),
  carrier: f.optionalText(60),
  tracking: f.optionalText(40),
  notes: f.optionalText(2000),
  lines: z
    .array(
      z.object({
        productId: f.id,
        qty: f.positiveQty,
        reason: z.enum(returnReasons, { message: `must be one of ${returnReasons.join(', ')}` }),
        reasonNote: f.optionalText(200),
        /** per unit in the base currency; omitted = what it left with, else the average cost */
        unitCost: f.decimal.nullish().transform((v) => v ?? null),
      }),
    )
    .min(1, 'add at least one line')
    .max(500),
  costs: z
    .array(z.object({ kind: z.enum(returnCostKinds, { message: `must be one of ${returnCostKinds.join(', ')}` }), label: f.optionalText(100), amount: f.decimal, currency: f.currencyCode }))
    .max(50),
};
const trackingEvent = z.object({
  at: f.occurredAt,
  status: shipmentStatus,
  place: f.optionalText(200),
  text: f.optionalText(500),
});

export const adjustReasons = ['opening', 'found', 'received', 'damaged', 'lost', 'expired', 'sample', 'correction', 'other'] as const;

const byId = z.object({ id: f.id });
const empty = z.object({}).default({});

export const api = {
  'settings.get': read<T.Settings>()(empty),
  'settings.update': write<T.Settings>()(
    z.object({
      baseCurrency: f.currencyCode.optional(),
      userName: f.requiredText(80).optional(),
      locale: z.enum(['en', 'zh']).optional(),
      /** the biggest attachment taken, in MB */
      attachmentMaxMb: f.quantity.refine((n) => n >= 1 && n <= 300, 'must be between 1 and 300 MB').optional(),
      /** who the merchant is, as printed on shipping papers (null clears a field) */
      business: z
        .object({ name: f.optionalText(200), address: f.optionalText(500), country: f.countryCode.nullish().transform((v) => v ?? null), taxId: f.optionalText(60) })
        .partial()
        .optional(),
    }),
  ),

  'products.list': read<T.Page<T.ProductRow>>()(
    z.object({
      search: f.text(100).optional(),
      category: f.text(100).optional(),
      status: z.enum(['active', 'archived', 'all']).default('active'),
      parentId: f.id.optional(),
      /** only products that are not variants (what can be a parent) */
      topLevel: z.boolean().optional(),
      lowStock: z.boolean().optional(),
      /** pinyin: by the pinyin initials of the Chinese name (what a Chinese reader expects), then the name */
      sort: z.enum(['sku', 'name', 'pinyin', 'category', 'onHand', 'value', 'updatedAt']).default('sku'),
      dir: f.sortDir,
      ...f.page,
    }),
  ),
  'products.get': read<T.ProductDetail>()(byId),
  'products.categories': read<string[]>()(empty),
  'products.create': write<T.Product>()(z.object({ ...productFields, packSize: productFields.packSize.default(1), allowBackorder: productFields.allowBackorder.default(false) })),
  'products.update': write<T.Product>()(z.object({ id: f.id, ...productFields }).partial().required({ id: true })),
  'products.archive': write<T.Product>()(byId),
  'products.restore': write<T.Product>()(byId),
  /**
   * Products without a barcode get the next EAN-13 numbers under an in-store prefix (04, or 20–29,
   * then up to five digits of the merchant's), for labels and scanning: those named, or every active
   * product without one (not the parents of variants). Products that have a barcode keep it.
   */
  /**
   * Labels as a PDF: name (and Chinese name), SKU, price and barcode — one label per page for a
   * label printer (50×30, 40×30 or 62×29 mm), or 24 to an A4 sheet (3×8) — `copies` of each product
   */
  'products.labels': read<T.ProductLabels>()(
    z.object({
      productIds: z.array(f.id).min(1, 'choose at least one product').max(1000, 'at most 1,000 products at a time'),
      size: z.enum(['50x30', '40x30', '62x29', 'a4-3x8'], { message: 'must be 50x30, 40x30, 62x29 or a4-3x8' }).default('50x30'),
      copies: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'at most 100').default(1),
    }),
  ),
  'products.assignBarcodes': write<T.BarcodesAssigned>()(
    z.object({
      prefix: z.string().trim().regex(IN_STORE_PREFIX, 'an in-store prefix is 04 or 20–29, then up to five more digits'),
      productIds: z.array(f.id).min(1).max(5000).optional(),
    }),
  ),

  'locations.list': read<T.Location[]>()(z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false })),
  'locations.create': write<T.Location>()(z.object({ ...locationFields, allowNegative: locationFields.allowNegative.default(false) })),
  'locations.update': write<T.Location>()(z.object({ id: f.id, ...locationFields }).partial().required({ id: true })),
  'locations.archive': write<T.Location>()(byId),

  'suppliers.list': read<T.Supplier[]>()(z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false })),
  'suppliers.get': read<T.SupplierDetail>()(byId),
  'suppliers.create': write<T.Supplier>()(z.object({ ...supplierFields, leadTimeDays: supplierFields.leadTimeDays.default(14) })),
  'suppliers.update': write<T.Supplier>()(z.object({ id: f.id, ...supplierFields }).partial().required({ id: true })),
  'suppliers.archive': write<T.Supplier>()(byId),
  /** add a product to a supplier's price list, or change one (with `id`) */
  'suppliers.saveProduct': write<T.SupplierProduct>()(
    z.object({
      id: f.id.optional(),
      supplierId: f.id,
      ...supplierProductFields,
      priceBreaks: supplierProductFields.priceBreaks.default([]),
      moq: supplierProductFields.moq.default(1),
      orderMultiple: supplierProductFields.orderMultiple.default(1),
      priceDate: supplierProductFields.priceDate.optional(),
    }),
  ),
  'suppliers.removeProduct': write<T.SupplierProduct>()(byId),
  /** the products this product can be bought as, from every supplier */
  'suppliers.sourcesOf': read<T.SupplierProduct[]>()(z.object({ productId: f.id })),

  'purchasing.list': read<T.Page<T.PurchaseOrder>>()(
    z.object({ status: z.enum(['open', 'draft', 'sent', 'partially_received', 'received', 'closed', 'cancelled']).optional(), supplierId: f.id.optional(), ...f.page }),
  ),
  'purchasing.get': read<T.PurchaseOrderDetail>()(byId),
  'purchasing.byNumber': read<T.PurchaseOrderDetail>()(z.object({ number: f.requiredText(20).toUpperCase() })),
  /** a draft order; each line's price defaults from the supplier's price list and its breaks */
  'purchasing.create': write<T.PurchaseOrderDetail>()(z.object({ supplierId: f.id, ...poFields, lines: poFields.lines.default([]) })),
  /** a draft's date, notes or lines (lines are replaced as a whole) */
  'purchasing.update': write<T.PurchaseOrderDetail>()(z.object({ id: f.id, ...poFields }).partial().required({ id: true })),
  /**
   * Receives any part of any lines into a location, valued at the exchange rate of the receipt
   * date (or the rate given). More than ordered needs a reason; damaged units go to a quarantine
   * location or are written off.
   */
  'purchasing.receive': write<T.Receipt>()(
    z.object({
      poId: f.id,
      locationId: f.id,
      receivedAt: f.occurredAt.optional(),
      /** the rate actually used (e.g. the bank's), order currency → base; default: the dated table */
      fxRate: f.decimal.optional(),
      notes: f.optionalText(500),
      lines: z
        .array(receivedUnits.refine((l) => l.qty + l.damagedQty > 0, { message: 'nothing to receive on this line', path: ['qty'] }))
        .min(1, 'receive at least one line'),
    }),
  ),
  'purchasing.receipts': read<T.Receipt[]>()(z.object({ poId: f.id })),
  /** takes a receipt back out (a correcting entry: history is never edited) */
  'purchasing.reverseReceipt': write<T.Receipt>()(z.object({ id: f.id, note: f.optionalText(500) })),
  'purchasing.send': write<T.PurchaseOrderDetail>()(byId),
  'purchasing.cancel': write<T.PurchaseOrderDetail>()(byId),
  /** closing an order that is short needs a reason (kept in its notes) */
  'purchasing.close': write<T.PurchaseOrderDetail>()(z.object({ id: f.id, reason: f.optionalText(200) })),

  /** the landed-cost engine on any input: what-if, no record kept */
  'landed.calculate': read<T.CalcResult>()(z.object({ input: calcInput })),
  'landed.calculations': read<T.CalculationSummary[]>()(empty),
  'landed.calculation': read<T.Calculation>()(byId),
  'landed.saveCalculation': write<T.Calculation>()(z.object({ id: f.id.optional(), name: f.requiredText(120), input: calcInput })),
  'landed.deleteCalculation': write<{ id: string }>()(byId),
  /** a draft purchase order from a saved calculation's lines (each must name a product) */
  'landed.calculationToPo': write<T.PurchaseOrderDetail>()(z.object({ id: f.id, supplierId: f.id })),
  /** shipped and user profiles, every version */
  'landed.profiles': read<T.CustomsProfileRow[]>()(empty),
  /** saves one version of a profile (a shipped one edited is kept as the user's) */
  'landed.saveProfile': write<T.CustomsProfileRow>()(profileBody),
  /** removes the user's version (an edited shipped version goes back to the shipped rules) */
  'landed.deleteProfile': write<{ code: string; validFrom: string }>()(z.object({ code: f.requiredText(20), validFrom: day })),
  'landed.productRates': read<T.ProductDutyRate[]>()(z.object({ productId: f.id })),
  /** a product's duty (and excise) rate for a profile; a null duty rate removes it */
  'landed.setProductRate': write<T.ProductDutyRate[]>()(
    z.object({ productId: f.id, profileCode: f.requiredText(20), dutyRate: f.decimal.nullable(), exciseRate: f.decimal.nullish().transform((v) => v ?? null) }),
  ),

  'landed.list': read<T.Page<T.LandedDocRow>>()(
    z.object({ status: z.enum(['draft', 'posted', 'cancelled']).optional(), /** only documents on this receipt */ receiptId: f.id.optional(), ...f.page }),
  ),
  'landed.get': read<T.LandedDocDetail>()(byId),
  /** receipts a landed-cost document can be attached to, newest first */
  'landed.receiptChoices': read<T.ReceiptChoice[]>()(z.object({ q: f.text(100).optional(), limit: f.quantity.refine((n) => n >= 1 && n <= 200, 'must be between 1 and 200').default(50) })),
  'landed.create': write<T.LandedDocDetail>()(
    z.object({ ...landedDocFields, docDate: day.optional(), customs: landedDocFields.customs.optional(), charges: landedDocFields.charges.default([]), lines: landedDocFields.lines.default([]) }),
  ),
  /** a draft's receipts, date, customs, charges (replaced as a whole) or line rates */
  'landed.update': write<T.LandedDocDetail>()(z.object({ id: f.id, ...landedDocFields }).partial().required({ id: true })),
  /** revalues the received stock still on hand; the share already sold goes to cost of goods sold */
  'landed.post': write<T.LandedDocDetail>()(byId),
  /** a correcting document that takes a posted one back out */
  'landed.reverse': write<T.LandedDocDetail>()(z.object({ id: f.id, note: f.optionalText(500) })),
  'landed.cancel': write<T.LandedDocDetail>()(byId),

  /** the board: late first, then by ETA */
  'shipments.list': read<T.Page<T.ShipmentRow>>()(
    z.object({
      direction: direction.optional(),
      status: shipmentStatus.optional(),
      /** the carrier's name or its beginning, any case */
      carrier: f.text(60).optional(),
      /** ETA before today and not delivered or returned */
      late: z.boolean().optional(),
      /** expected arrivals: inbound and transfer shipments not received yet */
      arriving: z.boolean().optional(),
      /** ETA on or before this day (with `arriving`: what is due by then, overdue included) */
      etaTo: day.optional(),
      /** a shipment number, tracking number or supplier name */
      q: f.text(100).optional(),
      ...f.page,
    }),
  ),
  'shipments.get': read<T.ShipmentDetail>()(byId),
  'shipments.create': write<T.ShipmentDetail>()(
    z.object({
      direction,
      ...shipmentFields,
      volumetricDivisor: shipmentFields.volumetricDivisor.default(5000),
      trackingNumbers: shipmentFields.trackingNumbers.default([]),
      parcels: shipmentFields.parcels.default([]),
      legs: shipmentFields.legs.default([]),
      lines: shipmentFields.lines.default([]),
    }),
  ),
  /** fields, or tracking numbers, parcels, legs and lines (each replaced as a whole); not once delivered */
  'shipments.update': write<T.ShipmentDetail>()(z.object({ id: f.id, ...shipmentFields }).partial().required({ id: true })),
  /** tracking events entered by hand: a duplicate is skipped and counted, a future one refused */
  'shipments.addEvents': write<T.ShipmentEventsResult>()(z.object({ shipmentId: f.id, events: z.array(trackingEvent).min(1, 'add at least one event').max(1000, 'at most 1,000 events') })),
  /** a CSV of `tracking_number,time,status,place,text` rows; bad rows are reported, the good ones kept */
  'shipments.importTracking': imports<T.TrackingImportReport>()(z.object({ text: z.string().min(1, 'is empty') })),

  /** transfer and outbound: the stock leaves (a transfer's waits in an in-transit location); more than on hand is refused */
  'shipments.dispatch': write<T.ShipmentDetail>()(z.object({ id: f.id, at: f.occurredAt.optional() })),
  /**
   * inbound: posts a receipt of its PO lines (one per order) into its location; transfer: moves
   * the stock out of in-transit. Lines omitted = everything arrived in good order.
   */
  'shipments.receive': write<T.ShipmentDetail>()(
    z.object({
      id: f.id,
      receivedAt: f.occurredAt.optional(),
      /** inbound: the order currency's rate to base per currency (omitted = the dated table) */
      fxRates: z.record(f.currencyCode, f.decimal).optional(),
      /** each line of the shipment that arrived (a line left out did not); the rest of a line did not arrive */
      lines: z.array(receivedUnits).max(2000).optional(),
    }),
  ),
  /** inbound: customs clearance */
  'shipments.setCustoms': write<T.ShipmentDetail>()(
    z.object({
      id: f.id,
      status: z.enum(customsStatuses, { message: `must be one of ${customsStatuses.join(', ')}` }),
      broker: f.optionalText(120),
      entryNumber: f.optionalText(60),
      clearedOn: day.nullish().transform((v) => v ?? null),
    }),
  ),
  /** what the shipment cost (freight, insurance, duty and taxes paid...), replaced as a whole */
  'shipments.setCosts': write<T.ShipmentDetail>()(z.object({ id: f.id, costs: z.array(shipmentCost).max(50, 'at most 50 costs') })),
  /**
   * inbound, received: its costs as one landed-cost document over its receipts (the draft is
   * brought up to date if there is one), posted at once when `post`
   */
  'shipments.landCost': write<T.ShipmentDetail>()(z.object({ id: f.id, post: z.boolean().default(false) })),
  /** the commercial invoice or packing list as a PDF (base64), in English, optionally with Chinese descriptions */
  'shipments.papers': read<T.ShipmentPapers>()(z.object({ id: f.id, kind: z.enum(['invoice', 'packing_list'], { message: 'must be invoice or packing_list' }), chinese: z.boolean().default(false) })),

  'returns.list': read<T.Page<T.ReturnRow>>()(
    z.object({ direction: z.enum(['from_customer', 'to_supplier']).optional(), status: z.enum(['open', 'shipped', 'received', 'closed', 'cancelled']).optional(), ...f.page }),
  ),
  'returns.get': read<T.ReturnDetail>()(byId),
  'returns.create': write<T.ReturnDetail>()(
    z.object({
      direction: z.enum(['from_customer', 'to_supplier'], { message: 'must be from_customer or to_supplier' }),
      supplierId: f.id.nullish().transform((v) => v ?? null),
      ...returnFields,
      costs: returnFields.costs.default([]),
    }),
  ),
  /** an open return's details, lines or costs (costs may change until it is closed) */
  'returns.update': write<T.ReturnDetail>()(z.object({ id: f.id, ...returnFields }).partial().required({ id: true })),
  /** to_supplier: the goods leave their location (at the cost they carry) */
  'returns.ship': write<T.ReturnDetail>()(z.object({ id: f.id, at: f.occurredAt.optional() })),
  /** from_customer: each line's units restocked, quarantined or written off; together they make the line's quantity */
  'returns.receive': write<T.ReturnDetail>()(
    z.object({
      id: f.id,
      receivedAt: f.occurredAt.optional(),
      lines: z
        .array(
          z.object({
            lineId: f.id,
            restockQty: f.nonNegativeInt.default(0),
            restockLocationId: f.id.optional(),
            quarantineQty: f.nonNegativeInt.default(0),
            quarantineLocationId: f.id.optional(),
            writeOffQty: f.nonNegativeInt.default(0),
          }),
        )
        .min(1, 'say what became of the returned units'),
    }),
  ),
  'returns.close': write<T.ReturnDetail>()(z.object({ id: f.id, note: f.optionalText(500) })),
  'returns.cancel': write<T.ReturnDetail>()(byId),

  'stock.adjust': write<T.PostResult>()(
    z.object({
      productId: f.id,
      locationId: f.id,
      qty: f.quantity.refine((n) => n !== 0, 'must not be zero'),
      unitCost: f.decimal.optional(),
      reason: z.enum(adjustReasons, { message: `must be one of ${adjustReasons.join(', ')}` }),
      note: f.optionalText(500),
      occurredAt: f.occurredAt.optional(),
    }),
  ),
  'stock.transfer': write<T.PostResult>()(
    z
      .object({
        productId: f.id,
        fromLocationId: f.id,
        toLocationId: f.id,
        qty: f.positiveQty,
        note: f.optionalText(500),
        occurredAt: f.occurredAt.optional(),
      })
      .refine((v) => v.fromLocationId !== v.toLocationId, { message: 'must differ from the source location', path: ['toLocationId'] }),
  ),
  'stock.balances': read<T.Page<T.BalanceRow>>()(
    z.object({
      locationId: f.id.optional(),
      productId: f.id.optional(),
      search: f.text(100).optional(),
      nonZero: z.boolean().default(true),
      ...f.page,
    }),
  ),
  'stock.movements': read<T.Page<T.Movement>>()(
    z.object({
      productId: f.id.optional(),
      locationId: f.id.optional(),
      kind: z.enum(['receipt', 'sale', 'adjustment', 'transfer_out', 'transfer_in', 'return', 'count', 'write_off', 'revaluation']).optional(),
      from: z.iso.date().optional(),
      to: z.iso.date().optional(),
      ...f.page,
    }),
  ),
  // The ledger is append-only: a mistaken adjustment or transfer is undone by posting its reverse.
  'stock.reverse': write<T.PostResult>()(z.object({ docId: f.id, note: f.optionalText(500) })),
  'stock.check': read<T.CheckReport>()(empty),

  'fx.rate': read<T.FxQuote>()(z.object({ from: f.currencyCode, to: f.currencyCode, date: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }).optional() })),
  'fx.set': write<T.FxQuote>()(
    z
      .object({ base: f.currencyCode, quote: f.currencyCode, day: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }), rate: f.decimal })
      .refine((v) => v.base !== v.quote, { message: 'must differ from the base currency', path: ['quote'] }),
  ),
  /** every currency with a rate, valued in the base currency on a day */
  'fx.overview': read<T.FxOverview>()(z.object({ date: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }).optional() }).default({})),
  /** a pair's rate on each day it changed, for a chart (at most 2 years a call) */
  'fx.history': read<{ day: string; rate: string }[]>()(
    z.object({ from: f.currencyCode, to: f.currencyCode, since: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }), until: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }) })
      .refine((v) => v.since <= v.until, { message: 'must not be after until', path: ['since'] })
      .refine((v) => Date.parse(v.until) - Date.parse(v.since) <= 731 * 86_400_000, { message: 'at most 2 years at a time', path: ['since'] }),
  ),
  /** the ECB reference rates shipped with the app (1999 to the data's last day) */
  'fx.importEcb': write<T.FxImportReport>()(empty),
  /** a CSV of `date,base,quote,rate` rows, or the ECB's own wide format (`Date,USD,JPY,…`) */
  'fx.importCsv': imports<T.FxImportReport>()(z.object({ text: z.string().min(1, 'is empty') })),

  'dashboard.summary': read<T.DashboardSummary>()(
    z.object({ days: f.quantity.refine((n) => n >= 7 && n <= 366, 'must be between 7 and 366').default(30) }).default({ days: 30 }),
  ),
  'search.global': read<T.SearchHit[]>()(
    z.object({ q: f.requiredText(100), limit: f.quantity.refine((n) => n >= 1 && n <= 50, 'must be between 1 and 50').default(10) }),
  ),
  'reference.hs': read<T.HsEntry[]>()(
    z.object({ q: f.text(100), limit: f.quantity.refine((n) => n >= 1 && n <= 100, 'must be between 1 and 100').default(20) }),
  ),
  ...salesApi,
  ...reorderApi,
  ...countsApi,
  ...filesApi,
  ...syncApi,
  ...backupsApi,
  ...exportsApi,
  ...importsApi,
} satisfies Record<string, MethodDef<z.ZodType, unknown>>;

export type Api = typeof api;
export type Method = keyof Api;
/** What a caller passes (before defaults and transforms). */
export type Input<M extends Method> = z.input<Api[M]['input']>;
/** What a handler receives (after validation). */
export type Parsed<M extends Method> = z.output<Api[M]['input']>;
export type Result<M extends Method> = Exclude<Api[M]['_result'], undefined>;
/** Methods that run outside a transaction and may talk to the network. */
export type TaskMethod = { [M in Method]: Api[M]['mode'] extends 'task' ? M : never }[Method];

export const methods = Object.keys(api) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** Events, emitted after the transaction that caused them commits. */
export interface Events {
  'products.changed': { ids: string[] };
  'locations.changed': { ids: string[] };
  'stock.changed': { productIds: string[]; locationIds: string[] };
  'settings.changed': Record<string, never>;
  /** planning settings, rules, promotions or supplier budgets changed */
  'reorder.changed': Record<string, never>;
  /** a product's photos changed */
  'photos.changed': { productIds: string[] };
  /** a document's attachments changed */
  'attachments.changed': { ownerType: string; ownerId: string };
  /** a stock count was opened, counted, posted or cancelled */
  'counts.changed': { ids: string[] };
  'fx.changed': Record<string, never>;
  'suppliers.changed': { ids: string[] };
  'purchasing.changed': { ids: string[] };
  'landed.changed': { ids: string[] };
  'shipments.changed': { ids: string[] };
  'returns.changed': { ids: string[] };
  'customers.changed': { ids: string[] };
  'sales.changed': { ids: string[] };
  /** a live session changed; `items` carries the counters of the products a claim touched (none: the session itself changed, read it again) */
  'live.changed': { id: string; items: { productId: string; claimed: number; left: number; waiting: number }[] };
  /** a supplier's connection, outbox, runs or catalogue changes changed */
  'sync.changed': { supplierIds: string[] };
  /** a running sync moved on (not a database change: no transaction behind it) */
  'sync.progress': SyncProgress;
  /** an import moved on (no transaction behind it) */
  'imports.progress': ImportProgress;
  /** a backup started, finished or failed, or the backup settings changed (no transaction behind it) */
  'backups.changed': Record<string, never>;
  /** the data was replaced by a restored backup: everything shown is out of date */
  'data.restored': { name: string };
}
export type EventName = keyof Events;
export const eventNames: EventName[] = ['products.changed', 'locations.changed', 'stock.changed', 'settings.changed', 'fx.changed', 'suppliers.changed', 'purchasing.changed', 'landed.changed', 'shipments.changed', 'returns.changed', 'customers.changed', 'sales.changed', 'live.changed', 'reorder.changed', 'counts.changed', 'photos.changed', 'attachments.changed', 'sync.changed', 'sync.progress', 'imports.progress', 'backups.changed', 'data.restored'];

export * from './types';
export * from './sales-types';
export * from './reorder-types';
export * from './counts-types';
export * from './files-types';
export * from './sync-types';
export * from './backups-types';
export type { ExportFile, ExportList } from './exports';
export { exportLists } from './exports';
export type { ImportKind, ImportProblem, ImportProgress, ImportReport, ImportTemplate, ProductImportReport, StockImportReport, TableImportReport } from './imports';
export { endpointProblem, isLoopbackHost } from './sync';
export * from './errors';
