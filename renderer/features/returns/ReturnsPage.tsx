// The returns list: newest first, filtered by direction and status; a new return opens in a
// side panel.
import { useState } from 'react';
import type { ReturnDirection, ReturnRow, ReturnStatus } from '../../../main/common/api';
import { formatDate } from '../../../main/common/format';
import { useQuery } from '../../api/hooks';
import { navigate, paths } from '../../app/router';
import { EmptyState, InlineError } from '../../components/EmptyState';
import { Qty } from '../../components/Numbers';
import { useT } from '../../i18n';
import { NewReturnPanel } from './NewReturnPanel';
import { ReturnStatusTag } from './ReturnStatusTag';
import { DIRECTIONS, partyOf, RETURN_EVENTS, STATUSES } from './util';
import './returns.css';

const PAGE = 100;

export function ReturnsPage() {
  const t = useT();
  const [direction, setDirection] = useState<ReturnDirection | ''>('');
  const [status, setStatus] = useState<ReturnStatus | ''>('');
  const [limit, setLimit] = useState(PAGE);
  const [creating, setCreating] = useState(false);
  const list = useQuery('returns.list', { ...(direction ? { direction } : {}), ...(status ? { status } : {}), limit }, { events: RETURN_EVENTS });
  const rows = list.data?.rows ?? [];
  const filtered = Boolean(direction || status);
  const newButton = (
    <button type="button" className="btn btn-primary" data-testid="new-return" onClick={() => setCreating(true)}>
      + {t('returns.new')}
    </button>
  );

  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('returns.title')}</h1>
        <span className="spacer" />
        {newButton}
      </header>
      <p className="muted rt-intro">{t('returns.intro')}</p>
      <div className="rt-filters">
        <select
          className="rt-input"
          data-testid="returns-direction-filter"
          aria-label={t('returns.col.direction')}
          value={direction}
          onChange={(e) => {
            setDirection(e.target.value as ReturnDirection | '');
            setLimit(PAGE);
          }}
        >
          <option value="">{t('returns.allDirections')}</option>
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {t(`returns.direction.${d}`)}
            </option>
          ))}
        </select>
        <select
          className="rt-input"
          data-testid="returns-status-filter"
          aria-label={t('returns.col.status')}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as ReturnStatus | '');
            setLimit(PAGE);
          }}
        >
          <option value="">{t('returns.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`returns.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {list.error ? <InlineError message={t('common.error', { msg: list.error.message })} onRetry={list.refetch} retryLabel={t('common.retry')} /> : null}
      {list.data && rows.length === 0 ? (
        <EmptyState title={t(filtered ? 'returns.empty.filtered' : 'returns.empty.title')} testId="returns-empty" action={newButton}>
          {t('returns.empty.body')}
        </EmptyState>
      ) : (
        <section className="card flush">
          <table className="table" data-testid="returns-table">
            <thead>
              <tr>
                <th>{t('returns.col.number')}</th>
                <th>{t('returns.col.direction')}</th>
                <th>{t('returns.col.party')}</th>
                <th>{t('returns.col.location')}</th>
                <th className="right">{t('returns.col.units')}</th>
                <th>{t('returns.col.status')}</th>
                <th>{t('returns.col.created')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <Row key={r.id} r={r} />
              ))}
            </tbody>
          </table>
          {list.data && list.data.total > rows.length ? (
            <div className="rt-more muted small">
              {t('returns.more', { shown: rows.length, total: list.data.total })}
              <button type="button" className="btn btn-small" data-testid="returns-more" onClick={() => setLimit(limit + PAGE)}>
                {t('common.loadMore')}
              </button>
            </div>
          ) : null}
        </section>
      )}
      {creating ? <NewReturnPanel onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

function Row({ r }: { r: ReturnRow }) {
  const t = useT();
  return (
    <tr data-testid="return-row" data-number={r.number} data-status={r.status} className="clickable" onClick={() => navigate(paths.return(r.id))}>
      <td className="mono strong">
        <a href={'#' + paths.return(r.id)} onClick={(e) => e.stopPropagation()}>
          {r.number}
        </a>
      </td>
      <td>{t(`returns.direction.${r.direction}`)}</td>
      <td>
        {partyOf(r)}
        {r.direction === 'from_customer' && r.customer && r.shipmentNumber ? <div className="mono small muted">{r.shipmentNumber}</div> : null}
      </td>
      <td className="mono">{r.locationCode ?? <span className="muted">—</span>}</td>
      <td className="right">
        <Qty n={r.units} />
      </td>
      <td>
        <ReturnStatusTag status={r.status} />
      </td>
      <td className="nowrap small">{formatDate(r.createdAt)}</td>
    </tr>
  );
}
