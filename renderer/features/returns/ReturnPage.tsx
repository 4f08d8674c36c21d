// One return: who and where, its lines (and what became of each unit once it arrived), what it
// did to stock (value restocked, written off or sent back, from the ledger), its costs per
// currency, and the next step: ship it to the supplier, receive it from the customer, close or
// cancel it.
import { Attachments } from '../../components/Attachments';
import { useState } from 'react';
import type { ReturnDetail } from '../../../main/common/api';
import { formatDateTime } from '../../../main/common/format';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { paths } from '../../app/router';
import { useBaseCurrency } from '../../app/settings';
import { ConfirmButton } from '../../components/ConfirmButton';
import { InlineError } from '../../components/EmptyState';
import { useLocations } from '../../components/LocationSelect';
import { Money, Qty } from '../../components/Numbers';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { CostsEditor } from './CostsEditor';
import { NewReturnPanel } from './NewReturnPanel';
import { ReceiveReturnForm } from './ReceiveReturnForm';
import { ReturnStatusTag } from './ReturnStatusTag';
import { partyOf, RETURN_EVENTS } from './util';
import './returns.css';

export function ReturnPage({ id }: { id: string }) {
  const t = useT();
  const q = useQuery('returns.get', { id }, { events: RETURN_EVENTS });
  if (q.error)
    return (
      <div className="page">
        <InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} />
      </div>
    );
  if (!q.data) return <div className="page" aria-busy="true" />;
  return <Loaded d={q.data} />;
}

