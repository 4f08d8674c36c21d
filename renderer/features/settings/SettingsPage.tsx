// Settings: base currency (only until the first movement), the name put on movements, language,
// and the business details printed as the seller on shipping papers.
import { useEffect, useMemo, useState } from 'react';
import { currencyList } from '../../../main/common/money';
import { client } from '../../api/client';
import { errorMessage, noErrors, pathErrors, type FormErrors } from '../../api/errors';
import { useSettings } from '../../app/settings';
import { CountrySelect } from '../../components/CountrySelect';
import { FormError, SelectField, TextAreaField, TextField } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useT, type Locale } from '../../i18n';
import { optionalText } from '../../api/input';

const FIELDS = ['baseCurrency', 'userName', 'locale', 'attachmentMaxMb'] as const;

export function SettingsPage() {
  const t = useT();
  const toast = useToast();
  const { settings } = useSettings();
  const [baseCurrency, setBaseCurrency] = useState('');
  const [userName, setUserName] = useState('');
  const [maxMb, setMaxMb] = useState('');
  const { errors, setErrors, busy, submit } = useFormSubmit(FIELDS);
  const currencies = useMemo(() => currencyList().map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` })), []);

  useEffect(() => {
    if (settings) {
      setBaseCurrency(settings.baseCurrency);
      setUserName(settings.userName);
      setMaxMb(String(settings.attachmentMaxMb));
    }
  }, [settings]);

  if (!settings) return <div className="page loading-block">{t('common.loading')}</div>;

  const save = submit(async () => {
    await client.call('settings.update', {
      ...(settings.ledgerStarted || baseCurrency === settings.baseCurrency ? {} : { baseCurrency }),
      userName: userName.trim(),
      // typed text goes as a number, so a wrong one is named by the API at its field
      attachmentMaxMb: Number(maxMb.trim() || NaN),
    });
    setErrors(noErrors);
    toast(t('settings.saved'));
  });

  const setLocale = async (locale: Locale) => {
    try {
      await client.call('settings.update', { locale });
    } catch (x) {
      toast(errorMessage(x), 'error');
    }
  };

  return (
    <div className="page page-narrow">
      <header className="page-head">
        <h1>{t('settings.title')}</h1>
      </header>
      <section className="card">
        <h2 className="card-title">{t('settings.language')}</h2>
        <div className="segmented" role="radiogroup" aria-label={t('settings.language')} data-testid="field-locale">
          {(['en', 'zh'] as const).map((l) => (
            <button key={l} type="button" role="radio" aria-checked={settings.locale === l} className={settings.locale === l ? 'on' : ''} data-testid={`locale-${l}`} onClick={() => void setLocale(l)}>
              {l === 'en' ? 'English' : '简体中文'}
            </button>
          ))}
        </div>
      </section>
      <form className="card" onSubmit={save} noValidate data-testid="settings-form">
        <FormError message={errors.general} />
        <div className="form-grid">
          <SelectField
            name="baseCurrency"
            label={t('settings.baseCurrency')}
            value={baseCurrency}
            onChange={setBaseCurrency}
            options={currencies}
            disabled={settings.ledgerStarted}
            error={errors.fields.baseCurrency}
            hint={settings.ledgerStarted ? t('settings.baseCurrency.locked', { ccy: settings.baseCurrency }) : t('settings.baseCurrency.hint')}
          />
          <TextField name="userName" label={t('settings.userName')} value={userName} onChange={setUserName} error={errors.fields.userName} hint={t('settings.userName.hint')} />
          <TextField name="attachmentMaxMb" label={t('settings.attachmentMaxMb')} value={maxMb} onChange={setMaxMb} error={errors.fields.attachmentMaxMb} inputMode="numeric" />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" data-testid="save" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
      <BusinessForm />
      <p className="muted small">{t('settings.about')}</p>
    </div>
  );
}

/** Who the merchant is, printed as the seller on commercial invoices and packing lists. */
function BusinessForm() {
  const t = useT();
  const toast = useToast();
  const { settings } = useSettings();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [country, setCountry] = useState('');
  const [taxId, setTaxId] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const stored = settings?.business;
  useEffect(() => {
    if (stored) {
      setName(stored.name ?? '');
      setAddress(stored.address ?? '');
      setCountry(stored.country ?? '');
      setTaxId(stored.taxId ?? '');
    }
  }, [stored]);
  if (!settings) return null;

  const err = (f: string) => errors.fields[`business.${f}`];
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await client.call('settings.update', { business: { name: optionalText(name), address: optionalText(address), country: country || null, taxId: optionalText(taxId) } });
      setErrors(noErrors);
      toast(t('settings.saved'));
    } catch (x) {
      setErrors(pathErrors(x, (p) => /^business\.(name|address|country|taxId)$/.test(p)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={(e) => void save(e)} noValidate data-testid="business-form">
      <h2 className="card-title">{t('settings.business.title')}</h2>
      <p className="muted small">{t('settings.business.hint')}</p>
      <FormError message={errors.general} />
      <div className="form-grid">
        <TextField name="businessName" label={t('settings.business.name')} value={name} onChange={setName} error={err('name')} maxLength={200} />
        <TextField name="businessTaxId" label={t('settings.business.taxId')} value={taxId} onChange={setTaxId} error={err('taxId')} hint={t('settings.business.taxIdHint')} maxLength={60} />
        <TextAreaField name="businessAddress" className="span-2" label={t('settings.business.address')} value={address} onChange={setAddress} error={err('address')} maxLength={500} />
        <CountrySelect name="businessCountry" label={t('settings.business.country')} value={country} onChange={setCountry} error={err('country')} />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" data-testid="business-save" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
