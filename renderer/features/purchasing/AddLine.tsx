// Fast line entry on a draft: pick or scan a product, type the quantity, Enter. The price comes
// from the supplier's list (and its breaks) unless typed.
import { useState, type FormEvent } from 'react';
import { ApiError, type PurchaseOrderDetail } from '../../../main/common/api';
import { formatMoney } from '../../../main/common/money';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { wholeNumber } from '../../api/input';
import { FormError, TextField } from '../../components/Field';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { useT } from '../../i18n';

/** The order's lines as the API takes them back (prices as decimals in the order's currency). */
export function linesInput(d: PurchaseOrderDetail) {
  return d.lines.map((l) => ({ productId: l.productId, qty: l.qtyOrdered, unitPrice: formatMoney(l.unitPrice, d.order.currency), expectedDate: l.expectedDate }));
}

export function AddLine({ detail }: { detail: PurchaseOrderDetail }) {
  const t = useT();
  const [product, setProduct] = useState<PickedProduct | null>(null);
  const [qty, setQty] = useState('');
  const [price, setPrice] = useState('');
  const [expected, setExpected] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; general: string | null }>({ fields: {}, general: null });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const mine = `lines.${detail.lines.length}.`;
    try {
      const line = { productId: product?.id ?? '', qty: wholeNumber(qty) as number, ...(price.trim() ? { unitPrice: price.trim() } : {}), expectedDate: expected || null };
      await client.call('purchasing.update', { id: detail.order.id, lines: [...linesInput(detail), line] });
      setProduct(null);
      setQty('');
      setPrice('');
      setExpected('');
      setErrors({ fields: {}, general: null });
    } catch (x) {
      // the API names the new line's field as lines.N.field: show it at this form's field
      const field = x instanceof ApiError ? x.details?.field : undefined;
      if (field?.startsWith(mine)) setErrors({ fields: { [field.slice(mine.length)]: (x as ApiError).details?.issues?.[0]?.message ?? errorMessage(x) }, general: null });
      else setErrors({ fields: {}, general: errorMessage(x) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form-grid po-add-line" onSubmit={(e) => void save(e)} noValidate data-testid="po-add-line">
      <div className="span-2">
        <FormError message={errors.general} />
      </div>
      <ProductPicker name="productId" label={t('po.addProduct')} value={product} onChange={setProduct} error={errors.fields.productId} className="span-2" />
      <TextField name="qty" label={t('po.qty')} value={qty} onChange={setQty} error={errors.fields.qty} inputMode="numeric" className="num-input" />
      <TextField name="unitPrice" label={t('po.price', { ccy: detail.order.currency })} hint={t('po.price.hint')} value={price} onChange={setPrice} error={errors.fields.unitPrice} inputMode="decimal" className="num-input" />
      <TextField name="expectedDate" type="date" label={t('po.lineExpected')} value={expected} onChange={setExpected} error={errors.fields.expectedDate} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" data-testid="po-add" disabled={busy}>
          {t('po.add')}
        </button>
      </div>
    </form>
  );
}
