// Purchase orders: drafted in the supplier's currency with prices from its list, sent, and
// (with receiving) followed to received and closed, or cancelled. The exchange rate of the order
// date is stored on the order, so its base-currency total can always be explained.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { PoStatus, PurchaseOrderDetail } from '../../common/api/types';
import { unitPriceFor } from '../../common/calc/pricing';
import { poTotals } from '../../common/calc/purchasing';
import { getProduct } from '../../db/repos/products';
import * as repo from '../../db/repos/purchasing';
import { getSettings, putSetting } from '../../db/repos/settings';
import { getSupplier, listSupplierProducts } from '../../db/repos/suppliers';
import type { Ctx } from '../context';
import { findRate } from '../fx/service';
import { uuidv7 } from '../ids';
import { baseCurrency } from '../settings/service';
import { amountIn } from '../amount';
import { cancelQueued, queueIfConnected } from '../sync/outbox';

type LinesInput = NonNullable<Parsed<'purchasing.update'>['lines']>;

function mustGet(ctx: Ctx, id: string): repo.PoRecord {
  const po = repo.getPo(ctx.db, id);
  if (!po) throw ApiError.field('id', 'No such purchase order', 'not_found');
  return po;
}

/** PO-000001, GR-000001…: a counter kept in settings, taken in the document's transaction. */
export function nextNumber(
  ctx: Ctx,
  key: 'po_next_number' | 'receipt_next_number' | 'landed_next_number' | 'shipment_next_number' | 'return_next_number' | 'sales_next_number' | 'live_next_number' | 'count_next_number',
  prefix: 'PO' | 'GR' | 'LC' | 'SH' | 'RMA' | 'SO' | 'LIVE' | 'CNT',
): string {
  const n = Number(getSettings(ctx.db)[key] ?? '1');
  putSetting(ctx.db, key, String(n + 1), ctx.now);
  return `${prefix}-${String(n).padStart(6, '0')}`;
}

/** The rate of the order date, from the order's currency to the base (null when none is known). */
function orderRate(ctx: Ctx, currency: string, base: string, orderDate: string): { fxRate: string | null; fxDay: string | null } {
  const q = findRate(ctx.db, currency, base, orderDate);
  return { fxRate: q?.rate ?? null, fxDay: q?.day ?? null };
}

function buildLines(ctx: Ctx, po: repo.PoRecord, lines: LinesInput): repo.PoLineRecord[] {
  const list = listSupplierProducts(ctx.db, { supplierId: po.supplierId });
  return lines.map((l, i) => {
    const product = getProduct(ctx.db, l.productId);
    if (!product) throw ApiError.field(`lines.${i}.productId`, 'No such product', 'not_found');
    const listed = list.find((sp) => sp.productId === l.productId) ?? null;
    let unitPrice: number;
    if (l.unitPrice !== undefined) {
      unitPrice = amountIn(l.unitPrice, po.currency, `lines.${i}.unitPrice`);
    } else if (listed) {
      unitPrice = unitPriceFor(l.qty, listed.unitPrice, listed.priceBreaks);
    } else {
      throw ApiError.field(`lines.${i}.unitPrice`, `${product.sku} has no price on this supplier's list: enter one`);
    }
    return {
      id: uuidv7(),
      poId: po.id,
      lineNo: i + 1,
      productId: l.productId,
      supplierProductId: listed?.id ?? null,
      qtyOrdered: l.qty,
      unitPrice,
      expectedDate: l.expectedDate ?? null,
      qtyReceived: 0,
    };
  });
}

/** An order's totals from its stored lines, at the rate stored on it. */
function totalsOf(po: repo.PoRecord, lines: repo.PoLineRow[]) {
  return poTotals(lines.map((l) => ({ qty: l.qtyOrdered, unitPrice: l.unitPrice })), po.currency, po.baseCurrency, po.fxRate);
}

export function detail(ctx: Ctx, id: string): PurchaseOrderDetail {
  const po = mustGet(ctx, id);
  const lines = repo.poLines(ctx.db, id);
  const totals = totalsOf(po, lines);
  return {
    order: { ...po, supplierName: getSupplier(ctx.db, po.supplierId)?.name ?? '', total: totals.total, totalBase: totals.totalBase, lineCount: lines.length },
    lines: lines.map((l, i) => ({
      id: l.id,
      lineNo: l.lineNo,
      productId: l.productId,
      sku: l.sku,
      name: l.name,
      barcode: l.barcode,
      supplierProductId: l.supplierProductId,
      supplierSku: l.supplierSku,
      qtyOrdered: l.qtyOrdered,
      qtyReceived: l.qtyReceived,
      unitPrice: l.unitPrice,
      lineTotal: totals.lineTotals[i]!,
      expectedDate: l.expectedDate,
    })),
  };
}

