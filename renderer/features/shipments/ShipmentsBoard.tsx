// The shipments board: late ones first, then by ETA; filters by direction, status, carrier,
// late and a search; a new shipment opens in a side panel. Its second tab lists the expected
// arrivals (#/shipments/arrivals).
import { useState } from 'react';
import type { ShipmentDirection, ShipmentRow, ShipmentStatus } from '../../../main/common/api';
import { formatDateTime } from '../../../main/common/format';
import { useDebounced, useQuery } from '../../api/hooks';
import { navigate, paths, useRoute } from '../../app/router';
import { EmptyState, InlineError } from '../../components/EmptyState';
import { useT } from '../../i18n';
import { Arrivals } from './Arrivals';
import { NewShipmentPanel } from './NewShipmentPanel';
import { ShipmentStatusTag } from './ShipmentStatusTag';
import { DIRECTIONS, routeOf, STATUSES } from './util';
import './shipments.css';
import { ExportButton } from '../../components/ExportButton';

const LIMIT = 200;

export function ShipmentsBoard() {
  const t = useT();
  const route = useRoute();
  const view = route.name === 'shipments' ? route.view : 'board';
  const [creating, setCreating] = useState(false);
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('shipments.title')}</h1>
        <nav className="segmented sh-tabs" aria-label={t('shipments.title')}>
          <a href={'#' + paths.shipments()} className={view === 'board' ? 'on' : ''} aria-current={view === 'board' ? 'page' : undefined} data-testid="shipments-tab-board">
            {t('shipments.tab.board')}
          </a>
          <a href={'#' + paths.arrivals()} className={view === 'arrivals' ? 'on' : ''} aria-current={view === 'arrivals' ? 'page' : undefined} data-testid="shipments-tab-arrivals">
            {t('shipments.tab.arrivals')}
          </a>
        </nav>
        <span className="spacer" />
        <button type="button" className="btn btn-primary" data-testid="new-shipment" onClick={() => setCreating(true)}>
          + {t('shipments.new')}
        </button>
      </header>
      {view === 'arrivals' ? <Arrivals /> : <Board onNew={() => setCreating(true)} />}
      {creating ? <NewShipmentPanel onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

function Board({ onNew }: { onNew(): void }) {
  const t = useT();
  const [direction, setDirection] = useState<ShipmentDirection | ''>('');
  const [status, setStatus] = useState<ShipmentStatus | ''>('');
  const [carrier, setCarrier] = useState('');
  const [late, setLate] = useState(false);
  const [search, setSearch] = useState('');
  const [carriers, setCarriers] = useState<string[]>([]);
  const carrierQ = useDebounced(carrier.trim(), 250);
  const q = useDebounced(search.trim(), 250);
  const list = useQuery('shipments.list', {
    ...(direction ? { direction } : {}),
    ...(status ? { status } : {}),
    ...(carrierQ ? { carrier: carrierQ } : {}),
    ...(late ? { late: true } : {}),
    ...(q ? { q } : {}),
    limit: LIMIT,
  });
  const rows = list.data?.rows ?? [];
  const filtered = Boolean(direction || status || carrierQ || late || q);
  // the carriers seen so far, offered as the carrier filter's suggestions
  const seen = [...new Set(rows.map((r) => r.carrier).filter((c): c is string => c !== null))].sort();
  if (seen.some((c) => !carriers.includes(c))) setCarriers([...new Set([...carriers, ...seen])].sort());

  return (
    <>
      <p className="muted sh-intro">{t('shipments.intro')}</p>
      <div className="sh-filters">
        <select className="sh-input" data-testid="shipments-direction-filter" aria-label={t('shipments.col.direction')} value={direction} onChange={(e) => setDirection(e.target.value as ShipmentDirection | '')}>
          <option value="">{t('shipments.allDirections')}</option>
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {t(`shipments.direction.${d}`)}
            </option>
          ))}
        </select>
        <select className="sh-input" data-testid="shipments-status-filter" aria-label={t('shipments.col.status')} value={status} onChange={(e) => setStatus(e.target.value as ShipmentStatus | '')}>
          <option value="">{t('shipments.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`shipments.status.${s}`)}
            </option>
          ))}
        </select>
        <input className="sh-input" data-testid="shipments-carrier-filter" placeholder={t('shipments.carrierFilter')} aria-label={t('shipments.carrierFilter')} value={carrier} onChange={(e) => setCarrier(e.target.value)} list="sh-carriers" />
        <datalist id="sh-carriers">
          {carriers.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <input className="sh-input sh-search" data-testid="shipments-search" type="search" placeholder={t('shipments.search')} aria-label={t('shipments.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <label className="check">
          <input type="checkbox" data-testid="shipments-late-filter" checked={late} onChange={(e) => setLate(e.target.checked)} />
          <span>{t('shipments.lateOnly')}</span>
        </label>
        <span className="spacer" />
        <ExportButton what="shipments" filter={{ ...(direction ? { direction } : {}), ...(status ? { status } : {}), ...(carrierQ ? { carrier: carrierQ } : {}), ...(late ? { late: true } : {}), ...(q ? { q } : {}) }} />
      </div>
      {list.error ? <InlineError message={t('common.error', { msg: list.error.message })} onRetry={list.refetch} retryLabel={t('common.retry')} /> : null}
      {list.data && rows.length === 0 ? (
        <EmptyState
          title={t(filtered ? 'shipments.empty.filtered' : 'shipments.empty.title')}
          testId="shipments-empty"
          action={
            <button type="button" className="btn btn-primary" onClick={onNew}>
              + {t('shipments.new')}
            </button>
          }
        >
          {t('shipments.empty.body')}
        </EmptyState>
      ) : (
        <section className="card flush">
          <table className="table" data-testid="shipments-table">
            <thead>
              <tr>
                <th>{t('shipments.col.number')}</th>
                <th>{t('shipments.col.direction')}</th>
                <th>{t('shipments.col.route')}</th>
                <th>{t('shipments.col.carrier')}</th>
                <th>{t('shipments.col.status')}</th>
                <th>{t('shipments.col.eta')}</th>
                <th>{t('shipments.col.lastEvent')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <Row key={r.id} r={r} />
              ))}
            </tbody>
          </table>
          {list.data && list.data.total > rows.length ? <div className="sh-more muted small">{t('shipments.more', { shown: rows.length, total: list.data.total })}</div> : null}
        </section>
      )}
    </>
  );
}

