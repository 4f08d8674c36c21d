// Orders from a CSV: Shopify's orders export, or Crossdock's generic format (docs/sales.md). Rows
// are grouped into orders by the order name; an order with a bad row is not imported and every bad
// row is listed with the column at fault, while the good orders are. An order already imported
// (same format, same order name) is found, not made again, so importing a file twice is harmless.
// Each order is confirmed (its units reserved) when the stock is there, else kept as a draft with
// the reason. Already fulfilled or cancelled orders are skipped: their stock left long ago.
// A dry run does all of it inside a savepoint and rolls it back, so its report is the real one.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { SalesImportReport, SalesImportRow } from '../../common/api/sales-types';
import { parseCsv } from '../../common/csv';
import { formatMoney, isCurrency } from '../../common/money';
import countries from '../../common/data/countries.json';
import { findProductBy } from '../../db/repos/products';
import * as repo from '../../db/repos/sales';
import type { Ctx } from '../context';
import { createCustomer } from './customers';
import { baseCurrency } from '../settings/service';
import { createOrder, payOrder } from './orders';

type Format = 'shopify' | 'generic';
const countryList = countries as { code: string; name: string }[];
const countryCodes = new Set(countryList.map((c) => c.code));
/** Long names shop platforms write where the country list has a short one. */
const COUNTRY_ALIASES: Record<string, string> = {
  'united states': 'US',
  'united states of america': 'US',
  'united kingdom': 'GB',
  'great britain': 'GB',
  'korea, republic of': 'KR',
  'republic of korea': 'KR',
  'russian federation': 'RU',
  'viet nam': 'VN',
  'hong kong sar': 'HK',
  'taiwan, province of china': 'TW',
};
/** A country as exports write it: "PT", "Portugal" or "United Kingdom"; null when none of these. */
function countryOf(text: string): string | null {
  const t = text.trim();
  if (countryCodes.has(t.toUpperCase())) return t.toUpperCase();
  const name = t.toLowerCase();
  return COUNTRY_ALIASES[name] ?? countryList.find((c) => c.name.toLowerCase() === name)?.code ?? null;
}

/** How a format names the columns read here. */
const COLUMNS: Record<Format, Record<string, string>> = {
  shopify: {
    ref: 'Name',
    email: 'Email',
    financial: 'Financial Status',
    fulfillment: 'Fulfillment Status',
    currency: 'Currency',
    shipping: 'Shipping',
    discount: 'Discount Amount',
    date: 'Created at',
    qty: 'Lineitem quantity',
    price: 'Lineitem price',
    sku: 'Lineitem sku',
    lineFulfillment: 'Lineitem fulfillment status',
    billingName: 'Billing Name',
    shipName: 'Shipping Name',
    address1: 'Shipping Address1',
    address2: 'Shipping Address2',
    city: 'Shipping City',
    zip: 'Shipping Zip',
    province: 'Shipping Province',
    country: 'Shipping Country',
    phone: 'Shipping Phone',
    cancelled: 'Cancelled at',
    notes: 'Notes',
    total: 'Total',
  },
  generic: {
    ref: 'order',
    date: 'date',
    customer: 'customer',
    email: 'email',
    handle: 'handle',
    country: 'country',
    address: 'address',
    currency: 'currency',
    sku: 'sku',
    qty: 'qty',
    price: 'unit_price',
    lineDiscount: 'discount',
    shipping: 'shipping',
    paid: 'paid',
    notes: 'notes',
  },
};
const REQUIRED: Record<Format, string[]> = { shopify: ['ref', 'sku', 'qty', 'price', 'currency'], generic: ['ref', 'sku', 'qty', 'price'] };

interface Row {
  line: number;
  get(key: string): string;
  column(key: string): string;
}

interface Draft {
  ref: string;
  line: number;
  rows: Row[];
}

/** "1.234,50" and "1,234.50" → "1234.50"; "12,5" → "12.5"; anything else as it is (then refused by the amount reader). */
function decimal(text: string): string {
  const t = text.replace(/\s/g, '');
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(t)) return t.replace(/\./g, '').replace(',', '.');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return t.replace(/,/g, '');
  if (/^\d+,\d+$/.test(t)) return t.replace(',', '.');
  return t;
}

/** The generic format's column names with a mapping applied (field → the file's column). */
function mapped(mapping: NonNullable<Parsed<'sales.import'>['mapping']>, header: string[]): Record<string, string> {
  const byField = Object.fromEntries(Object.entries(COLUMNS.generic).map(([key, field]) => [field, key]));
  const names = { ...COLUMNS.generic };
  for (const [field, column] of Object.entries(mapping)) {
    if (!header.includes(column)) throw ApiError.field(`mapping.${field}`, `the file has no column “${column}” (it has ${header.join(', ')})`);
    names[byField[field]!] = column;
  }
  return names;
}

