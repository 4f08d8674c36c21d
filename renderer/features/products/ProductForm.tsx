// Create or edit a product in a side panel. What the API refuses is shown next to the field it
// names (duplicate SKU, barcode check digit, unknown HS code…) and everything typed is kept.
import { useState } from 'react';
import type { Product } from '../../../main/common/api';
import { client } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { CountrySelect } from '../../components/CountrySelect';
import { CheckboxField, TextAreaField, TextField } from '../../components/Field';
import { PanelForm } from '../../components/Panel';
import { ProductPicker } from '../../components/ProductPicker';
import { useToast } from '../../components/Toasts';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useT } from '../../i18n';
import { useBaseCurrency } from '../../app/settings';
import { PRODUCT_FIELDS, toInput, type ProductDraft } from './draft';
import { HsLookup } from './HsLookup';
import { OptionsEditor } from './OptionsEditor';

interface Props {
  /** the product being edited; null to create */
  product: Product | null;
  initial: ProductDraft;
  onClose(): void;
  onSaved(p: Product): void;
}

export function ProductForm({ product, initial, onClose, onSaved }: Props) {
  const t = useT();
  const base = useBaseCurrency();
  const toast = useToast();
  const [d, setD] = useState<ProductDraft>(initial);
  // Focus the first field the API blamed.
  const { errors, err, busy, submit } = useFormSubmit(PRODUCT_FIELDS, (fe) => {
    const firstBad = PRODUCT_FIELDS.find((f) => fe.fields[f]);
    if (firstBad) document.getElementById(`f-${firstBad}`)?.focus();
  });
  const categories = useQuery('products.categories', {}).data ?? [];

  const set = <K extends keyof ProductDraft>(k: K) => (v: ProductDraft[K]) => setD((cur) => ({ ...cur, [k]: v }));

  const save = submit(async () => {
    const input = toInput(d);
    const saved = product ? await client.call('products.update', { id: product.id, ...input }) : await client.call('products.create', input);
    toast(t(product ? 'products.saved' : 'products.created', { sku: saved.sku }));
    onSaved(saved);
  });

  const text = (name: keyof ProductDraft & string, extra: Record<string, unknown> = {}) => (
    <TextField name={name} label={t(`field.${name}` as never)} value={d[name] as string} onChange={set(name) as (v: string) => void} error={err(name)} {...extra} />
  );

  return (
    <PanelForm title={product ? `${t('product.edit')} · ${product.sku}` : t('product.new')} onClose={onClose} testId="product-form" wide onSubmit={save} busy={busy} error={errors.general}>
      {text('sku', { className: 'mono-input', placeholder: 'JP-SUN-001' })}
      {text('barcode', { inputMode: 'numeric', placeholder: '4901234567894' })}
      {text('name', { className: 'span-2' })}
      {text('localName', { className: 'span-2' })}
      {text('brand')}
      <TextField name="category" label={t('field.category')} value={d.category} onChange={set('category')} error={err('category')} list="category-options" />
      <datalist id="category-options">
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <HsLookup value={d.hsCode} onChange={set('hsCode')} error={err('hsCode')} />
      <CountrySelect name="originCountry" label={t('field.originCountry')} value={d.originCountry} onChange={set('originCountry')} error={err('originCountry')} />
      {text('weightG', { inputMode: 'numeric' })}
      <div className="dims span-2">
        {text('lengthMm', { inputMode: 'numeric' })}
        {text('widthMm', { inputMode: 'numeric' })}
        {text('heightMm', { inputMode: 'numeric' })}
      </div>
      {text('packSize', { inputMode: 'numeric' })}
      {text('lowStockThreshold', { inputMode: 'numeric' })}
      <TextField name="price" label={t('field.price', { currency: base })} hint={t('field.price.hint')} inputMode="decimal" value={d.price} onChange={set('price')} error={err('price')} />
      <CheckboxField name="allowBackorder" label={t('field.allowBackorder')} hint={t('field.allowBackorder.hint')} checked={d.allowBackorder} onChange={set('allowBackorder')} error={err('allowBackorder')} />
      {text('defaultSupplier', { className: 'span-2' })}
      <ProductPicker
        name="parentId"
        label={t('field.parentId')}
        hint={t('field.parentId.hint')}
        value={d.parent}
        onChange={set('parent')}
        error={err('parentId')}
        status="all"
        topLevel
        className="span-2"
        {...(product ? { excludeId: product.id } : {})}
      />
      <OptionsEditor rows={d.options} onChange={set('options')} error={err('options')} />
      <TextAreaField name="notes" label={t('field.notes')} value={d.notes} onChange={set('notes')} error={err('notes')} className="span-2" />
    </PanelForm>
  );
}
