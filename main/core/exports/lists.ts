// What each list exports: the method that reads it (the screen's own, with the screen's filter)
// and its columns. Amounts are numbers in major units of their currency (named in the header or
// a currency column), dates as ISO text, as a spreadsheet sorts and sums them.
import type { Method } from '../../common/api';
import type { ExportList } from '../../common/api/exports';
import type * as S from '../../common/api/sales-types';
import type * as T from '../../common/api/types';
import type { Cell } from '../../common/table-csv';
import { minorToMajor } from '../../common/format';

type Column<R> = [header: string, value: (row: R) => Cell];

/** What a column may look up beyond its row */
export interface Lookups {
  /** a product's SKU by its id (a variant's parent) */
  skuOf(id: string): string | null;
}

export interface ListExportDef<R> {
  method: Method;
  title: string;
  columns: (base: string, look: Lookups) => Column<R>[];
}

const money = (minor: number | null, currency: string | null) => (minor === null || currency === null ? null : minorToMajor(minor, currency));
/** average costs are kept to 4 more decimals than the currency has */
const avgCost = (e4: number, currency: string) => minorToMajor(e4, currency) / 10_000;

const def = <R>(d: ListExportDef<R>) => d as ListExportDef<unknown>;

export const LIST_EXPORTS: Record<ExportList, ListExportDef<unknown>> = {
  products: def<T.ProductRow>({
    method: 'products.list',
    title: 'Products',
    columns: (base, look) => [
      ['SKU', (p) => p.sku],
      ['Name', (p) => p.name],
      ['Local name', (p) => p.localName],
      ['Barcode', (p) => p.barcode],
      ['Brand', (p) => p.brand],
      ['Category', (p) => p.category],
      ['HS code', (p) => p.hsCode],
      ['Origin', (p) => p.originCountry],
      ['Weight (g)', (p) => p.weightG],
      ['Length (mm)', (p) => p.lengthMm],
      ['Width (mm)', (p) => p.widthMm],
      ['Height (mm)', (p) => p.heightMm],
      ['Pack size', (p) => p.packSize],
      ['Variant of (SKU)', (p) => (p.parentId ? look.skuOf(p.parentId) : null)],
      ['Options', (p) => (p.options ? Object.entries(p.options).map(([k, v]) => `${k}: ${v}`).join('; ') : null)],
      [`Price (${base})`, (p) => money(p.price, base)],
      ['On hand', (p) => p.onHand],
      ['Reserved', (p) => p.reserved],
      [`Value (${base})`, (p) => money(p.value, base)],
      ['Low-stock threshold', (p) => p.lowStockThreshold],
      ['Status', (p) => p.status],
      ['Notes', (p) => p.notes],
      ['Created', (p) => p.createdAt],
      ['Updated', (p) => p.updatedAt],
    ],
  }),
  stock: def<T.BalanceRow>({
    method: 'stock.balances',
    title: 'Stock',
    columns: (base) => [
      ['SKU', (b) => b.sku],
      ['Name', (b) => b.name],
      ['Location', (b) => b.locationCode],
      ['Location name', (b) => b.locationName],
      ['On hand', (b) => b.onHand],
      ['Reserved', (b) => b.reserved],
      ['Available', (b) => b.available],
      [`Average cost (${base})`, (b) => avgCost(b.avgCostE4, base)],
      [`Value (${base})`, (b) => money(b.value, base)],
      ['Updated', (b) => b.updatedAt],
    ],
  }),
  movements: def<T.Movement>({
    method: 'stock.movements',
    title: 'Movements',
    columns: (base) => [
      ['#', (m) => m.seq],
      ['Occurred', (m) => m.occurredAt],
      ['Posted', (m) => m.postedAt],
      ['SKU', (m) => m.sku],
      ['Name', (m) => m.productName],
      ['Location', (m) => m.locationCode],
      ['Kind', (m) => m.kind],
      ['Quantity', (m) => m.qty],
      ['On hand after', (m) => m.qtyAfter],
      [`Value (${base})`, (m) => money(m.value, base)],
      [`Average cost after (${base})`, (m) => avgCost(m.avgCostE4, base)],
      ['Reason', (m) => m.reason],
      ['Note', (m) => m.note],
      ['By', (m) => m.actor],
      ['Document', (m) => m.docType],
    ],
  }),
  suppliers: def<T.Supplier>({
    method: 'suppliers.list',
    title: 'Suppliers',
    columns: () => [
      ['Name', (s) => s.name],
      ['Country', (s) => s.country],
      ['Currency', (s) => s.currency],
      ['Contact', (s) => s.contactName],
      ['Email', (s) => s.email],
      ['Phone', (s) => s.phone],
      ['Payment terms', (s) => s.paymentTerms],
      ['Lead time (days)', (s) => s.leadTimeDays],
      ['Status', (s) => s.status],
      ['Notes', (s) => s.notes],
    ],
  }),
  'purchase-orders': def<T.PurchaseOrder>({
    method: 'purchasing.list',
    title: 'Purchase orders',
    columns: (base) => [
      ['Number', (o) => o.number],
      ['Supplier', (o) => o.supplierName],
      ['Status', (o) => o.status],
      ['Order date', (o) => o.orderDate],
      ['Expected', (o) => o.expectedDate],
      ['Currency', (o) => o.currency],
      ['Total', (o) => money(o.total, o.currency)],
      ['Exchange rate', (o) => (o.fxRate === null ? null : Number(o.fxRate))],
      [`Total (${base})`, (o) => money(o.totalBase, base)],
      ['Lines', (o) => o.lineCount],
      ['Sent', (o) => o.sentAt],
      ['Closed', (o) => o.closedAt],
      ['Notes', (o) => o.notes],
    ],
  }),
  'sales-orders': def<S.SalesOrder>({
    method: 'sales.list',
    title: 'Sales orders',
    columns: () => [
      ['Number', (o) => o.number],
      ['Date', (o) => o.orderDate],
      ['Customer', (o) => o.customerName],
      ['Handle', (o) => o.customerHandle],
      ['Channel', (o) => o.channel],
      ['Platform order', (o) => o.externalRef],
      ['Status', (o) => o.status],
      ['Payment', (o) => o.paymentStatus],
      ['Currency', (o) => o.currency],
      ['Subtotal', (o) => money(o.subtotal, o.currency)],
      ['Discount', (o) => money(o.discount, o.currency)],
      ['Shipping', (o) => money(o.shipping, o.currency)],
      ['Total', (o) => money(o.total, o.currency)],
      ['Paid', (o) => money(o.paid, o.currency)],
      ['Units', (o) => o.units],
      ['Ships from', (o) => o.locationCode],
      ['Ship to country', (o) => o.shipCountry],
      ['Shipped', (o) => o.shippedAt],
      ['Notes', (o) => o.notes],
    ],
  }),
  customers: def<S.CustomerRow>({
    method: 'customers.list',
    title: 'Customers',
    columns: () => [
      ['Name', (c) => c.name],
      ['Handle', (c) => c.handle],
      ['Email', (c) => c.email],
      ['Phone', (c) => c.phone],
      ['Country', (c) => c.country],
      ['Address', (c) => c.address],
      ['Orders', (c) => c.orders],
      ['Last order', (c) => c.lastOrderDate],
      ['Status', (c) => c.status],
      ['Notes', (c) => c.notes],
    ],
  }),
  shipments: def<T.ShipmentRow>({
    method: 'shipments.list',
    title: 'Shipments',
    columns: () => [
      ['Number', (s) => s.number],
      ['Direction', (s) => s.direction],
      ['Status', (s) => s.status],
      ['Late', (s) => (s.late ? 'yes' : 'no')],
      ['Carrier', (s) => s.carrier],
      ['Service', (s) => s.service],
      ['Tracking numbers', (s) => s.trackingNumbers.join(' ')],
      ['From', (s) => s.fromLocationCode ?? s.supplierName],
      ['To', (s) => s.toLocationCode ?? s.customer],
      ['Ship to country', (s) => s.shipToCountry],
      ['Shipped on', (s) => s.shippedOn],
      ['ETA', (s) => s.eta],
      ['Delivered', (s) => s.deliveredAt],
      ['Units', (s) => s.units],
      ['Declared value', (s) => money(s.declaredValue, s.currency)],
      ['Currency', (s) => s.currency],
    ],
  }),
};
