// A scanned code that no product has: offered as the barcode of a product the merchant picks
// (products.update), so the next scan finds it.
import { useState } from 'react';
import { client } from '../api/client';
import { errorMessage } from '../api/errors';
import { useT } from '../i18n';
import { localiseApiMessage } from '../i18n/api-messages';
import { FormError } from './Field';
import { ProductPicker, type PickedProduct } from './ProductPicker';
import { useToast } from './Toasts';

/** A code no product has: make it the barcode of a product the merchant picks, then count it. */
export function AssignCode({ code, onDone }: { code: string; onDone(assigned: PickedProduct | null): void }) {
  const t = useT();
  const toast = useToast();
  const [product, setProduct] = useState<PickedProduct | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const assign = async () => {
    if (!product || busy) return;
    setBusy(true);
    try {
      await client.call('products.update', { id: product.id, barcode: code });
      toast(t('scan.assigned', { code, sku: product.sku }));
      onDone(product);
    } catch (e) {
      setError(localiseApiMessage(t, errorMessage(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="scan-problem" role="alert" data-testid="assign-code">
      <p>{t('scan.unknown', { code })}</p>
      <p className="strong">{t('scan.assign', { code })}</p>
      <FormError message={error} />
      <div className="scan-assign">
        <ProductPicker name="assign-product" label={t('scan.assignPick')} value={product} onChange={setProduct} />
        <button type="button" className="btn btn-primary" data-testid="assign-code-save" disabled={!product || busy} onClick={() => void assign()}>
          {t('scan.assignSave')}
        </button>
        <button type="button" className="btn" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
