// Barcodes for products that have none: the next EAN-13 numbers under an in-store prefix, for labels
// and scanning (products.assignBarcodes). Products that have a barcode keep it.
import { useState } from 'react';
import { client } from '../../api/client';
import { TextField } from '../../components/Field';
import { PanelForm } from '../../components/Panel';
import { useToast } from '../../components/Toasts';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useT } from '../../i18n';

const FIELDS = ['prefix'] as const;

export function BarcodesPanel({ onClose }: { onClose(): void }) {
  const t = useT();
  const toast = useToast();
  const [prefix, setPrefix] = useState('04');
  const { errors, err, busy, submit } = useFormSubmit(FIELDS);

  const save = submit(async () => {
    const r = await client.call('products.assignBarcodes', { prefix: prefix.trim() });
    toast(t('products.barcodes.done', { n: r.assigned.length }));
    onClose();
  });

  return (
    <PanelForm title={t('products.barcodes.title')} onClose={onClose} testId="barcodes-panel" onSubmit={save} busy={busy} error={errors.general}>
      <p className="muted small span-2">{t('products.barcodes.intro')}</p>
      <TextField name="prefix" label={t('products.barcodes.prefix')} hint={t('products.barcodes.prefixHint')} value={prefix} onChange={setPrefix} error={err('prefix')} inputMode="numeric" className="mono-input" />
    </PanelForm>
  );
}
