// A return in a side panel, new or (while open) edited. From a customer: who (and the outbound
// shipment it left on, whose lines can be copied in); to a supplier: which supplier and the
// location the goods leave from. Then the lines (product, quantity, reason, optionally the unit
// cost) and the carrier. Created, it opens.
import { useState, type FormEvent } from 'react';
import type { Input, ReturnDetail, ReturnDirection, ReturnReason } from '../../../main/common/api';
import { client } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { optionalText } from '../../api/input';
import { navigate, paths } from '../../app/router';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { LocationSelect } from '../../components/LocationSelect';
import { PanelForm } from '../../components/Panel';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { LinesEditor, newLine, type DraftLine } from './LinesEditor';
import { DIRECTIONS, errorsByPath, qtyOf } from './util';

const linesOf = (d: ReturnDetail): DraftLine[] =>
  d.lines.map((l) => ({ ...newLine(), product: { id: l.productId, sku: l.sku, name: l.name }, qty: String(l.qty), reason: l.reason, reasonNote: l.reasonNote ?? '', unitCost: l.unitCost ?? '' }));

export function NewReturnPanel({ onClose, existing }: { onClose(): void; existing?: ReturnDetail }) {
  const t = useT();
  const toast = useToast();
  const r = existing?.return;
  const [direction, setDirection] = useState<ReturnDirection>(r?.direction ?? 'from_customer');
  const [customer, setCustomer] = useState(r?.customer ?? '');
  const [shipmentId, setShipmentId] = useState(r?.shipmentId ?? '');
  const [supplierId, setSupplierId] = useState(r?.supplierId ?? '');
  const [locationId, setLocationId] = useState(r?.locationId ?? '');
  const [carrier, setCarrier] = useState(r?.carrier ?? '');
  const [tracking, setTracking] = useState(r?.tracking ?? '');
  const [notes, setNotes] = useState(r?.notes ?? '');
  const [lines, setLines] = useState<DraftLine[]>(existing ? linesOf(existing) : [newLine()]);
  const [errors, setErrors] = useState<ReturnType<typeof errorsByPath>>({ fields: {}, general: null });
  const [busy, setBusy] = useState(false);
  const err = (f: string) => errors.fields[f];

  const fromCustomer = direction === 'from_customer';
  const suppliers = useQuery('suppliers.list', {}, { enabled: !fromCustomer }).data ?? [];
  const shipments = useQuery('shipments.list', { direction: 'outbound', limit: 200 }, { enabled: fromCustomer }).data?.rows ?? [];

  /** The shipment it left on: its customer, and its lines when none are entered yet. */
  const pickShipment = async (id: string) => {
    setShipmentId(id);
    if (!id) return;
    try {
      const d = await client.call('shipments.get', { id });
      if (!customer.trim() && d.shipment.customer) setCustomer(d.shipment.customer);
      setLines((cur) =>
        cur.some((l) => l.product)
          ? cur
          : d.lines.map((l): DraftLine => ({ ...newLine(), product: { id: l.productId, sku: l.sku, name: l.name }, qty: String(l.qty) })),
      );
    } catch (e) {
      toast(e instanceof Error ? e.message : String(e), 'error');
    }
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const input: Input<'returns.create'> = {
        direction,
        supplierId: !fromCustomer && supplierId ? supplierId : null,
        locationId: !fromCustomer && locationId ? locationId : null,
        customer: fromCustomer ? optionalText(customer) : null,
        shipmentId: fromCustomer && shipmentId ? shipmentId : null,
        carrier: optionalText(carrier),
        tracking: optionalText(tracking),
        notes: optionalText(notes),
        lines: lines.map((l) => ({
          productId: l.product?.id ?? '',
          qty: qtyOf(l.qty),
          reason: l.reason as ReturnReason,
          reasonNote: optionalText(l.reasonNote),
          unitCost: optionalText(l.unitCost),
        })),
      };
      if (r) {
        const { direction: _d, supplierId: _s, ...fields } = input;
        await client.call('returns.update', { id: r.id, ...fields });
        toast(t('returns.saved', { number: r.number }));
        onClose();
        return;
      }
      const d = await client.call('returns.create', input);
      toast(t('returns.created', { number: d.return.number }));
      onClose();
      navigate(paths.return(d.return.id));
    } catch (x) {
      setErrors(errorsByPath(x));
    } finally {
      setBusy(false);
    }
  };

  const shown = new Set(['direction', 'customer', 'shipmentId', 'supplierId', 'locationId', 'carrier', 'tracking', 'notes']);
  const lineError = Object.keys(errors.fields).some((f) => f === 'lines' || f.startsWith('lines.'));
  const stray = Object.entries(errors.fields).filter(([f]) => !shown.has(f) && !f.startsWith('lines'));
  const general = errors.general ?? (stray.length ? stray.map(([f, m]) => `${f}: ${m}`).join('; ') : null);

  return (
    <PanelForm title={r ? t('returns.edit', { number: r.number }) : t('returns.new')} onClose={onClose} testId="return-form" wide onSubmit={(e) => void onSubmit(e)} busy={busy} error={general}>
      <SelectField
        name="direction"
        label={t('returns.f.direction')}
        value={direction}
        onChange={(v) => setDirection(v as ReturnDirection)}
        disabled={Boolean(r)}
        error={err('direction')}
        options={DIRECTIONS.map((d) => ({ value: d, label: t(`returns.direction.${d}`) }))}
      />
      {fromCustomer ? (
        <>
          <SelectField
            name="shipmentId"
            label={t('returns.f.shipment')}
            value={shipmentId}
            onChange={(id) => void pickShipment(id)}
            error={err('shipmentId')}
            hint={t('returns.f.shipmentHint')}
            placeholder={t('returns.f.noShipment')}
            options={shipments.map((s) => ({ value: s.id, label: [s.number, s.customer].filter(Boolean).join(' · ') }))}
          />
          <TextField name="customer" label={t('returns.f.customer')} value={customer} onChange={setCustomer} error={err('customer')} maxLength={200} />
        </>
      ) : (
        <>
          <SelectField
            name="supplierId"
            label={t('returns.f.supplier')}
            value={supplierId}
            onChange={setSupplierId}
            disabled={Boolean(r)}
            error={err('supplierId')}
            placeholder={t('common.choose')}
            options={suppliers.map((s) => ({ value: s.id, label: s.name }))}
          />
          <LocationSelect name="locationId" label={t('returns.f.location')} value={locationId} onChange={setLocationId} error={err('locationId')} hint={t('returns.f.locationHint')} />
        </>
      )}
      <div className="field span-2">
        <label>{t('returns.lines.title')}</label>
        <LinesEditor lines={lines} onChange={setLines} errors={errors.fields} />
        {lineError && errors.fields.lines ? (
          <div className="field-error" role="alert" data-testid="error-lines">
            {errors.fields.lines}
          </div>
        ) : null}
      </div>
      <TextField name="carrier" label={t('returns.f.carrier')} value={carrier} onChange={setCarrier} error={err('carrier')} maxLength={60} />
      <TextField name="tracking" label={t('returns.f.tracking')} value={tracking} onChange={setTracking} error={err('tracking')} maxLength={40} />
      <TextAreaField name="notes" className="span-2" label={t('returns.f.notes')} value={notes} onChange={setNotes} error={err('notes')} />
    </PanelForm>
  );
}
