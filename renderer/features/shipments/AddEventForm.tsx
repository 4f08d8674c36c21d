// A tracking event entered by hand; the API's refusals show under their field, and a duplicate
// is reported (skipped), not added twice.
import { useState } from 'react';
import type { ShipmentStatus } from '../../../main/common/api';
import { client } from '../../api/client';
import { nestedErrors, noErrors, type FormErrors } from '../../api/errors';
import { optionalText } from '../../api/input';
import { FormError, SelectField, TextField } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { eventTime, STATUSES } from './util';

const FIELDS = ['at', 'status', 'place', 'text'] as const;

export function AddEventForm({ shipmentId }: { shipmentId: string }) {
  const t = useT();
  const toast = useToast();
  const [at, setAt] = useState('');
  const [status, setStatus] = useState<ShipmentStatus>('in_transit');
  const [place, setPlace] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const r = await client.call('shipments.addEvents', { shipmentId, events: [{ at: eventTime(at), status, place: optionalText(place), text: optionalText(text) }] });
      setErrors(noErrors);
      toast(t('shipments.event.added', { added: r.added, duplicates: r.duplicates }));
      setAt('');
      setPlace('');
      setText('');
    } catch (x) {
      setErrors(nestedErrors(x, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" data-testid="add-event">
      <h2 className="card-title">{t('shipments.event.title')}</h2>
      <form className="sh-event-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormError message={errors.general} />
        <div className="form-grid">
          <TextField name="at" label={t('shipments.event.at')} hint={t('shipments.event.atHint')} placeholder="2026-03-14 09:30" value={at} onChange={setAt} error={errors.fields.at} />
          <SelectField name="status" label={t('shipments.event.status')} value={status} onChange={(v) => setStatus(v as ShipmentStatus)} error={errors.fields.status} options={STATUSES.map((s) => ({ value: s, label: t(`shipments.status.${s}`) }))} />
          <TextField name="place" label={t('shipments.event.place')} value={place} onChange={setPlace} error={errors.fields.place} maxLength={200} />
          <TextField name="text" label={t('shipments.event.text')} value={text} onChange={setText} error={errors.fields.text} maxLength={500} />
        </div>
        <div className="sh-form-foot">
          <button type="submit" className="btn btn-primary" data-testid="add-event-submit" disabled={busy}>
            {t('shipments.event.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
