// Landed-cost documents: the charges, duty and taxes of shipments folded into the received
// stock's cost. Newest first, a status filter, and a new document from chosen receipts.
import { useState } from 'react';
import type { LandedDocRow, LandedDocStatus } from '../../../main/common/api';
import { client } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { navigate } from '../../app/router';
import { EmptyState, InlineError } from '../../components/EmptyState';
import { Money } from '../../components/Numbers';
import { useT } from '../../i18n';
import { LandedStatusTag } from './LandedStatusTag';
import { ReceiptPicker } from './ReceiptPicker';
import { landedPaths } from './util';
import './landed.css';

const STATUSES: LandedDocStatus[] = ['draft', 'posted', 'cancelled'];
const LIMIT = 200;

export function LandedPage() {
  const t = useT();
  const [status, setStatus] = useState<LandedDocStatus | ''>('');
  const [picking, setPicking] = useState(false);
  const q = useQuery('landed.list', { ...(status ? { status } : {}), limit: LIMIT });
  const rows = q.data?.rows ?? [];

  const create = async (receiptIds: string[]) => {
    const d = await client.call('landed.create', { receiptIds });
    navigate(landedPaths.doc(d.id));
  };

  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('landed.title')}</h1>
        <select className="lc-filter" data-testid="landed-status-filter" aria-label={t('landed.col.status')} value={status} onChange={(e) => setStatus(e.target.value as LandedDocStatus | '')}>
          <option value="">{t('landed.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`landed.status.${s}`)}
            </option>
          ))}
        </select>
        <span className="spacer" />
        <a className="btn" href="#/customs">
          {t('landed.profilesLink')}
        </a>
        <button type="button" className="btn btn-primary" data-testid="new-landed" onClick={() => setPicking(true)}>
          + {t('landed.new')}
        </button>
      </header>
      <p className="muted lc-intro">{t('landed.intro')}</p>
      {q.error ? <InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} /> : null}
      {q.data && rows.length === 0 ? (
        <EmptyState
          title={t(status ? 'landed.empty.filtered' : 'landed.empty.title')}
          testId="landed-empty"
          action={
            <button type="button" className="btn btn-primary" onClick={() => setPicking(true)}>
              + {t('landed.new')}
            </button>
          }
        >
          {t('landed.empty.body')}
        </EmptyState>
      ) : (
        <section className="card flush">
          <table className="table" data-testid="landed-table">
            <thead>
              <tr>
                <th>{t('landed.col.number')}</th>
                <th>{t('landed.col.status')}</th>
                <th>{t('landed.col.date')}</th>
                <th>{t('landed.col.receipts')}</th>
                <th>{t('landed.col.profile')}</th>
                <th className="right">{t('landed.col.extra')}</th>
                <th className="right">{t('landed.col.capitalised')}</th>
                <th className="right">{t('landed.col.expensed')}</th>
                <th>{t('landed.col.links')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <Row key={r.id} r={r} />
              ))}
            </tbody>
          </table>
          {q.data && q.data.total > rows.length ? <div className="lc-more muted small">{t('landed.more', { shown: rows.length, total: q.data.total })}</div> : null}
        </section>
      )}
      {picking ? <ReceiptPicker title={t('landed.new')} submitLabel={t('landed.create')} onSubmit={create} onClose={() => setPicking(false)} /> : null}
    </div>
  );
}

function Row({ r }: { r: LandedDocRow }) {
  const t = useT();
  const amount = (minor: number | null) => (minor === null ? <span className="muted">—</span> : <Money minor={minor} currency={r.currency} />);
  const link = (id: string, number: string) => (
    <a className="mono" href={'#' + landedPaths.doc(id)} onClick={(e) => e.stopPropagation()}>
      {number}
    </a>
  );
  return (
    <tr data-testid="landed-row" className={`clickable${r.status === 'cancelled' ? ' dim' : ''}`} onClick={() => navigate(landedPaths.doc(r.id))}>
      <td className="mono strong">
        <a href={'#' + landedPaths.doc(r.id)} onClick={(e) => e.stopPropagation()}>
          {r.number}
        </a>
      </td>
      <td>
        <LandedStatusTag status={r.status} />
      </td>
      <td className="nowrap">{r.docDate}</td>
      <td className="mono small">{r.receiptNumbers.join(', ')}</td>
      <td>{r.profile ?? <span className="muted">—</span>}</td>
      <td className="right">{amount(r.extra)}</td>
      <td className="right">{amount(r.capitalised)}</td>
      <td className="right">{amount(r.expensed)}</td>
      <td className="small">
        {r.reversesId && r.reversesNumber ? <span>{t('landed.reverses')} {link(r.reversesId, r.reversesNumber)}</span> : null}
        {r.reversedById && r.reversedByNumber ? <span>{t('landed.reversedBy')} {link(r.reversedById, r.reversedByNumber)}</span> : null}
      </td>
    </tr>
  );
}
