// Suppliers: who the merchant buys from, in which currency, on what terms.
import { useState } from 'react';
import { useQuery } from '../../api/hooks';
import { paths } from '../../app/router';
import { EmptyState, InlineError } from '../../components/EmptyState';
import { useI18n } from '../../i18n';
import { SupplierForm } from './SupplierForm';
import { ExportButton } from '../../components/ExportButton';
import { ImportPanel } from '../imports/ImportPanel';

export function SuppliersPage() {
  const { t, countryName } = useI18n();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState<'suppliers' | 'prices' | null>(null);
  const q = useQuery('suppliers.list', {});
  const rows = q.data ?? [];
  const newButton = (
    <button type="button" className="btn btn-primary" data-testid="new-supplier" onClick={() => setCreating(true)}>
      + {t('suppliers.new')}
    </button>
  );
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('suppliers.title')}</h1>
        <span className="spacer" />
        <ExportButton what="suppliers" />
        <span className="export-buttons" role="group" aria-label={t('suppliers.import')}>
          <button type="button" className="btn" data-testid="import-suppliers" onClick={() => setImporting('suppliers')}>
            {t('suppliers.import.suppliers')}
          </button>
          <button type="button" className="btn" data-testid="import-prices" onClick={() => setImporting('prices')}>
            {t('suppliers.import.prices')}
          </button>
        </span>
        {newButton}
      </header>
      {importing ? <ImportPanel kind={importing} onClose={() => setImporting(null)} /> : null}
      {q.error ? <InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} /> : null}
      {q.data && rows.length === 0 ? (
        <EmptyState title={t('suppliers.empty.title')} action={newButton}>
          {t('suppliers.empty.body')}
        </EmptyState>
      ) : (
        <section className="card flush">
          <table className="table" data-testid="suppliers-table">
            <thead>
              <tr>
                <th>{t('field.name')}</th>
                <th>{t('field.country')}</th>
                <th>{t('suppliers.currency')}</th>
                <th>{t('suppliers.terms')}</th>
                <th className="right">{t('suppliers.leadTime')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id} data-testid="supplier-row">
                  <td>
                    <a href={'#' + paths.supplier(s.id)} className="strong">
                      {s.name}
                    </a>
                    {s.contactName ? <div className="muted small">{s.contactName}</div> : null}
                  </td>
                  <td>{s.country ? countryName(s.country) : <span className="muted">—</span>}</td>
                  <td className="mono">{s.currency}</td>
                  <td className="muted">{s.paymentTerms ?? '—'}</td>
                  <td className="right num">{t('suppliers.days', { n: s.leadTimeDays })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {creating ? <SupplierForm supplier={null} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
