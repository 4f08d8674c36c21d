// The sync centre: each connected supplier's last sync and what it is doing now, the outbox (what
// waits to go, what a supplier refused and why, with retry), catalogue changes to review, and the
// recent runs.
import { useState } from 'react';
import type { OutboxItem } from '../../../main/common/api';
import { formatDateTime } from '../../../main/common/format';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { paths } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { changeValue, runCounts } from './describe';
import { useSyncProgress } from './progress';

export function SyncPage() {
  const t = useT();
  const toast = useToast();
  const connections = useQuery('sync.connections', {});
  const progress = useSyncProgress();
  const syncAll = () =>
    client
      .call('sync.run', {})
      .then((r) => {
        if (r.started.length) toast(t('sync.startedN', { n: r.started.length }));
        for (const s of r.skipped) toast(s.reason, 'error');
      })
      .catch((e: unknown) => toast(errorMessage(e), 'error'));
  const list = connections.data ?? [];
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('sync.title')}</h1>
        <span className="spacer" />
        <button type="button" className="btn btn-primary" data-testid="sync-all" disabled={!list.length} onClick={() => void syncAll()}>
          {t('sync.all')}
        </button>
      </header>
      {connections.data && !list.length ? (
        <EmptyState title={t('sync.none.title')} action={<a href={'#' + paths.suppliers()}>{t('nav.suppliers')}</a>}>
          {t('sync.none.body')}
        </EmptyState>
      ) : (
        <section className="card flush">
          <table className="table" data-testid="sync-connections">
            <thead>
              <tr>
                <th>{t('sync.col.supplier')}</th>
                <th>{t('sync.f.kind')}</th>
                <th>{t('sync.lastSync')}</th>
                <th className="right">{t('sync.col.waiting')}</th>
                <th className="right">{t('sync.col.rejected')}</th>
                <th className="right">{t('sync.col.changes')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((c) => {
                const p = progress[c.supplierId];
                const run = c.lastRun;
                return (
                  <tr key={c.supplierId} data-testid="sync-connection">
                    <td>
                      <a href={'#' + paths.supplier(c.supplierId)}>{c.supplierName}</a>
                    </td>
                    <td className="muted">{t(`sync.kind.${c.kind}`)}</td>
                    <td>
                      {p ? (
                        <span className="tag sync-running" data-testid="sync-progress">
                          {t('sync.progress', { stage: t(`sync.stage.${p.stage}`), n: p.done })}
                        </span>
                      ) : run ? (
                        <>
                          <span className={`tag sync-${run.result}`} data-testid="sync-result">
                            {t(`sync.result.${run.result}`)}
                          </span>{' '}
                          <span className="muted small">{formatDateTime(run.startedAt)}</span>
                          <div className="muted small">{runCounts(t, run)}</div>
                          {run.message ? <div className="small sync-message">{run.message}</div> : null}
                        </>
                      ) : (
                        <span className="muted">{t('sync.never')}</span>
                      )}
                    </td>
                    <td className="right num">{c.outbox.waiting}</td>
                    <td className="right num">{c.outbox.rejected}</td>
                    <td className="right num">{c.pendingChanges}</td>
                    <td className="right nowrap">
                      {p ? (
                        <button type="button" className="btn btn-small" data-testid="sync-cancel" onClick={() => void client.call('sync.cancel', { supplierId: c.supplierId })}>
                          {t('common.cancel')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="btn btn-small"
                          data-testid="sync-one"
                          onClick={() =>
                            void client
                              .call('sync.run', { supplierId: c.supplierId })
                              .then((r) => r.skipped[0] && toast(r.skipped[0].reason, 'error'))
                              .catch((e: unknown) => toast(errorMessage(e), 'error'))
                          }
                        >
                          {t('sync.now')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      <Outbox />
      <ChangesReview />
    </div>
  );
}

type OutboxView = 'waiting' | 'rejected' | 'done';

function Outbox() {
  const t = useT();
  const toast = useToast();
  const [view, setView] = useState<OutboxView>('waiting');
  const q = useQuery('sync.outbox', { state: view, limit: 200 });
  const act = (method: 'sync.retry' | 'sync.dismiss', item: OutboxItem) =>
    client
      .call(method, { seq: item.seq })
      .then(() => (method === 'sync.retry' ? client.call('sync.run', { supplierId: item.supplierId }) : null))
      .catch((e: unknown) => toast(errorMessage(e), 'error'));
  const items = q.data ?? [];
  return (
    <section className="card flush" data-testid="outbox">
      <header className="card-head">
        <h2 className="card-title">{t('sync.outbox')}</h2>
        <div className="segmented" role="tablist">
          {(['waiting', 'rejected', 'done'] as const).map((v) => (
            <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? 'on' : ''} data-testid={`outbox-${v}`} onClick={() => setView(v)}>
              {t(`sync.outbox.${v}`)}
            </button>
          ))}
        </div>
      </header>
      {items.length === 0 ? (
        <p className="muted pad">{t(`sync.outbox.empty.${view}`)}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('sync.col.order')}</th>
              <th>{t('sync.col.supplier')}</th>
              <th>{t('sync.col.state')}</th>
              <th className="right">{t('sync.col.tries')}</th>
              <th>{t('sync.col.nextTry')}</th>
              <th>{t('sync.col.supplierSays')}</th>
              <th>{t('sync.col.problem')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.seq} data-testid="outbox-item">
                <td className="mono">
                  <a href={'#' + paths.purchaseOrder(i.poId)}>{i.poNumber}</a>
                </td>
                <td>{i.supplierName}</td>
                <td>
                  <span className={`tag sync-${i.state}`} data-testid="outbox-state">
                    {t(`sync.state.${i.state}`)}
                  </span>
                </td>
                <td className="right num">{i.attempts}</td>
                <td className="nowrap muted small">{i.nextAt ? formatDateTime(i.nextAt) : ''}</td>
                <td data-testid="outbox-ack">{i.ackStatus ? t(`sync.ack.${i.ackStatus}`) : ''}</td>
                <td className="small">{i.lastError ?? ''}</td>
                <td className="right nowrap">
                  {i.state === 'rejected' || i.state === 'queued' || i.state === 'lookup' ? (
                    <button type="button" className="btn btn-small" data-testid="outbox-retry" onClick={() => void act('sync.retry', i)}>
                      {t('sync.retry')}
                    </button>
                  ) : null}
                  {i.state === 'rejected' || (i.state === 'queued' && i.attempts === 0) ? (
                    <button type="button" className="btn btn-small btn-quiet" data-testid="outbox-dismiss" onClick={() => void act('sync.dismiss', i)}>
                      {t('sync.dismiss')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ChangesReview() {
  const t = useT();
  const toast = useToast();
  const q = useQuery('sync.changes', {});
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const changes = q.data ?? [];
  if (!changes.length) return null;
  const ids = picked.size ? [...picked] : changes.map((c) => c.id);
  const decide = (action: 'apply' | 'dismiss') =>
    client
      .call('sync.decide', { ids, action })
      .then((r) => {
        setPicked(new Set());
        toast(t(action === 'apply' ? 'sync.appliedN' : 'sync.dismissedN', { n: action === 'apply' ? r.applied : r.dismissed }));
      })
      .catch((e: unknown) => toast(errorMessage(e), 'error'));
  const toggle = (id: string) =>
    setPicked((cur) => {
      const next = new Set(cur);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <section className="card flush" data-testid="changes-review">
      <header className="card-head">
        <h2 className="card-title">{t('sync.changes')}</h2>
        <span className="muted small">{t('sync.changesHint')}</span>
        <span className="spacer" />
        <button type="button" className="btn btn-small btn-primary" data-testid="changes-apply" onClick={() => void decide('apply')}>
          {picked.size ? t('sync.applyN', { n: picked.size }) : t('sync.applyAll')}
        </button>
        <button type="button" className="btn btn-small" data-testid="changes-dismiss" onClick={() => void decide('dismiss')}>
          {picked.size ? t('sync.dismissN', { n: picked.size }) : t('sync.dismissAll')}
        </button>
      </header>
      <table className="table">
        <thead>
          <tr>
            <th />
            <th>{t('sync.col.supplier')}</th>
            <th>{t('suppliers.supplierSku')}</th>
            <th>{t('suppliers.ourProduct')}</th>
            <th>{t('sync.col.change')}</th>
            <th>{t('sync.col.openOrders')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.id} data-testid="change-row">
              <td>
                <input type="checkbox" aria-label={t('sync.pick', { sku: c.sku })} checked={picked.has(c.id)} onChange={() => toggle(c.id)} />
              </td>
              <td>{c.supplierName}</td>
              <td className="mono">{c.sku}</td>
              <td>{c.productId ? <a href={'#' + paths.product(c.productId)}>{c.productName}</a> : <span className="muted">{t('suppliers.unlinked')}</span>}</td>
              <td data-testid="change-text">
                <span className="muted">{t(`sync.kindOf.${c.kind}`)}: </span>
                {changeValue(t, c.kind, c.oldValue)}
                <span className="sync-arrow">→</span>
                <strong>{changeValue(t, c.kind, c.newValue)}</strong>
              </td>
              <td className="small">{c.openOrders.length ? t('sync.keepTerms', { orders: c.openOrders.join(', ') }) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