function detect(header: string[], asked: Parsed<'sales.import'>['format']): Format {
  const has = (f: Format) => REQUIRED[f].every((k) => header.includes(COLUMNS[f][k]!));
  if (asked !== 'auto') {
    if (!has(asked)) throw ApiError.field('text', `not a ${asked === 'shopify' ? 'Shopify orders export' : 'file in the generic format'}: it needs the columns ${REQUIRED[asked].map((k) => COLUMNS[asked][k]).join(', ')}`);
    return asked;
  }
  if (has('shopify')) return 'shopify';
  if (has('generic')) return 'generic';
  throw ApiError.field('text', `columns not recognised: expected Shopify's orders export (Name, Lineitem sku, …) or the generic format (${REQUIRED.generic.map((k) => COLUMNS.generic[k]).join(', ')}, …)`);
}

export function importOrders(ctx: Ctx, input: Parsed<'sales.import'>): SalesImportReport {
  const records = parseCsv(input.text.replace(/\r\n?/g, '\n')).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!records.length) throw ApiError.field('text', 'is empty');
  const header = records[0]!.cells.map((c) => c.trim());
  const format = input.mapping ? 'generic' : detect(header, input.format);
  const index = new Map(header.map((h, i) => [h, i]));
  const names = input.mapping ? mapped(input.mapping, header) : COLUMNS[format];
  if (input.mapping) {
    const missing = REQUIRED.generic.filter((k) => !index.has(names[k]!));
    if (missing.length) throw ApiError.field('mapping', `say which column holds ${missing.map((k) => COLUMNS.generic[k]).join(', ')}`);
  }
  const rows: Row[] = records.slice(1).map((r) => ({
    line: r.line,
    column: (key) => names[key] ?? key,
    get: (key) => {
      const i = names[key] === undefined ? undefined : index.get(names[key]!);
      return i === undefined ? '' : (r.cells[i] ?? '').trim();
    },
  }));
  // rows of one order follow one another in both formats; Shopify leaves order fields blank after the first
  const drafts = new Map<string, Draft>();
  const errors: SalesImportReport['errors'] = [];
  for (const row of rows) {
    const ref = row.get('ref');
    if (!ref) {
      errors.push({ line: row.line, field: row.column('ref'), message: 'is empty: the row belongs to no order' });
      continue;
    }
    const d = drafts.get(ref) ?? { ref, line: row.line, rows: [] };
    d.rows.push(row);
    drafts.set(ref, d);
  }
  const quiet: Ctx = input.dryRun ? { ...ctx, emit: () => undefined } : ctx;
  const run = () => {
    const orders = [...drafts.values()].map((d) => importOne(quiet, format, input.locationId, d, errors));
    if (input.dryRun) throw new DryRun(orders);
    return orders;
  };
  let orders: SalesImportRow[];
  try {
    orders = ctx.db.transaction(run)();
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
    orders = e.orders;
  }
  const count = (o: SalesImportRow['outcome']) => orders.filter((x) => x.outcome === o).length;
  return { format, dryRun: input.dryRun, orders, errors: errors.sort((a, b) => a.line - b.line), created: count('created'), exists: count('exists'), skipped: count('skipped') };
}

class DryRun extends Error {
  constructor(readonly orders: SalesImportRow[]) {
    super('dry run');
  }
}

