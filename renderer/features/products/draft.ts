// What the product form holds (text, as typed) and how it becomes an API input. Numbers that do
// not parse are sent as typed, so the contract's own validation names the field and the reason:
// the form never invents rules of its own.
import type { Input, Product } from '../../../main/common/api';
import { currencyExponent, formatScaled } from '../../../main/common/money';
import { optionalText, wholeNumber } from '../../api/input';
import type { PickedProduct } from '../../components/ProductPicker';

export interface OptionRow {
  key: string;
  value: string;
}

export interface ProductDraft {
  sku: string;
  name: string;
  localName: string;
  barcode: string;
  brand: string;
  category: string;
  hsCode: string;
  originCountry: string;
  weightG: string;
  lengthMm: string;
  widthMm: string;
  heightMm: string;
  packSize: string;
  defaultSupplier: string;
  lowStockThreshold: string;
  notes: string;
  /** the usual selling price, in the base currency */
  price: string;
  allowBackorder: boolean;
  parent: PickedProduct | null;
  options: OptionRow[];
}

/** Every field the API may blame, so errors land next to the right input. */
export const PRODUCT_FIELDS = [
  'sku', 'name', 'localName', 'barcode', 'brand', 'category', 'hsCode', 'originCountry', 'weightG', 'lengthMm', 'widthMm',
  'heightMm', 'packSize', 'defaultSupplier', 'lowStockThreshold', 'notes', 'parentId', 'options', 'price', 'allowBackorder',
] as const;

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function draftFrom(p: Product | null, parent: Product | null, baseCurrency = 'USD'): ProductDraft {
  return {
    sku: str(p?.sku),
    name: str(p?.name),
    localName: str(p?.localName),
    barcode: str(p?.barcode),
    brand: str(p?.brand),
    category: str(p?.category),
    hsCode: str(p?.hsCode),
    originCountry: str(p?.originCountry),
    weightG: str(p?.weightG),
    lengthMm: str(p?.lengthMm),
    widthMm: str(p?.widthMm),
    heightMm: str(p?.heightMm),
    packSize: p ? String(p.packSize) : '1',
    defaultSupplier: str(p?.defaultSupplier),
    lowStockThreshold: str(p?.lowStockThreshold),
    notes: str(p?.notes),
    price: p?.price != null ? formatScaled(BigInt(p.price), currencyExponent(baseCurrency)) : '',
    allowBackorder: p?.allowBackorder ?? false,
    parent: parent ? { id: parent.id, sku: parent.sku, name: parent.name } : null,
    options: p?.options ? Object.entries(p.options).map(([key, value]) => ({ key, value })) : [],
  };
}

/**
 * A new variant starts from its parent's shared facts (brand, category, customs, origin, weight)
 * and the option names its siblings use (colour, size…), left for the merchant to fill.
 */
export function variantDraft(parent: Product, siblings: Pick<Product, 'options'>[]): ProductDraft {
  const keys = [...new Set([parent, ...siblings].flatMap((p) => Object.keys(p.options ?? {})))];
  return {
    ...draftFrom(null, parent),
    sku: parent.sku + '-',
    name: parent.name + ' ',
    localName: str(parent.localName),
    brand: str(parent.brand),
    category: str(parent.category),
    hsCode: str(parent.hsCode),
    originCountry: str(parent.originCountry),
    weightG: str(parent.weightG),
    defaultSupplier: str(parent.defaultSupplier),
    lowStockThreshold: str(parent.lowStockThreshold),
    options: keys.length ? keys.map((key) => ({ key, value: '' })) : [{ key: '', value: '' }],
  };
}

const text = optionalText;

export function toInput(d: ProductDraft): Input<'products.create'> {
  const rows = d.options.filter((o) => o.key.trim() || o.value.trim());
  return {
    sku: d.sku.trim(),
    name: d.name.trim(),
    localName: text(d.localName),
    barcode: text(d.barcode),
    brand: text(d.brand),
    category: text(d.category),
    hsCode: text(d.hsCode),
    originCountry: text(d.originCountry),
    weightG: wholeNumber(d.weightG),
    lengthMm: wholeNumber(d.lengthMm),
    widthMm: wholeNumber(d.widthMm),
    heightMm: wholeNumber(d.heightMm),
    packSize: wholeNumber(d.packSize) ?? 1,
    defaultSupplier: text(d.defaultSupplier),
    lowStockThreshold: wholeNumber(d.lowStockThreshold),
    notes: text(d.notes),
    price: text(d.price),
    allowBackorder: d.allowBackorder,
    parentId: d.parent?.id ?? null,
    options: rows.length ? Object.fromEntries(rows.map((o) => [o.key.trim(), o.value.trim()])) : null,
  };
}