function Loaded({ d }: { d: ReturnDetail }) {
  const t = useT();
  const toast = useToast();
  const base = useBaseCurrency();
  const locations = useLocations(true) ?? [];
  const codeOf = (locationId: string | null) => (locationId ? (locations.find((l) => l.id === locationId)?.code ?? '…') : null);
  const [closeNote, setCloseNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const r = d.return;
  const toSupplier = r.direction === 'to_supplier';
  const settled = r.status === 'closed' || r.status === 'cancelled';
  const arrived = r.status !== 'open' && r.status !== 'cancelled';

  const act = async (run: () => Promise<ReturnDetail>) => {
    if (busy) return;
    setBusy(true);
    try {
      const next = await run();
      toast(t('returns.now', { number: next.return.number, status: t(`returns.status.${next.return.status}`) }));
      setCloseNote('');
    } catch (e) {
      toast(errorMessage(e), 'error');
    } finally {
      setBusy(false);
    }
  };

  const fact = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="fact">
      <div className="muted small">{label}</div>
      <div data-testid={testId}>{value ?? <span className="muted">—</span>}</div>
    </div>
  );

  return (
    <div className="page rt-page">
      <nav className="crumbs">
        <a href={'#' + paths.returns()}>{t('returns.back')}</a> › {r.number}
      </nav>
      <header className="page-head">
        <h1 data-testid="return-title">
          <span className="mono">{r.number}</span> · {t(`returns.direction.${r.direction}`)} · <span data-testid="return-party">{partyOf(r)}</span>
        </h1>
        <ReturnStatusTag status={r.status} testId="return-status" />
        <span className="spacer" />
        <div className="rt-actions">
          {toSupplier && r.status === 'open' ? (
            <button type="button" className="btn btn-primary" data-testid="return-ship" disabled={busy} onClick={() => void act(() => client.call('returns.ship', { id: r.id }))}>
              {t('returns.ship')}
            </button>
          ) : null}
          {r.status === 'shipped' || r.status === 'received' ? (
            <>
              <input className="rt-input" data-testid="return-close-note" placeholder={t('returns.closeNote')} aria-label={t('returns.closeNote')} maxLength={500} value={closeNote} onChange={(e) => setCloseNote(e.target.value)} />
              <button
                type="button"
                className="btn btn-primary"
                data-testid="return-close"
                disabled={busy}
                onClick={() => void act(() => client.call('returns.close', { id: r.id, ...(closeNote.trim() ? { note: closeNote.trim() } : {}) }))}
              >
                {t('returns.close')}
              </button>
            </>
          ) : null}
          {r.status === 'open' ? (
            <button type="button" className="btn" data-testid="return-edit" onClick={() => setEditing(true)}>
              {t('returns.editButton')}
            </button>
          ) : null}
          {r.status === 'open' ? <ConfirmButton label={t('returns.cancel')} confirmLabel={t('returns.cancelConfirm')} testId="return-cancel" onConfirm={() => void act(() => client.call('returns.cancel', { id: r.id }))} /> : null}
        </div>
      </header>

      <section className="card">
        <div className="facts rt-facts">
          {toSupplier ? fact(t('returns.facts.supplier'), r.supplierId ? <a href={'#' + paths.supplier(r.supplierId)}>{r.supplierName}</a> : null) : fact(t('returns.facts.customer'), r.customer)}
          {toSupplier
            ? fact(t('returns.facts.location'), r.locationCode)
            : fact(t('returns.facts.shipment'), r.shipmentId ? <a href={'#' + paths.shipment(r.shipmentId)}>{r.shipmentNumber}</a> : null)}
          {fact(t('returns.facts.carrier'), r.carrier)}
          {fact(t('returns.facts.tracking'), r.tracking ? <span className="mono">{r.tracking}</span> : null)}
          {fact(t('returns.facts.created'), formatDateTime(r.createdAt))}
          {toSupplier ? fact(t('returns.facts.shippedAt'), r.shippedAt ? formatDateTime(r.shippedAt) : null) : fact(t('returns.facts.receivedAt'), r.receivedAt ? formatDateTime(r.receivedAt) : null)}
          {fact(t('returns.facts.closedAt'), r.closedAt ? formatDateTime(r.closedAt) : null)}
        </div>
        {r.notes ? <p className="rt-notes small" data-testid="return-notes">{r.notes}</p> : null}
      </section>

      <div className="rt-grid">
        <div className="rt-main">
          <section className="card flush" data-testid="return-lines">
            <h2 className="card-title rt-pad">
              {t('returns.lines.title')} <span className="muted small">{t('common.pcs', { n: r.units })}</span>
            </h2>
            <table className="table">
              <thead>
                <tr>
                  <th>{t('returns.lines.sku')}</th>
                  <th>{t('returns.lines.name')}</th>
                  <th>{t('returns.lines.reason')}</th>
                  <th className="right">{t('returns.lines.qty')}</th>
                  <th className="right">{t('returns.lines.unitCost', { currency: base })}</th>
                  {!toSupplier && arrived ? <th>{t('returns.lines.outcome')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {d.lines.map((l) => (
                  <tr key={l.id} data-testid="return-line" data-sku={l.sku}>
                    <td className="mono strong">
                      <a href={'#' + paths.product(l.productId)}>{l.sku}</a>
                    </td>
                    <td>{l.name}</td>
                    <td>
                      {t(`returns.reason.${l.reason}`)}
                      {l.reasonNote ? <div className="small muted">{l.reasonNote}</div> : null}
                    </td>
                    <td className="right">
                      <Qty n={l.qty} />
                    </td>
                    <td className="right num">{l.unitCost ?? <span className="muted">{t('returns.lines.unitCostAuto')}</span>}</td>
                    {!toSupplier && arrived ? (
                      <td className="small" data-testid="return-line-outcome">
                        {[
                          l.restockQty ? t('returns.outcome.restocked', { n: l.restockQty, code: codeOf(l.restockLocationId) ?? '—' }) : null,
                          l.quarantineQty ? t('returns.outcome.quarantined', { n: l.quarantineQty, code: codeOf(l.quarantineLocationId) ?? '—' }) : null,
                          l.writeOffQty ? t('returns.outcome.writtenOff', { n: l.writeOffQty }) : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          {!toSupplier && r.status === 'open' ? <ReceiveReturnForm detail={d} /> : null}
        </div>

        <div className="rt-side">
          <section className="card" data-testid="return-values">
            <h2 className="card-title">{t('returns.values.title')}</h2>
            {toSupplier ? (
              <div className="rt-values">
                {fact(t('returns.values.sentBack'), r.status === 'open' || r.status === 'cancelled' ? null : <span className="rt-value"><Money minor={d.valueSentBack} currency={base} testId="return-value-sent-back" /></span>)}
              </div>
            ) : (
              <div className="rt-values">
                {fact(t('returns.values.restocked'), arrived ? <span className="rt-value"><Money minor={d.valueRestocked} currency={base} testId="return-value-restocked" /></span> : null)}
                {fact(t('returns.values.writtenOff'), arrived ? <span className="rt-value"><Money minor={d.valueWrittenOff} currency={base} testId="return-value-written-off" /></span> : null)}
              </div>
            )}
            <p className="muted small">{t(toSupplier ? 'returns.values.hintOut' : 'returns.values.hintIn')}</p>
          </section>
          <CostsEditor detail={d} readOnly={settled} />
        </div>
      </div>
      <Attachments ownerType="return" ownerId={d.return.id} />
      {editing ? <NewReturnPanel existing={d} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
