// Customs clearance of an inbound shipment: status, broker, entry number and the day it cleared.
// The landed-cost document made from the shipment is dated that day.
import { noErrors, pathErrors, type FormErrors } from '../../api/errors';
import { useEffect, useState } from 'react';
import type { CustomsStatus, ShipmentDetail } from '../../../main/common/api';
import { localToday } from '../../../main/common/format';
import { client } from '../../api/client';
import { optionalText } from '../../api/input';
import { FormError, SelectField, TextField } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';

export const CUSTOMS_STATUSES: CustomsStatus[] = ['not_started', 'submitted', 'held', 'cleared'];
const FIELDS = ['status', 'broker', 'entryNumber', 'clearedOn'];

export function CustomsCard({ d }: { d: ShipmentDetail }) {
  const t = useT();
  const toast = useToast();
  const s = d.shipment;
  const [status, setStatus] = useState<CustomsStatus>(s.customsStatus ?? 'not_started');
  const [broker, setBroker] = useState(s.customsBroker ?? '');
  const [entry, setEntry] = useState(s.customsEntry ?? '');
  const [clearedOn, setClearedOn] = useState(s.customsClearedOn ?? '');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const stored = `${s.customsStatus}|${s.customsBroker}|${s.customsEntry}|${s.customsClearedOn}`;
  useEffect(() => {
    setStatus(s.customsStatus ?? 'not_started');
    setBroker(s.customsBroker ?? '');
    setEntry(s.customsEntry ?? '');
    setClearedOn(s.customsClearedOn ?? '');
  }, [stored]);

  const pickStatus = (v: string) => {
    const next = v as CustomsStatus;
    setStatus(next);
    if (next === 'cleared' && !clearedOn) setClearedOn(localToday());
    if (next !== 'cleared') setClearedOn('');
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await client.call('shipments.setCustoms', { id: s.id, status, broker: optionalText(broker), entryNumber: optionalText(entry), clearedOn: clearedOn || null });
      setErrors(noErrors);
      toast(t('shipments.customs.saved'));
    } catch (x) {
      setErrors(pathErrors(x, (p) => FIELDS.includes(p)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" data-testid="shipment-customs">
      <h2 className="card-title">
        {t('shipments.customs.title')}{' '}
        {s.customsStatus ? (
          <span className={`tag sh-customs-${s.customsStatus}`} data-testid="customs-status">
            {t(`shipments.customs.status.${s.customsStatus}`)}
            {s.customsClearedOn ? ` · ${s.customsClearedOn}` : ''}
          </span>
        ) : null}
      </h2>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="customs-form">
        <FormError message={errors.general} />
        <div className="form-grid">
          <SelectField name="customsStatus" label={t('shipments.customs.status')} value={status} onChange={pickStatus} error={errors.fields.status} options={CUSTOMS_STATUSES.map((c) => ({ value: c, label: t(`shipments.customs.status.${c}`) }))} />
          <TextField name="clearedOn" type="date" label={t('shipments.customs.clearedOn')} value={clearedOn} max={localToday()} onChange={setClearedOn} error={errors.fields.clearedOn} disabled={status !== 'cleared'} />
          <TextField name="broker" label={t('shipments.customs.broker')} value={broker} onChange={setBroker} error={errors.fields.broker} maxLength={120} />
          <TextField name="entryNumber" label={t('shipments.customs.entry')} value={entry} onChange={setEntry} error={errors.fields.entryNumber} maxLength={60} />
        </div>
        <div className="sh-form-foot">
          <button type="submit" className="btn btn-primary" data-testid="customs-save" disabled={busy}>
            {t('shipments.customs.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
