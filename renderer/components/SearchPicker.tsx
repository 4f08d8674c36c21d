// Choose one record by typing part of it: a text field whose suggestions come from a search the
// caller supplies (products, customers…). Picked, the field shows the record's label; typing again
// clears the choice; × empties it.
import { useEffect, useState, type ReactNode } from 'react';
import { useDebounced } from '../api/hooks';
import { useT } from '../i18n';
import { Field } from './Field';
import { Suggest } from './Suggest';

export interface SearchResult<T> {
  items: { key: string; title: ReactNode; subtitle?: ReactNode; value: T }[];
  loading: boolean;
}

interface Props<T> {
  name: string;
  label: string;
  value: T | null;
  onChange(v: T | null): void;
  /** how a chosen record reads in the field */
  labelOf(v: T): string;
  /** the suggestions for what was typed (a hook: it may query) */
  useSearch(q: string, enabled: boolean): SearchResult<T>;
  placeholder?: string;
  error?: string | undefined;
  hint?: string;
  className?: string;
}

export function SearchPicker<T>({ name, label, value, onChange, labelOf, useSearch, placeholder, error, hint, className }: Props<T>) {
  const t = useT();
  const [text, setText] = useState(value ? labelOf(value) : '');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (value) setText(labelOf(value));
  }, [value, labelOf]);
  const q = useDebounced(text.trim(), 80);
  const searching = open && q !== '' && (!value || text !== labelOf(value));
  const res = useSearch(q, searching);
  const items = searching ? res.items : [];

  return (
    <Field name={name} label={label} error={error} hint={hint} {...(className ? { className } : {})}>
      <div className="picker">
        <Suggest
          name={name}
          value={text}
          onText={(v) => {
            setText(v);
            if (value) onChange(null);
          }}
          items={items}
          open={searching}
          setOpen={setOpen}
          onPick={(item) => {
            setText(labelOf(item.value));
            onChange(item.value);
          }}
          emptyText={res.loading ? t('common.loading') : t('picker.none')}
          inputProps={{ placeholder: placeholder ?? t('picker.placeholder'), 'aria-invalid': error ? true : undefined }}
        />
        {value || text ? (
          <button
            type="button"
            className="picker-clear"
            aria-label={t('picker.clear')}
            title={t('picker.clear')}
            onClick={() => {
              setText('');
              onChange(null);
            }}
          >
            ×
          </button>
        ) : null}
      </div>
    </Field>
  );
}
