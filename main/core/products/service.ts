import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { BarcodesAssigned, Product, ProductDetail } from '../../common/api/types';
import { inStoreEan13 } from '../../common/codes';
import * as ledger from '../../db/repos/ledger';
import * as repo from '../../db/repos/products';
import type { Ctx } from '../context';
import { uuidv7 } from '../ids';
import { definedOnly } from '../patch';
import { amountIn } from '../amount';
import { baseCurrency } from '../settings/service';

type Fields = Omit<Product, 'id' | 'status' | 'createdAt' | 'updatedAt'>;

function mustGet(ctx: Ctx, id: string, field = 'id'): Product {
  const p = repo.getProduct(ctx.db, id);
  if (!p) throw ApiError.field(field, 'No such product', 'not_found');
  return p;
}

/** Rules that need the database or reference data; formats were checked by the contract. */
function validate(ctx: Ctx, p: Fields, selfId?: string, skuChecked = false): void {
  const sameSku = skuChecked ? null : repo.findProductBy(ctx.db, 'sku', p.sku);
  if (sameSku && sameSku.id !== selfId) throw ApiError.field('sku', `SKU ${sameSku.sku} is already used by "${sameSku.name}"`, 'conflict');
  if (p.barcode) {
    const sameCode = repo.findProductBy(ctx.db, 'barcode', p.barcode);
    if (sameCode && sameCode.id !== selfId) throw ApiError.field('barcode', `Barcode already belongs to ${sameCode.sku} "${sameCode.name}"`, 'conflict');
  }
  if (p.hsCode && !ctx.hs.exists(p.hsCode)) throw ApiError.field('hsCode', `${p.hsCode} is not in the HS 2022 nomenclature`);
  if (p.parentId) {
    if (p.parentId === selfId) throw ApiError.field('parentId', 'a product cannot be its own variant');
    const parent = mustGet(ctx, p.parentId, 'parentId');
    if (parent.parentId) throw ApiError.field('parentId', `${parent.sku} is itself a variant; variants hang under a parent product`);
    if (selfId && repo.countVariants(ctx.db, selfId) > 0) throw ApiError.field('parentId', 'this product has variants of its own, so it cannot become a variant');
  }
}

/** The selling price typed in the base currency, as minor units. */
function priceOf(ctx: Ctx, text: string | null | undefined): number | null {
  return text == null ? null : amountIn(text, baseCurrency(ctx), 'price');
}

/** `skuChecked`: the caller has just looked the SKU up, in this transaction, and found no product (an import, for each of its rows) */
export function createProduct(ctx: Ctx, input: Parsed<'products.create'>, opts: { skuChecked?: boolean } = {}): Product {
  const fields: Fields = {
    sku: input.sku,
    name: input.name,
    localName: input.localName ?? null,
    barcode: input.barcode ?? null,
    brand: input.brand ?? null,
    category: input.category ?? null,
    hsCode: input.hsCode ?? null,
    originCountry: input.originCountry ?? null,
    weightG: input.weightG ?? null,
    lengthMm: input.lengthMm ?? null,
    widthMm: input.widthMm ?? null,
    heightMm: input.heightMm ?? null,
    packSize: input.packSize,
    defaultSupplier: input.defaultSupplier ?? null,
    parentId: input.parentId ?? null,
    options: input.options ?? null,
    lowStockThreshold: input.lowStockThreshold ?? null,
    notes: input.notes ?? null,
    price: priceOf(ctx, input.price),
    allowBackorder: input.allowBackorder,
  };
  validate(ctx, fields, undefined, opts.skuChecked);
  const p: Product = { id: uuidv7(), ...fields, status: 'active', createdAt: ctx.now, updatedAt: ctx.now };
  repo.insertProduct(ctx.db, p);
  ctx.emit('products.changed', { ids: [p.id] });
  return p;
}

export function updateProduct(ctx: Ctx, input: Parsed<'products.update'>): Product {
  const cur = mustGet(ctx, input.id);
  const { price, ...rest } = input;
  const next: Product = { ...cur, ...definedOnly(rest), ...(price !== undefined ? { price: priceOf(ctx, price) } : {}), updatedAt: ctx.now };
  validate(ctx, next, cur.id);
  repo.updateProduct(ctx.db, next);
  ctx.emit('products.changed', { ids: [cur.id] });
  return next;
}

/** The next in-store EAN-13 numbers for products without a barcode (see products.assignBarcodes). */
export function assignBarcodes(ctx: Ctx, input: Parsed<'products.assignBarcodes'>): BarcodesAssigned {
  const targets = input.productIds ? input.productIds.map((id) => mustGet(ctx, id, 'productIds')) : repo.productsWithoutBarcode(ctx.db);
  const highest = repo.highestBarcodeUnder(ctx.db, input.prefix);
  let n = highest ? Number(highest.slice(input.prefix.length, 12)) : 0;
  const out: BarcodesAssigned = { assigned: [], kept: 0 };
  for (const p of targets) {
    if (p.barcode) {
      out.kept++;
      continue;
    }
    n++;
    if (String(n).length > 12 - input.prefix.length) throw ApiError.field('prefix', `no numbers are left under ${input.prefix}: choose a shorter or another prefix`, 'conflict');
    const barcode = inStoreEan13(input.prefix, n);
    updateProduct(ctx, { id: p.id, barcode });
    out.assigned.push({ productId: p.id, sku: p.sku, barcode });
  }
  return out;
}

export function setProductStatus(ctx: Ctx, id: string, status: Product['status']): Product {
  const cur = mustGet(ctx, id);
  if (status === 'archived') {
    const held = ledger.listBalances(ctx.db, { productId: id, nonZero: true, offset: 0, limit: 1 }).total;
    if (held > 0) throw ApiError.field('id', `${cur.sku} still has stock; move or write it off before archiving`, 'conflict');
  }
  const next: Product = { ...cur, status, updatedAt: ctx.now };
  repo.updateProduct(ctx.db, next);
  ctx.emit('products.changed', { ids: [id] });
  return next;
}

export function productDetail(ctx: Ctx, id: string): ProductDetail {
  const product = mustGet(ctx, id);
  return {
    product,
    parent: product.parentId ? repo.getProduct(ctx.db, product.parentId) : null,
    variants: repo.listProducts(ctx.db, { parentId: id, status: 'all', sort: 'sku', dir: 'asc', offset: 0, limit: 500 }).rows,
    balances: ledger.listBalances(ctx.db, { productId: id, nonZero: false, offset: 0, limit: 1000 }).rows,
  };
}
