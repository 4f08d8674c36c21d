// Customers: who buys, found by name, handle or email, with how many orders each placed and when
// last; a new one (or an edit) in a side panel.
import { useState, type FormEvent } from 'react';
import type { Customer } from '../../../main/common/api';
import { formatDate } from '../../../main/common/format';
import { client } from '../../api/client';
import { noErrors, toFormErrors, type FormErrors } from '../../api/errors';
import { useDebounced, useQuery } from '../../api/hooks';
import { optionalText } from '../../api/input';
import { navigate, paths } from '../../app/router';
import { CountrySelect } from '../../components/CountrySelect';
import { EmptyState, InlineError } from '../../components/EmptyState';
import { TextAreaField, TextField } from '../../components/Field';
import { Qty } from '../../components/Numbers';
import { PanelForm } from '../../components/Panel';
import { useToast } from '../../components/Toasts';
import { useI18n, useT } from '../../i18n';
import '../sales/sales.css';
import { ExportButton } from '../../components/ExportButton';

export function CustomersPage() {
  const t = useT();
  const { countryName } = useI18n();
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(200);
  const [creating, setCreating] = useState(false);
  const q = useDebounced(text.trim(), 150);
  const list = useQuery('customers.list', { ...(q ? { q } : {}), limit });
  const rows = list.data?.rows ?? [];
  const newButton = (
    <button type="button" className="btn btn-primary" data-testid="new-customer" onClick={() => setCreating(true)}>
      + {t('customers.new')}
    </button>
  );
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('customers.title')}</h1>
        <span className="spacer" />
        <ExportButton what="customers" filter={q ? { q } : {}} />
        {newButton}
      </header>
      <div className="so-filters">
        <input className="so-input so-search" data-testid="customers-search" placeholder={t('customers.search')} aria-label={t('customers.search')} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {list.error ? <InlineError message={t('common.error', { msg: list.error.message })} onRetry={list.refetch} retryLabel={t('common.retry')} /> : null}
      {list.data && rows.length === 0 ? (
        <EmptyState title={t(q ? 'customers.empty.filtered' : 'customers.empty.title')} testId="customers-empty" action={newButton}>
          {t('customers.empty.body')}
        </EmptyState>
      ) : (
        <section className="card flush">
          <table className="table" data-testid="customers-table">
            <thead>
              <tr>
                <th>{t('customers.col.name')}</th>
                <th>{t('customers.col.handle')}</th>
                <th>{t('customers.col.email')}</th>
                <th>{t('customers.col.country')}</th>
                <th className="right">{t('customers.col.orders')}</th>
                <th>{t('customers.col.last')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} className="clickable" data-testid="customer-row" onClick={() => navigate(paths.customer(c.id))}>
                  <td className="strong">
                    <a href={'#' + paths.customer(c.id)} onClick={(e) => e.stopPropagation()}>
                      {c.name}
                    </a>
                  </td>
                  <td>{c.handle ? `@${c.handle}` : '—'}</td>
                  <td>{c.email ?? '—'}</td>
                  <td>{c.country ? countryName(c.country) : '—'}</td>
                  <td className="right">
                    <Qty n={c.orders} />
                  </td>
                  <td>{c.lastOrderDate ? formatDate(c.lastOrderDate) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data && list.data.total > rows.length ? (
            <div className="so-more muted small">
              {t('customers.more', { shown: rows.length, total: list.data.total })}
              <button type="button" className="btn btn-small" onClick={() => setLimit(limit + 200)}>
                {t('common.loadMore')}
              </button>
            </div>
          ) : null}
        </section>
      )}
      {creating ? <CustomerPanel onClose={() => setCreating(false)} onSaved={(c) => navigate(paths.customer(c.id))} /> : null}
    </div>
  );
}

const FIELDS = ['name', 'handle', 'email', 'phone', 'country', 'address', 'notes'] as const;

/** A customer, new or edited. */
export function CustomerPanel({ onClose, existing, onSaved }: { onClose(): void; existing?: Customer; onSaved?(c: Customer): void }) {
  const t = useT();
  const toast = useToast();
  const [f, setF] = useState({
    name: existing?.name ?? '',
    handle: existing?.handle ?? '',
    email: existing?.email ?? '',
    phone: existing?.phone ?? '',
    country: existing?.country ?? '',
    address: existing?.address ?? '',
    notes: existing?.notes ?? '',
  });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const body = { name: f.name, handle: optionalText(f.handle), email: optionalText(f.email), phone: optionalText(f.phone), country: f.country || null, address: optionalText(f.address), notes: optionalText(f.notes) };
    try {
      const c = existing ? await client.call('customers.update', { id: existing.id, ...body }) : await client.call('customers.create', body);
      toast(t('customers.saved', { name: c.name }));
      onClose();
      onSaved?.(c);
    } catch (x) {
      setErrors(toFormErrors(x, FIELDS));
    } finally {
      setBusy(false);
    }
  }
  return (
    <PanelForm title={existing ? t('customers.edit', { name: existing.name }) : t('customers.new')} onClose={onClose} onSubmit={submit} busy={busy} error={errors.general} testId="customer-panel">
      <TextField name="name" label={t('customers.col.name')} value={f.name} onChange={set('name')} error={errors.fields.name} maxLength={200} className="span-2" />
      <TextField name="handle" label={t('customers.col.handle')} hint={t('customers.handleHint')} value={f.handle} onChange={set('handle')} error={errors.fields.handle} maxLength={61} />
      <TextField name="email" type="email" label={t('customers.col.email')} value={f.email} onChange={set('email')} error={errors.fields.email} maxLength={200} />
      <TextField name="phone" label={t('customers.col.phone')} value={f.phone} onChange={set('phone')} error={errors.fields.phone} maxLength={60} />
      <CountrySelect name="country" label={t('customers.col.country')} value={f.country} onChange={set('country')} error={errors.fields.country} />
      <TextAreaField name="address" label={t('customers.col.address')} value={f.address} onChange={set('address')} error={errors.fields.address} className="span-2" />
      <TextAreaField name="notes" label={t('customers.col.notes')} value={f.notes} onChange={set('notes')} error={errors.fields.notes} className="span-2" />
    </PanelForm>
  );
}
