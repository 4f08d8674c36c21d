// Move units from one location to another at their average cost. The available quantity at the
// source is shown; asking for more than that comes back as an error at the quantity.
import { useState } from 'react';
import { formatQty, localToday } from '../../../main/common/format';
import { client } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { optionalText, wholeNumber } from '../../api/input';
import { TextAreaField, TextField } from '../../components/Field';
import { LocationSelect } from '../../components/LocationSelect';
import { PanelForm } from '../../components/Panel';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useT } from '../../i18n';
import { DateField } from './DateField';
import { useDoneWithUndo } from './useUndo';

const FIELDS = ['productId', 'fromLocationId', 'toLocationId', 'qty', 'note', 'occurredAt'] as const;

interface Props {
  product: PickedProduct | null;
  fromLocationId?: string | null;
  onClose(): void;
}

export function TransferForm({ product: initialProduct, fromLocationId: initialFrom, onClose }: Props) {
  const t = useT();
  const done = useDoneWithUndo();
  const [product, setProduct] = useState<PickedProduct | null>(initialProduct);
  const [from, setFrom] = useState(initialFrom ?? '');
  const [to, setTo] = useState('');
  const [qty, setQty] = useState('');
  const [note, setNote] = useState('');
  const today = localToday();
  const [date, setDate] = useState(today);
  const { errors, err, busy, submit } = useFormSubmit(FIELDS);

  const detail = useQuery('products.get', { id: product?.id ?? '' }, { enabled: !!product });
  const balances = detail.data?.balances ?? [];
  const source = balances.find((b) => b.locationId === from);
  // Default the source to where the product is, when it is in one place only.
  const held = balances.filter((b) => b.onHand > 0);
  if (!from && held.length === 1 && held[0]) setFrom(held[0].locationId);

  const save = submit(async () => {
    const res = await client.call('stock.transfer', {
      productId: product?.id ?? '',
      fromLocationId: from,
      toLocationId: to,
      qty: wholeNumber(qty) as number,
      note: optionalText(note),
      ...(date && date !== today ? { occurredAt: date } : {}),
    });
    const out = res.movements.find((m) => m.qty < 0);
    const inn = res.movements.find((m) => m.qty > 0);
    done(t('transfer.done', { qty: inn?.qty ?? qty, sku: inn?.sku ?? product?.sku ?? '', from: out?.locationCode ?? '', to: inn?.locationCode ?? '' }), res.docId);
    onClose();
  });

  return (
    <PanelForm title={t('transfer.title')} onClose={onClose} testId="transfer-form" onSubmit={save} busy={busy} error={errors.general}>
      <ProductPicker name="productId" label={t('adjust.product')} value={product} onChange={setProduct} error={err('productId')} className="span-2" />
      <LocationSelect
        name="fromLocationId"
        label={t('transfer.from')}
        value={from}
        onChange={setFrom}
        error={err('fromLocationId')}
        hint={product && from ? t('transfer.available', { n: formatQty(source?.available ?? 0) }) : undefined}
      />
      <LocationSelect name="toLocationId" label={t('transfer.to')} value={to} onChange={setTo} error={err('toLocationId')} exclude={from} />
      <TextField name="qty" label={t('adjust.qty')} value={qty} onChange={setQty} error={err('qty')} inputMode="numeric" className="num-input" />
      <DateField value={date} max={today} onChange={setDate} error={err('occurredAt')} label={t('adjust.date')} />
      <TextAreaField name="note" label={t('adjust.note')} value={note} onChange={setNote} error={err('note')} className="span-2" rows={2} />
    </PanelForm>
  );
}
