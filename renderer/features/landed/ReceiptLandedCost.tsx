// On a purchase order's receipts: the landed-cost documents on each receipt, and "Add landed
// cost", which starts a draft for that receipt and opens it.
import { useState } from 'react';
import type { LandedDocRow } from '../../../main/common/api';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { navigate } from '../../app/router';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { landedPaths } from './util';
import './landed.css';

/** The landed-cost documents (not cancelled) on each receipt, by receipt number. */
export function useLandedByReceipt(enabled = true): Map<string, LandedDocRow[]> {
  const rows = useQuery('landed.list', { limit: 1000 }, { enabled }).data?.rows ?? [];
  const by = new Map<string, LandedDocRow[]>();
  for (const d of rows) {
    if (d.status === 'cancelled') continue;
    for (const n of d.receiptNumbers) by.set(n, [...(by.get(n) ?? []), d]);
  }
  for (const list of by.values()) list.sort((a, b) => a.number.localeCompare(b.number));
  return by;
}

export function ReceiptLandedCost({ receiptId, reversed, docs }: { receiptId: string; reversed: boolean; docs: LandedDocRow[] }) {
  const t = useT();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const add = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const d = await client.call('landed.create', { receiptIds: [receiptId] });
      navigate(landedPaths.doc(d.id));
    } catch (e) {
      toast(errorMessage(e), 'error');
      setBusy(false);
    }
  };
  return (
    <span className="lc-receipt-cell" data-testid="receipt-landed">
      {docs.map((d) => (
        <a key={d.id} href={'#' + landedPaths.doc(d.id)} data-testid="receipt-landed-link" title={t(`landed.status.${d.status}`)}>
          {d.number}
          {d.status === 'draft' ? ` (${t('landed.status.draft')})` : ''}
        </a>
      ))}
      {reversed ? null : (
        <button type="button" className="btn btn-small" data-testid="add-landed-cost" disabled={busy} onClick={() => void add()}>
          + {t('landed.fromReceipt')}
        </button>
      )}
    </span>
  );
}