function Row({ r }: { r: ShipmentRow }) {
  const t = useT();
  const { from, to } = routeOf(r);
  const href = '#' + paths.shipment(r.id);
  return (
    <tr data-testid="shipment-row" data-number={r.number} data-late={r.late ? 'true' : 'false'} className={`clickable${r.late ? ' sh-late-row' : ''}`} onClick={() => navigate(paths.shipment(r.id))}>
      <td className="mono strong">
        <a href={href} onClick={(e) => e.stopPropagation()}>
          {r.number}
        </a>
      </td>
      <td>{t(`shipments.direction.${r.direction}`)}</td>
      <td className="sh-route-cell">
        {from} <span className="muted">→</span> {to}
      </td>
      <td>
        {r.carrier ?? <span className="muted">—</span>}
        {r.trackingNumbers[0] ? (
          <div className="mono small muted">
            {r.trackingNumbers[0]}
            {r.trackingNumbers.length > 1 ? ` +${r.trackingNumbers.length - 1}` : ''}
          </div>
        ) : null}
      </td>
      <td>
        <ShipmentStatusTag status={r.status} />
      </td>
      <td className="nowrap" data-testid="shipment-eta">
        {r.eta ?? <span className="muted">—</span>}
        {r.late ? (
          <span className="tag warn sh-late" data-testid="shipment-late">
            {t('shipments.late')}
          </span>
        ) : null}
      </td>
      <td className="nowrap small">{r.lastEventAt ? formatDateTime(r.lastEventAt) : <span className="muted">—</span>}</td>
    </tr>
  );
}
