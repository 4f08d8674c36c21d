// Choose a product by typing part of its SKU, name or barcode.
import { useEffect, useState } from 'react';
import { useDebounced, useQuery } from '../api/hooks';
import { useT } from '../i18n';
import { Field } from './Field';
import { Suggest } from './Suggest';

export interface PickedProduct {
  id: string;
  sku: string;
  name: string;
}

const labelOf = (p: PickedProduct) => `${p.sku} · ${p.name}`;

interface Props {
  name: string;
  label: string;
  value: PickedProduct | null;
  onChange(p: PickedProduct | null): void;
  error?: string | undefined;
  hint?: string;
  /** leave this product out of the suggestions (a product cannot be its own parent) */
  excludeId?: string;
  status?: 'active' | 'all';
  /** offer only products that are not variants themselves (for choosing a parent) */
  topLevel?: boolean;
  className?: string;
}

export function ProductPicker({ name, label, value, onChange, error, hint, excludeId, status = 'active', topLevel, className }: Props) {
  const t = useT();
  const [text, setText] = useState(value ? labelOf(value) : '');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (value) setText(labelOf(value));
  }, [value]);
  const q = useDebounced(text.trim(), 80);
  const searching = open && q !== '' && (!value || text !== labelOf(value));
  const res = useQuery('products.list', { search: q, limit: 8, status, ...(topLevel ? { topLevel } : {}) }, { enabled: searching, events: [] });
  const items = (searching ? (res.data?.rows ?? []) : [])
    .filter((p) => p.id !== excludeId)
    .map((p) => ({ key: p.id, title: `${p.sku} · ${p.name}`, subtitle: [p.localName, p.brand].filter(Boolean).join(' · '), product: p }));

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
            const p = { id: item.product.id, sku: item.product.sku, name: item.product.name };
            setText(labelOf(p));
            onChange(p);
          }}
          emptyText={res.loading ? t('common.loading') : t('picker.none')}
          inputProps={{ placeholder: t('picker.placeholder'), 'aria-invalid': error ? true : undefined }}
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
