// A select of the active locations ("TYO · Tokyo consolidation warehouse").
import type { Location } from '../../main/common/api';
import { useQuery } from '../api/hooks';
import { useT } from '../i18n';
import { SelectField } from './Field';

export function useLocations(includeArchived = false): Location[] | undefined {
  return useQuery('locations.list', { includeArchived }).data;
}

interface Props {
  name: string;
  label: string;
  value: string;
  onChange(id: string): void;
  error?: string | undefined;
  hint?: string | undefined;
  placeholder?: string;
  exclude?: string;
}

export function LocationSelect({ name, label, value, onChange, error, hint, placeholder, exclude }: Props) {
  const t = useT();
  const locations = useLocations() ?? [];
  return (
    <SelectField
      name={name}
      label={label}
      value={value}
      onChange={onChange}
      error={error}
      hint={hint}
      placeholder={placeholder ?? t('common.choose')}
      options={locations.filter((l) => l.id !== exclude).map((l) => ({ value: l.id, label: `${l.code} · ${l.name}` }))}
    />
  );
}