export function list(ctx: Ctx, input: Parsed<'purchasing.list'>) {
  const page = repo.listPos(ctx.db, input);
  return {
    total: page.total,
    rows: page.rows.map((po) => {
      const lines = repo.poLines(ctx.db, po.id);
      const t = totalsOf(po, lines);
      return { ...po, total: t.total, totalBase: t.totalBase, lineCount: lines.length };
    }),
  };
}

export function create(ctx: Ctx, input: Parsed<'purchasing.create'>): PurchaseOrderDetail {
  const supplier = getSupplier(ctx.db, input.supplierId);
  if (!supplier) throw ApiError.field('supplierId', 'No such supplier', 'not_found');
  if (supplier.status !== 'active') throw ApiError.field('supplierId', `${supplier.name} is archived`, 'conflict');
  const base = baseCurrency(ctx);
  const orderDate = input.orderDate ?? ctx.now.slice(0, 10);
  const po: repo.PoRecord = {
    id: uuidv7(),
    number: nextNumber(ctx, 'po_next_number', 'PO'),
    supplierId: supplier.id,
    status: 'draft',
    currency: supplier.currency,
    baseCurrency: base,
    orderDate,
    expectedDate: input.expectedDate ?? null,
    ...orderRate(ctx, supplier.currency, base, orderDate),
    notes: input.notes ?? null,
    sentAt: null,
    closedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  repo.savePo(ctx.db, po);
  repo.replacePoLines(ctx.db, po.id, buildLines(ctx, po, input.lines), ctx.now);
  ctx.emit('purchasing.changed', { ids: [po.id] });
  return detail(ctx, po.id);
}

export function update(ctx: Ctx, input: Parsed<'purchasing.update'>): PurchaseOrderDetail {
  const cur = mustGet(ctx, input.id);
  if (cur.status !== 'draft') throw ApiError.field('id', `${cur.number} was sent; only a draft can be changed`, 'conflict');
  const orderDate = input.orderDate ?? cur.orderDate;
  const next: repo.PoRecord = {
    ...cur,
    orderDate,
    ...(orderDate !== cur.orderDate ? orderRate(ctx, cur.currency, cur.baseCurrency, orderDate) : {}),
    ...(input.expectedDate !== undefined ? { expectedDate: input.expectedDate } : {}),
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
    updatedAt: ctx.now,
  };
  repo.savePo(ctx.db, next);
  if (input.lines) repo.replacePoLines(ctx.db, cur.id, buildLines(ctx, next, input.lines), ctx.now);
  ctx.emit('purchasing.changed', { ids: [cur.id] });
  return detail(ctx, cur.id);
}

/** The moves an order may make by hand; receiving moves it to partly received and received. */
const ALLOWED: Record<'send' | 'cancel' | 'close', { from: PoStatus[]; to: PoStatus }> = {
  send: { from: ['draft'], to: 'sent' },
  cancel: { from: ['draft', 'sent'], to: 'cancelled' },
  close: { from: ['sent', 'partially_received', 'received'], to: 'closed' },
};

const PAST = { send: 'sent', cancel: 'cancelled', close: 'closed' } as const;

export function transition(ctx: Ctx, id: string, action: keyof typeof ALLOWED, reason?: string | null): PurchaseOrderDetail {
  const po = mustGet(ctx, id);
  if (action === 'close' && po.status === 'partially_received') {
    if (!reason) throw ApiError.field('reason', `${po.number} is short of what was ordered: say why it closes (e.g. supplier out of stock)`);
    po.notes = [po.notes, `Closed short: ${reason}`].filter(Boolean).join('\n');
  }
  const rule = ALLOWED[action];
  if (!rule.from.includes(po.status)) throw ApiError.field('id', `${po.number} is ${po.status.replace('_', ' ')}; it cannot be ${PAST[action]}`, 'conflict');
  if (action === 'send' && repo.poLines(ctx.db, id).length === 0) throw ApiError.field('id', `${po.number} has no lines to send`, 'conflict');
  if (action === 'cancel') cancelQueued(ctx, id);
  repo.savePo(ctx.db, {
    ...po,
    status: rule.to,
    ...(action === 'send' ? { sentAt: ctx.now } : {}),
    ...(action === 'close' ? { closedAt: ctx.now } : {}),
    updatedAt: ctx.now,
  });
  if (action === 'send') queueIfConnected(ctx, id);
  ctx.emit('purchasing.changed', { ids: [id] });
  return detail(ctx, id);
}
