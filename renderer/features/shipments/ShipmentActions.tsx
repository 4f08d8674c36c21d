// What can be done next with a shipment, from what the API says it can (`can`): dispatch a
// transfer or outbound one (its stock leaves), receive an inbound or transfer one, land an
// inbound one's costs on its receipts (draft, or post at once), and print its papers.
import { useState } from 'react';
import type { ShipmentDetail } from '../../../main/common/api';
import { localToday } from '../../../main/common/format';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { ErrorText } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { downloadBase64 } from '../../components/download';
import { paths } from '../../app/router';

export function ShipmentActions({ d, onReceive }: { d: ShipmentDetail; onReceive(): void }) {
  const t = useT();
  const toast = useToast();
  const s = d.shipment;
  const [dispatchOn, setDispatchOn] = useState(localToday());
  const [error, setError] = useState<{ where: 'dispatch' | 'land' | 'papers'; message: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [chinese, setChinese] = useState(false);

  const run = async (key: string, where: 'dispatch' | 'land' | 'papers', action: () => Promise<void>) => {
    if (busy) return;
    setBusy(key);
    try {
      await action();
      setError(null);
    } catch (e) {
      setError({ where, message: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const dispatch = () =>
    run('dispatch', 'dispatch', async () => {
      await client.call('shipments.dispatch', { id: s.id, ...(dispatchOn && dispatchOn !== localToday() ? { at: dispatchOn } : {}) });
      toast(t('shipments.actions.dispatched', { number: s.number }));
    });

  const landCost = (post: boolean) =>
    run(post ? 'post' : 'draft', 'land', async () => {
      const r = await client.call('shipments.landCost', { id: s.id, post });
      toast(t(post ? 'shipments.actions.landPosted' : 'shipments.actions.landDrafted', { number: r.landedCost?.number ?? '' }));
    });

  const papers = (kind: 'invoice' | 'packing_list') =>
    run(kind, 'papers', async () => {
      const p = await client.call('shipments.papers', { id: s.id, kind, chinese });
      downloadBase64(p.fileName, p.mimeType, p.base64);
      toast(t('shipments.papers.saved', { file: p.fileName }));
    });

  const lc = d.landedCost;
  const hasSteps = d.can.dispatch || d.can.receive || d.can.landCost || lc;
  const msg = (where: 'dispatch' | 'land' | 'papers') => (error?.where === where ? <ErrorText name={`action-${where}`} message={error.message} /> : null);

  return (
    <section className="card sh-actions" data-testid="shipment-actions">
      {hasSteps ? (
        <div className="sh-action-group">
          <div className="muted small">{t(d.can.dispatch || d.can.receive || d.can.landCost ? 'shipments.actions.next' : 'shipments.docs.landed')}</div>
          <div className="sh-action-row">
            {d.can.dispatch ? (
              <>
                <label className="small" htmlFor="sh-dispatch-on">
                  {t('shipments.actions.dispatchOn')}
                </label>
                <input id="sh-dispatch-on" className="sh-input" type="date" data-testid="dispatch-on" value={dispatchOn} max={localToday()} onChange={(e) => setDispatchOn(e.target.value)} />
                <button type="button" className="btn btn-primary" data-testid="shipment-dispatch" disabled={busy !== null} onClick={() => void dispatch()}>
                  {t(s.direction === 'transfer' ? 'shipments.actions.dispatchTransfer' : 'shipments.actions.dispatch')}
                </button>
              </>
            ) : null}
            {d.can.receive ? (
              <button type="button" className="btn btn-primary" data-testid="shipment-receive" onClick={onReceive}>
                {t('shipments.actions.receive')}
              </button>
            ) : null}
            {d.can.landCost ? (
              <>
                <button type="button" className="btn" data-testid="shipment-land-draft" disabled={busy !== null} onClick={() => void landCost(false)} title={t('shipments.actions.landDraftHint')}>
                  {t(lc?.status === 'draft' ? 'shipments.actions.landUpdate' : 'shipments.actions.landDraft')}
                </button>
                <button type="button" className="btn btn-primary" data-testid="shipment-land-post" disabled={busy !== null} onClick={() => void landCost(true)}>
                  {t('shipments.actions.landPost')}
                </button>
              </>
            ) : null}
            {lc ? (
              <a className="sh-doc-link" href={'#' + paths.landedDoc(lc.id)} data-testid="shipment-landed-link" data-status={lc.status}>
                <span className="mono strong">{lc.number}</span> <span className={`tag${lc.status === 'posted' ? ' sh-delivered' : ''}`}>{t(`shipments.landed.${lc.status}`)}</span>
              </a>
            ) : null}
          </div>
          {msg('dispatch')}
          {msg('land')}
          {s.direction === 'transfer' && s.dispatchedAt && !s.receivedAt && d.transitLocationCode ? <div className="small muted">{t('shipments.actions.inTransit', { code: d.transitLocationCode })}</div> : null}
        </div>
      ) : null}
      <div className="sh-action-group">
        <div className="muted small">{t('shipments.papers.title')}</div>
        <div className="sh-action-row">
          <button type="button" className="btn" data-testid="papers-invoice" disabled={busy !== null} onClick={() => void papers('invoice')}>
            {busy === 'invoice' ? t('shipments.papers.making') : t('shipments.papers.invoice')}
          </button>
          <button type="button" className="btn" data-testid="papers-packing" disabled={busy !== null} onClick={() => void papers('packing_list')}>
            {busy === 'packing_list' ? t('shipments.papers.making') : t('shipments.papers.packing')}
          </button>
          <label className="check small">
            <input type="checkbox" data-testid="papers-chinese" checked={chinese} onChange={(e) => setChinese(e.target.checked)} />
            <span>{t('shipments.papers.chinese')}</span>
          </label>
        </div>
        {msg('papers')}
      </div>
    </section>
  );
}
