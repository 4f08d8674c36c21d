// Stock counts: what is due by ABC class, the counts (open ones first in time order, newest
// first), and a new count in a side panel.
import { useState } from 'react';
import type { StockCount } from '../../../main/common/api';
import { formatAmount, formatDateTime } from '../../../main/common/format';
import { useQuery } from '../../api/hooks';
import { navigate, paths } from '../../app/router';
import { EmptyState, InlineError } from '../../components/EmptyState';
import { useT } from '../../i18n';
import { CountStatusTag, COUNT_EVENTS } from './CountStatusTag';
import { NewCountPanel } from './NewCountPanel';
import './counts.css';

export function CountsPage() {
  const t = useT();
  const [creating, setCreating] = useState(false);
  const list = useQuery('counts.list', { limit: 200 }, { events: COUNT_EVENTS });
  const abc = useQuery('counts.abc', { limit: 1 }, { events: COUNT_EVENTS });
  const rows = list.data?.rows ?? [];
  const newButton = (
    <button type="button" className="btn btn-primary" data-testid="new-count" onClick={() => setCreating(true)}>
      + {t('counts.new')}
    </button>
  );
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('counts.title')}</h1>
        <span className="spacer" />
        {newButton}
      </header>
      <p className="muted cnt-intro">{t('counts.intro')}</p>
      {abc.data ? (
        <section className="card cnt-abc" data-testid="counts-abc" aria-label={t('counts.abc.title', { days: abc.data.days })}>
          <h2 className="card-title">{t('counts.abc.title', { days: abc.data.days })}</h2>
          <ul className="cnt-classes">
            {abc.data.classes.map((c) => (
              <li key={c.class} data-testid={`abc-${c.class}`}>
                <span className={`cnt-class cnt-class-${c.class}`}>{t('counts.abc.class', { c: c.class })}</span>
                <span className="small">
                  {t('counts.abc.summary', { products: c.products, value: `${formatAmount(c.value, abc.data!.currency)} ${abc.data!.currency}`, days: c.intervalDays, due: c.due })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {list.error ? <InlineError message={t('common.error', { msg: list.error.message })} onRetry={list.refetch} retryLabel={t('common.retry')} /> : null}
      {list.data && rows.length === 0 ? (
        <EmptyState title={t('counts.empty.title')} testId="counts-empty" action={newButton}>
          {t('counts.empty.body')}
        </EmptyState>
      ) : (
        <section className="card flush">
          <table className="table" data-testid="counts-table">
            <thead>
              <tr>
                <th scope="col">{t('counts.col.number')}</th>
                <th scope="col">{t('counts.col.location')}</th>
                <th scope="col">{t('counts.col.scope')}</th>
                <th scope="col" className="right">
                  {t('counts.col.progress')}
                </th>
                <th scope="col">{t('counts.col.status')}</th>
                <th scope="col">{t('counts.col.opened')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <Row key={r.id} r={r} />
              ))}
            </tbody>
          </table>
        </section>
      )}
      {creating ? <NewCountPanel onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

function Row({ r }: { r: StockCount }) {
  const t = useT();
  return (
    <tr data-testid="count-row" data-number={r.number} data-status={r.status} className="clickable" onClick={() => navigate(paths.count(r.id))}>
      <td className="mono strong">
        <a href={'#' + paths.count(r.id)} onClick={(e) => e.stopPropagation()}>
          {r.number}
        </a>
      </td>
      <td>
        <span className="mono">{r.locationCode}</span> <span className="muted">{r.locationName}</span>
      </td>
      <td>
        {t(`counts.scope.${r.scope}`)}
        {r.blind ? <span className="tag cnt-blind">{t('counts.blindTag')}</span> : null}
      </td>
      <td className="right num">{t('counts.progress', { counted: r.counted, lines: r.lines })}</td>
      <td>
        <CountStatusTag status={r.status} />
      </td>
      <td className="nowrap small">{formatDateTime(r.openedAt)}</td>
    </tr>
  );
}
