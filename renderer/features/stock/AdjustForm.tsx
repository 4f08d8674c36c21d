// Stock adjustment: add (with an optional unit cost in the base currency) or remove units at a
// location, with a reason. The API decides what is allowed; its errors appear at the field.
import { useState } from 'react';
import { adjustReasons } from '../../../main/common/api';
import { formatQty, localToday, zeroAmount } from '../../../main/common/format';
import { client } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { optionalText, wholeNumber } from '../../api/input';
import { useBaseCurrency } from '../../app/settings';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { LocationSelect, useLocations } from '../../components/LocationSelect';
import { PanelForm } from '../../components/Panel';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useT } from '../../i18n';
import { DateField } from './DateField';
import { useDoneWithUndo } from './useUndo';

const FIELDS = ['productId', 'locationId', 'qty', 'unitCost', 'reason', 'note', 'occurredAt'] as const;
type Reason = (typeof adjustReasons)[number];

interface Props {
  product: PickedProduct | null;
  locationId?: string | null;
  onClose(): void;
}

export function AdjustForm({ product: initialProduct, locationId: initialLocation, onClose }: Props) {
  const t = useT();
  const done = useDoneWithUndo();
  const ccy = useBaseCurrency();
  const locations = useLocations() ?? [];
  const [product, setProduct] = useState<PickedProduct | null>(initialProduct);
  const [locationId, setLocationId] = useState(initialLocation ?? '');
  const [dir, setDir] = useState<1 | -1>(1);
  const [qty, setQty] = useState('');
  const [unitCost, setUnitCost] = useState('');
  const [reason, setReason] = useState<Reason>('received');
  const [reasonTouched, setReasonTouched] = useState(false);
  const [note, setNote] = useState('');
  const today = localToday();
  const [date, setDate] = useState(today);
  const { errors, err, busy, submit } = useFormSubmit(FIELDS);

  const detail = useQuery('products.get', { id: product?.id ?? '' }, { enabled: !!product });
  const here = detail.data?.balances.find((b) => b.locationId === locationId);
  const loc = locations.find((l) => l.id === locationId);

  const setDirection = (d: 1 | -1) => {
    setDir(d);
    if (!reasonTouched) setReason(d > 0 ? 'received' : 'damaged');
  };

  const save = submit(async () => {
    const n = wholeNumber(qty);
    const signed = typeof n === 'number' ? n * dir : n;
    const res = await client.call('stock.adjust', {
      productId: product?.id ?? '',
      locationId,
      qty: signed as number,
      ...(dir > 0 && unitCost.trim() ? { unitCost: unitCost.trim() } : {}),
      reason,
      note: optionalText(note),
      ...(date && date !== today ? { occurredAt: date } : {}),
    });
    const m = res.movements[0];
    done(t('adjust.done', { sku: m?.sku ?? product?.sku ?? '', qty: m ? (m.qty > 0 ? '+' : '') + m.qty : String(signed), loc: m?.locationCode ?? loc?.code ?? '' }), res.docId);
    onClose();
  });

  return (
    <PanelForm title={t('adjust.title')} onClose={onClose} testId="adjust-form" onSubmit={save} busy={busy} error={errors.general}>
      <ProductPicker name="productId" label={t('adjust.product')} value={product} onChange={setProduct} error={err('productId')} className="span-2" />
      <LocationSelect
        name="locationId"
        label={t('adjust.location')}
        value={locationId}
        onChange={setLocationId}
        error={err('locationId')}
        hint={product && locationId ? t('adjust.onHandHere', { n: formatQty(here?.onHand ?? 0) }) : undefined}
      />
      <div className="field">
        <span className="label">{t('adjust.direction')}</span>
        <div className="segmented" role="radiogroup" aria-label={t('adjust.direction')}>
          <button type="button" role="radio" aria-checked={dir > 0} className={dir > 0 ? 'on' : ''} data-testid="direction-in" onClick={() => setDirection(1)}>
            {t('adjust.in')}
          </button>
          <button type="button" role="radio" aria-checked={dir < 0} className={dir < 0 ? 'on out' : ''} data-testid="direction-out" onClick={() => setDirection(-1)}>
            {t('adjust.out')}
          </button>
        </div>
      </div>
      <TextField name="qty" label={t('adjust.qty')} value={qty} onChange={setQty} error={err('qty')} inputMode="numeric" className="num-input" />
      {dir > 0 ? (
        <TextField
          name="unitCost"
          label={t('adjust.unitCost', { ccy })}
          value={unitCost}
          onChange={setUnitCost}
          error={err('unitCost')}
          hint={t('adjust.unitCost.hint')}
          inputMode="decimal"
          placeholder={zeroAmount(ccy)}
          className="num-input"
        />
      ) : (
        <div />
      )}
      <SelectField
        name="reason"
        label={t('adjust.reason')}
        value={reason}
        onChange={(v) => {
          setReason(v as Reason);
          setReasonTouched(true);
        }}
        error={err('reason')}
        options={adjustReasons.map((r) => ({ value: r, label: t(`reason.${r}`) }))}
      />
      <DateField value={date} max={today} onChange={setDate} error={err('occurredAt')} label={t('adjust.date')} />
      <TextAreaField name="note" label={t('adjust.note')} value={note} onChange={setNote} error={err('note')} className="span-2" rows={2} />
    </PanelForm>
  );
}
