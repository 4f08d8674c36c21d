// "Label": the products' labels as a PDF to print — one a page in a label printer's size, or 24 to
// an A4 sheet (products.labels). For a list, the products are found when the button is pressed.
import { useState } from 'react';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { downloadBase64 } from '../../components/download';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';

const SIZES = ['50x30', '40x30', '62x29', 'a4-3x8'] as const;
type Size = (typeof SIZES)[number];

export function LabelsButton({ productIds, label = 'labels.print' }: { productIds: string[] | (() => Promise<string[]>); label?: 'labels.print' | 'labels.printList' }) {
  const t = useT();
  const toast = useToast();
  const [size, setSize] = useState<Size>('50x30');
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setBusy(true);
    try {
      const ids = typeof productIds === 'function' ? await productIds() : productIds;
      if (!ids.length) return toast(t('labels.none'), 'error');
      const f = await client.call('products.labels', { productIds: ids, size });
      downloadBase64(f.fileName, f.mimeType, f.base64);
    } catch (e) {
      toast(errorMessage(e), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="export-buttons" role="group" aria-label={t('labels.label')}>
      <select value={size} onChange={(e) => setSize(e.target.value as Size)} data-testid="label-size" aria-label={t('labels.size')}>
        {SIZES.map((s) => (
          <option key={s} value={s}>
            {t(`labels.size.${s}`)}
          </option>
        ))}
      </select>
      <button type="button" className="btn" data-testid="print-labels" disabled={busy} onClick={() => void print()}>
        ⤓ {t(label)}
      </button>
    </span>
  );
}
