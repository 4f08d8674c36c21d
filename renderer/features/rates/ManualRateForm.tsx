// Entering one day's rate by hand (the rate a bank or a supplier's invoice used).
import { useState } from 'react';
import { localToday } from '../../../main/common/format';
import { currencyList } from '../../../main/common/money';
import { client } from '../../api/client';
import { SelectField, TextField } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useT } from '../../i18n';

const FIELDS = ['base', 'quote', 'day', 'rate'] as const;

export function ManualRateForm({ base }: { base: string }) {
  const t = useT();
  const toast = useToast();
  const today = localToday();
  const [currency, setCurrency] = useState('USD');
  const [rate, setRate] = useState('');
  const [day, setDay] = useState(today);
  const { err, busy, submit, errors } = useFormSubmit(FIELDS);
  const options = currencyList()
    .filter((c) => c.code !== base)
    .map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` }));
  const save = submit(async () => {
    const q = await client.call('fx.set', { base: currency, quote: base, day, rate: rate.trim() });
    toast(t('rates.saved', { from: q.from, rate: q.rate, to: q.to, day: q.day }));
    setRate('');
  });
  return (
    <section className="card" data-testid="fx-manual">
      <h2 className="card-title">{t('rates.manual')}</h2>
      <form className="form-grid" onSubmit={save} noValidate>
        {errors.general ? <div className="form-error span-2">{errors.general}</div> : null}
        <SelectField name="base" label={t('rates.currency')} value={currency} onChange={setCurrency} options={options} error={err('base') ?? err('quote')} />
        <TextField name="rate" label={t('rates.ratePer', { cur: currency, base })} value={rate} onChange={setRate} error={err('rate')} inputMode="decimal" className="num-input" />
        <TextField name="day" type="date" label={t('rates.day')} value={day} max={today} onChange={setDay} error={err('day')} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" data-testid="fx-save" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
