// A product's own duty (and excise) rate per customs profile: used by the calculator and landed-
// cost documents before the profile's tariff. Add or change one, or remove it.
import { useState, type FormEvent } from 'react';
import { fractionToPercent, percentToFraction } from '../../../main/common/calc/pricing';
import { client } from '../../api/client';
import { toFormErrors, noErrors, type FormErrors } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { FormError, SelectField, TextField } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import '../../styles/calculator.css';

const FIELDS = ['profileCode', 'dutyRate', 'exciseRate'] as const;

export function DutyRates({ productId }: { productId: string }) {
  const t = useT();
  const toast = useToast();
  const rates = useQuery('landed.productRates', { productId }, { events: ['landed.changed'] });
  const profiles = useQuery('landed.profiles', {}, { events: ['landed.changed'] });
  const [profileCode, setProfileCode] = useState('');
  const [duty, setDuty] = useState('');
  const [excise, setExcise] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  const names = new Map((profiles.data ?? []).map((p) => [p.code, p.name]));
  const options = [...names].map(([code, name]) => ({ value: code, label: `${code} — ${name}` }));
  const rows = rates.data ?? [];

  const call = async (code: string, dutyRate: string | null, exciseRate: string | null) => {
    setBusy(true);
    try {
      await client.call('landed.setProductRate', { productId, profileCode: code, dutyRate, exciseRate });
      rates.refetch();
      return true;
    } catch (e) {
      setErrors(toFormErrors(e, FIELDS));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!profileCode) return setErrors({ fields: { profileCode: 'is required' }, general: null });
    if (!duty.trim()) return setErrors({ fields: { dutyRate: 'is required' }, general: null });
    setErrors(noErrors);
    if (await call(profileCode, percentToFraction(duty), percentToFraction(excise))) {
      toast(t('customs.rate.saved', { code: profileCode }));
      setProfileCode('');
      setDuty('');
      setExcise('');
    }
  };

  const edit = (code: string, d: string, x: string | null) => {
    setProfileCode(code);
    setDuty(fractionToPercent(d));
    setExcise(fractionToPercent(x));
    setErrors(noErrors);
  };

  return (
    <div className="duty-rates" data-testid="duty-rates">
      {rows.length ? (
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('customs.rate.profile')}</th>
              <th className="right">{t('customs.rate.duty')}</th>
              <th className="right">{t('customs.rate.excise')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.profileCode} data-testid="duty-rate-row" data-profile={r.profileCode}>
                <td>
                  <span className="mono">{r.profileCode}</span> <span className="muted">{names.get(r.profileCode) ?? ''}</span>
                </td>
                <td className="right num">{fractionToPercent(r.dutyRate)}%</td>
                <td className="right num">{r.exciseRate === null ? '—' : `${fractionToPercent(r.exciseRate)}%`}</td>
                <td className="right row-actions">
                  <button type="button" className="btn btn-small btn-quiet" data-testid="duty-rate-edit" onClick={() => edit(r.profileCode, r.dutyRate, r.exciseRate)}>
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-quiet"
                    data-testid="duty-rate-remove"
                    disabled={busy}
                    onClick={() => void call(r.profileCode, null, null).then((ok) => ok && toast(t('customs.rate.removed', { code: r.profileCode })))}
                  >
                    {t('common.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted small">{t('customs.rate.empty')}</p>
      )}
      <form className="duty-rates-form" onSubmit={(e) => void save(e)} noValidate data-testid="duty-rate-form">
        <SelectField name="duty-profile" label={t('customs.rate.profile')} value={profileCode} onChange={setProfileCode} options={options} placeholder={t('common.choose')} error={errors.fields.profileCode} />
        <TextField name="duty-rate" label={t('customs.rate.dutyPct')} value={duty} onChange={setDuty} inputMode="decimal" className="num-input" error={errors.fields.dutyRate} />
        <TextField name="duty-excise" label={t('customs.rate.excisePct')} value={excise} onChange={setExcise} inputMode="decimal" className="num-input" error={errors.fields.exciseRate} />
        <button type="submit" className="btn btn-primary" data-testid="duty-rate-save" disabled={busy}>
          {t('common.save')}
        </button>
      </form>
      <FormError message={errors.general} />
    </div>
  );
}