function importOne(ctx: Ctx, format: Format, locationId: string, d: Draft, errors: SalesImportReport['errors']): SalesImportRow {
  const first = d.rows[0]!;
  // order-level fields: the first non-empty value among the order's rows
  const field = (key: string) => d.rows.map((r) => r.get(key)).find((v) => v !== '') ?? '';
  const currency = (field('currency') || baseCurrency(ctx)).toUpperCase();
  const base: SalesImportRow = { ref: d.ref, line: d.line, customer: null, lines: 0, units: 0, currency, total: 0, outcome: 'error', orderNumber: null, message: null };
  const source = format;
  const found = repo.orderByExternal(ctx.db, source, d.ref);
  if (found) return { ...base, outcome: 'exists', orderNumber: found.number, message: `imported before as ${found.number}` };
  if (format === 'shopify') {
    if (field('cancelled')) return { ...base, outcome: 'skipped', message: 'cancelled on the platform' };
    if (field('fulfillment').toLowerCase() === 'fulfilled') return { ...base, outcome: 'skipped', message: 'fulfilled on the platform already' };
  }
  const bad: SalesImportReport['errors'] = [];
  const fail = (row: Row, key: string, message: string) => bad.push({ line: row.line, field: row.column(key), message });
  if (!isCurrency(currency)) fail(first, 'currency', `${currency} is not an ISO 4217 currency code`);
  const lines: { productId: string; qty: number; unitPrice: string; discount?: string }[] = [];
  for (const row of d.rows) {
    if (format === 'shopify' && row.get('lineFulfillment').toLowerCase() === 'fulfilled') continue;
    const sku = row.get('sku');
    const product = sku ? findProductBy(ctx.db, 'sku', sku) : null;
    if (!sku) fail(row, 'sku', 'is empty');
    else if (!product) fail(row, 'sku', `no product has the SKU ${sku}`);
    const qtyText = row.get('qty');
    const qty = Number(qtyText);
    if (!/^\d+$/.test(qtyText) || qty <= 0) fail(row, 'qty', `“${qtyText}” is not a whole number of units`);
    const price = decimal(row.get('price'));
    if (!/^\d+(\.\d+)?$/.test(price)) fail(row, 'price', `“${row.get('price')}” is not a price`);
    const discount = format === 'generic' ? decimal(row.get('lineDiscount')) : '';
    if (discount && !/^\d+(\.\d+)?$/.test(discount)) fail(row, 'lineDiscount', `“${row.get('lineDiscount')}” is not an amount`);
    if (product) lines.push({ productId: product.id, qty, unitPrice: price, ...(discount ? { discount } : {}) });
  }
  const date = field('date').slice(0, 10);
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(first, 'date', `“${field('date')}” is not a date (YYYY-MM-DD …)`);
  const country = countryOf(field('country'));
  const amounts = { shipping: decimal(field('shipping')) || '0', discount: format === 'shopify' ? decimal(field('discount')) || '0' : '0' };
  for (const k of ['shipping', 'discount'] as const) if (!/^\d+(\.\d+)?$/.test(amounts[k])) fail(first, k, `“${amounts[k]}” is not an amount`);
  if (!bad.length && !lines.length) return { ...base, outcome: 'skipped', message: 'every line was fulfilled on the platform already' };
  if (bad.length) {
    errors.push(...bad);
    return { ...base, message: bad.map((b) => `line ${b.line}, ${b.field}: ${b.message}`).join('; ') };
  }

  const customer = customerOf(ctx, format, field);
  const address = format === 'shopify' ? [field('address1'), field('address2'), [field('zip'), field('city')].filter(Boolean).join(' '), field('province')].filter(Boolean).join('\n') : field('address');
  const order = {
    customerId: customer?.id ?? null,
    locationId,
    currency,
    ...(date ? { orderDate: date > ctx.now.slice(0, 10) ? ctx.now.slice(0, 10) : date } : {}),
    lines,
    discount: amounts.discount,
    shipping: amounts.shipping,
    shipName: (format === 'shopify' ? field('shipName') || field('billingName') : field('customer')) || null,
    shipAddress: address || null,
    shipCountry: country || null,
    notes: field('notes') || null,
    expiresAt: null,
    channel: 'import' as const,
    source,
    externalRef: d.ref,
  };
  const made = { ...base, customer: customer?.name ?? null, lines: lines.length, units: lines.reduce((a, l) => a + l.qty, 0) };
  // a savepoint each, so an order refused half-way leaves nothing behind
  try {
    const detail = ctx.db.transaction(() => tryConfirmed(ctx, order))();
    const o = detail.detail.order;
    const paid = format === 'shopify' ? field('financial').toLowerCase() === 'paid' : /^(yes|y|true|1|paid)$/i.test(field('paid'));
    if (paid && o.total > 0) ctx.db.transaction(() => payOrder(ctx, { id: o.id, amount: formatMoney(o.total, o.currency) }))();
    const unknownCountry = field('country') && !country ? `country “${field('country')}” not recognised, left blank` : null;
    return { ...made, total: o.total, outcome: 'created', orderNumber: o.number, message: [detail.note, unknownCountry].filter(Boolean).join('; ') || null };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const f = e.details?.field ?? '';
    errors.push({ line: d.line, field: f, message: e.message });
    return { ...made, message: e.message };
  }
}

/** Confirmed when the stock is there; otherwise a draft, saying which line is short. */
function tryConfirmed(ctx: Ctx, order: Omit<Parameters<typeof createOrder>[1], 'confirm'>): { detail: ReturnType<typeof createOrder>; note: string | null } {
  try {
    return { detail: ctx.db.transaction(() => createOrder(ctx, { ...order, confirm: true }))(), note: null };
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'insufficient_stock') throw e;
    return { detail: createOrder(ctx, { ...order, confirm: false }), note: `kept as a draft: ${e.message}` };
  }
}

/** The order's customer: by email, else by handle (generic), else a new one named as the file names them. */
function customerOf(ctx: Ctx, format: Format, field: (k: string) => string) {
  const email = field('email').toLowerCase();
  if (email) {
    const known = repo.customerByEmail(ctx.db, email);
    if (known) return known;
  }
  const handle = format === 'generic' ? field('handle').replace(/^@+/, '') : '';
  if (handle) {
    const known = repo.customerByHandle(ctx.db, handle);
    if (known) return known;
  }
  const name = (format === 'shopify' ? field('billingName') || field('shipName') : field('customer')) || email || handle;
  if (!name) return null;
  const validEmail = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? email : null;
  return createCustomer(ctx, {
    name: name.slice(0, 200),
    handle: handle && /^\S{1,60}$/.test(handle) ? handle : null,
    email: validEmail,
    phone: field('phone') || null,
    country: countryOf(field('country')),
    address: null,
    notes: null,
    status: 'active',
  });
}
