// Settings: base currency (only until the first movement), the name put on movements, language.
import { useEffect, useMemo, useState } from 'react';
import { currencyList } from '../../../main/common/money';
import { client } from '../../api/client';
import { errorMessage, noErrors } from '../../api/errors';
import { useSettings } from '../../app/settings';
import { FormError, SelectField, TextField } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useT, type Locale } from '../../i18n';

const FIELDS = ['baseCurrency', 'userName', 'locale'] as const;

export function SettingsPage() {
  const t = useT();
  const toast = useToast();
  const { settings } = useSettings();
  const [baseCurrency, setBaseCurrency] = useState('');
  const [userName, setUserName] = useState('');
  const { errors, setErrors, busy, submit } = useFormSubmit(FIELDS);
  const currencies = useMemo(() => currencyList().map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` })), []);

  useEffect(() => {
    if (settings) {
      setBaseCurrency(settings.baseCurrency);
      setUserName(settings.userName);
    }
  }, [settings]);

  if (!settings) return <div className="page loading-block">{t('common.loading')}</div>;

  const save = submit(async () => {
    await client.call('settings.update', {
      ...(settings.ledgerStarted || baseCurrency === settings.baseCurrency ? {} : { baseCurrency }),
      userName: userName.trim(),
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
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" data-testid="save" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
      <p className="muted small">{t('settings.about')}</p>
    </div>
  );
}
