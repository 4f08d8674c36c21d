// HS code field with a lookup in the HS 2022 nomenclature as you type (digits or words).
// Picking a chapter or heading narrows the search; picking a 6-digit subheading fills the code.
import { useState } from 'react';
import { useDebounced, useQuery } from '../../api/hooks';
import { Field } from '../../components/Field';
import { Suggest } from '../../components/Suggest';
import { useT } from '../../i18n';

interface Props {
  value: string;
  onChange(v: string): void;
  error?: string | undefined;
}

export function HsLookup({ value, onChange, error }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const q = useDebounced(value.trim(), 120);
  const res = useQuery('reference.hs', { q, limit: 12 }, { enabled: q !== '', events: [] });
  const entries = q !== '' ? (res.data ?? []) : [];
  const code = value.replace(/[.\s]/g, '');
  const exact = entries.find((e) => e.code === code || (code.length > 6 && e.code === code.slice(0, 6)));
  const items = entries.map((e) => ({
    key: e.code,
    entry: e,
    title: (
      <>
        <span className={`mono hs-code hs-level-${e.level}`}>{e.code}</span> {e.description}
      </>
    ),
  }));

  return (
    <Field name="hsCode" label={t('field.hsCode')} error={error} hint={exact ? exact.description : t('field.hsCode.hint')} className="span-2">
      <Suggest
        name="hsCode"
        value={value}
        onText={onChange}
        items={items}
        open={open && q !== '' && !(exact && exact.code === code && exact.level >= 6)}
        setOpen={setOpen}
        onPick={(item) => {
          onChange(item.entry.code);
          if (item.entry.level < 6) setTimeout(() => setOpen(true), 0);
        }}
        emptyText={res.loading ? t('common.loading') : t('picker.none')}
        inputProps={{ placeholder: '330499', inputMode: 'search', 'aria-invalid': error ? true : undefined }}
      />
    </Field>
  );
}
