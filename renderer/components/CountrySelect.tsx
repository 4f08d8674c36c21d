// ISO 3166 countries with English and Chinese names (from main/common/data/countries.json).
import { useMemo } from 'react';
import { countryOptions, useI18n } from '../i18n';
import { SelectField } from './Field';

interface Props {
  name: string;
  label: string;
  value: string;
  onChange(code: string): void;
  error?: string | undefined;
  hint?: string;
}

export function CountrySelect({ name, label, value, onChange, error, hint }: Props) {
  const { locale, t } = useI18n();
  const options = useMemo(() => countryOptions(locale).map((c) => ({ value: c.code, label: c.label })), [locale]);
  return <SelectField name={name} label={label} value={value} onChange={onChange} error={error} hint={hint} options={options} placeholder={t('common.none')} />;
}
