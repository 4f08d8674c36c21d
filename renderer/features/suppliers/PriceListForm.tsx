// Adding a product to a supplier's price list: their SKU, our product, the price in their
// currency with quantity breaks ("12:420, 48:390"), minimum order and case pack.
import { useState } from 'react';
import type { Supplier } from '../../../main/common/api';
import { client } from '../../api/client';
import { wholeNumber } from '../../api/input';
import { TextField } from '../../components/Field';
import { PanelForm } from '../../components/Panel';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { useToast } from '../../components/Toasts';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useT } from '../../i18n';

const FIELDS = ['supplierSku', 'productId', 'unitPrice', 'priceBreaks', 'moq', 'orderMultiple', 'leadTimeDays', 'priceDate'] as const;

/** "12:420, 48:390" → breaks; null when the text is not in that form. */
export function parseBreaks(text: string): { minQty: number; unitPrice: string }[] | null {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const out: { minQty: number; unitPrice: string }[] = [];
  for (const p of parts) {
    const m = /^(\d+)\s*[:=]\s*(\d+(?:\.\d+)?)$/.exec(p);
    if (!m) return null;
    out.push({ minQty: Number(m[1]), unitPrice: m[2]! });
  }
  return out;
}

export function PriceListForm({ supplier, onClose }: { supplier: Supplier; onClose(): void }) {
  const t = useT();
  const toast = useToast();
  const [sku, setSku] = useState('');
  const [product, setProduct] = useState<PickedProduct | null>(null);
  const [price, setPrice] = useState('');
  const [breaks, setBreaks] = useState('');
  const [moq, setMoq] = useState('1');
  const [multiple, setMultiple] = useState('1');
  const [leadTime, setLeadTime] = useState('');
  const [priceDate, setPriceDate] = useState('');
  const { errors, setErrors, err, busy, submit } = useFormSubmit(FIELDS);

  const save = submit(async () => {
    const parsed = parseBreaks(breaks);
    if (!parsed) return setErrors({ fields: { priceBreaks: t('suppliers.breaks.format') }, general: null });
    const sp = await client.call('suppliers.saveProduct', {
      supplierId: supplier.id,
      supplierSku: sku.trim(),
      productId: product?.id ?? null,
      unitPrice: price.trim(),
      priceBreaks: parsed,
      moq: wholeNumber(moq) as number,
      orderMultiple: wholeNumber(multiple) as number,
      leadTimeDays: leadTime.trim() ? (wholeNumber(leadTime) as number) : null,
      ...(priceDate ? { priceDate } : {}),
    });
    toast(t('suppliers.productSaved', { sku: sp.supplierSku }));
    onClose();
  });

  return (
    <PanelForm title={`${t('suppliers.addProduct')} · ${supplier.name}`} onClose={onClose} testId="price-form" onSubmit={save} busy={busy} error={errors.general}>
      <TextField name="supplierSku" label={t('suppliers.supplierSku')} value={sku} onChange={setSku} error={err('supplierSku')} className="mono-input" />
      <TextField name="unitPrice" label={t('suppliers.listPrice', { ccy: supplier.currency })} value={price} onChange={setPrice} error={err('unitPrice')} inputMode="decimal" className="num-input" />
      <ProductPicker name="productId" label={t('suppliers.ourProduct')} value={product} onChange={setProduct} error={err('productId')} className="span-2" />
      <TextField name="priceBreaks" label={t('suppliers.breaks')} hint={t('suppliers.breaks.hint')} value={breaks} onChange={setBreaks} error={err('priceBreaks')} className="span-2" placeholder="12:420, 48:390" />
      <TextField name="moq" label={t('suppliers.moq')} value={moq} onChange={setMoq} error={err('moq')} inputMode="numeric" className="num-input" />
      <TextField name="orderMultiple" label={t('suppliers.multiple')} value={multiple} onChange={setMultiple} error={err('orderMultiple')} inputMode="numeric" className="num-input" />
      <TextField name="leadTimeDays" label={t('suppliers.leadTimeOverride')} hint={t('suppliers.leadTimeOverride.hint', { n: supplier.leadTimeDays })} value={leadTime} onChange={setLeadTime} error={err('leadTimeDays')} inputMode="numeric" className="num-input" />
      <TextField name="priceDate" type="date" label={t('suppliers.priceDate')} hint={t('suppliers.priceDate.hint')} value={priceDate} onChange={setPriceDate} error={err('priceDate')} />
    </PanelForm>
  );
}
