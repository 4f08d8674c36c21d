import type { Db } from '../open';
import type { Supplier, SupplierProduct } from '../../common/api/types';
import { stmt } from './statements';

type Raw = Record<string, unknown>;
const SUPPLIER_COLS = 'id, name, country, currency, contact_name, email, phone, payment_terms, lead_time_days, notes, status, created_at, updated_at';

function toSupplier(r: Raw): Supplier {
  return {
    id: r.id as string,
    name: r.name as string,
    country: (r.country as string | null) ?? null,
    currency: r.currency as string,
    contactName: (r.contact_name as string | null) ?? null,
    email: (r.email as string | null) ?? null,
    phone: (r.phone as string | null) ?? null,
    paymentTerms: (r.payment_terms as string | null) ?? null,
    leadTimeDays: r.lead_time_days as number,
    notes: (r.notes as string | null) ?? null,
    status: r.status as Supplier['status'],
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

export function getSupplier(db: Db, id: string): Supplier | null {
  const r = stmt(db, `SELECT ${SUPPLIER_COLS} FROM suppliers WHERE id = ?`).get(id) as Raw | undefined;
  return r ? toSupplier(r) : null;
}

export function findSupplierByName(db: Db, name: string): Supplier | null {
  const r = stmt(db, `SELECT ${SUPPLIER_COLS} FROM suppliers WHERE name = ?`).get(name) as Raw | undefined;
  return r ? toSupplier(r) : null;
}

export function listSuppliers(db: Db, includeArchived: boolean): Supplier[] {
  return stmt(db, `SELECT ${SUPPLIER_COLS} FROM suppliers ${includeArchived ? '' : "WHERE status = 'active'"} ORDER BY name`)
    .all()
    .map((r) => toSupplier(r as Raw));
}

export function saveSupplier(db: Db, s: Supplier): void {
  stmt(
    db,
    `INSERT INTO suppliers (${SUPPLIER_COLS}) VALUES (@id, @name, @country, @currency, @contactName, @email, @phone, @paymentTerms,
       @leadTimeDays, @notes, @status, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, country = excluded.country, currency = excluded.currency,
       contact_name = excluded.contact_name, email = excluded.email, phone = excluded.phone, payment_terms = excluded.payment_terms,
       lead_time_days = excluded.lead_time_days, notes = excluded.notes, status = excluded.status, updated_at = excluded.updated_at`,
  ).run(s);
}

const SP_SELECT = `SELECT sp.id, sp.supplier_id, sp.supplier_sku, sp.product_id, p.sku AS product_sku, p.name AS product_name,
  sp.unit_price, sp.price_breaks, sp.moq, sp.order_multiple, sp.lead_time_days, sp.price_date, sp.status, sp.created_at, sp.updated_at
  FROM supplier_products sp LEFT JOIN products p ON p.id = sp.product_id`;

function toSupplierProduct(r: Raw): SupplierProduct {
  return {
    id: r.id as string,
    supplierId: r.supplier_id as string,
    supplierSku: r.supplier_sku as string,
    productId: (r.product_id as string | null) ?? null,
    productSku: (r.product_sku as string | null) ?? null,
    productName: (r.product_name as string | null) ?? null,
    unitPrice: r.unit_price as number,
    priceBreaks: JSON.parse(r.price_breaks as string) as SupplierProduct['priceBreaks'],
    moq: r.moq as number,
    orderMultiple: r.order_multiple as number,
    leadTimeDays: (r.lead_time_days as number | null) ?? null,
    priceDate: r.price_date as string,
    status: r.status as SupplierProduct['status'],
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

export function getSupplierProduct(db: Db, id: string): SupplierProduct | null {
  const r = stmt(db, `${SP_SELECT} WHERE sp.id = ?`).get(id) as Raw | undefined;
  return r ? toSupplierProduct(r) : null;
}

export function findSupplierProductBySku(db: Db, supplierId: string, supplierSku: string): SupplierProduct | null {
  const r = stmt(db, `${SP_SELECT} WHERE sp.supplier_id = ? AND sp.supplier_sku = ?`).get(supplierId, supplierSku) as Raw | undefined;
  return r ? toSupplierProduct(r) : null;
}

export function listSupplierProducts(db: Db, q: { supplierId?: string | undefined; productId?: string | undefined }): SupplierProduct[] {
  const where = [q.supplierId ? 'sp.supplier_id = ?' : null, q.productId ? 'sp.product_id = ?' : null, "sp.status = 'active'"].filter(Boolean).join(' AND ');
  return stmt(db, `${SP_SELECT} WHERE ${where} ORDER BY sp.supplier_sku`)
    .all(...[q.supplierId, q.productId].filter((v): v is string => !!v))
    .map((r) => toSupplierProduct(r as Raw));
}

export function saveSupplierProduct(db: Db, sp: SupplierProduct): void {
  stmt(
    db,
    `INSERT INTO supplier_products (id, supplier_id, supplier_sku, product_id, unit_price, price_breaks, moq, order_multiple,
       lead_time_days, price_date, status, created_at, updated_at)
     VALUES (@id, @supplierId, @supplierSku, @productId, @unitPrice, @priceBreaks, @moq, @orderMultiple, @leadTimeDays, @priceDate,
       @status, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET supplier_sku = excluded.supplier_sku, product_id = excluded.product_id,
       unit_price = excluded.unit_price, price_breaks = excluded.price_breaks, moq = excluded.moq,
       order_multiple = excluded.order_multiple, lead_time_days = excluded.lead_time_days, price_date = excluded.price_date,
       status = excluded.status, updated_at = excluded.updated_at`,
  ).run({ ...sp, priceBreaks: JSON.stringify(sp.priceBreaks) });
}
