// On a purchase order's receipts: the landed-cost documents on each receipt, and "Add landed
// cost", which starts a draft for that receipt and opens it.
import { useState } from 'react';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { navigate } from '../../app/router';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { landedPaths } from './util';
import './landed.css';

interface Props {
  receiptId: string;
  reversed: boolean;
}

export function ReceiptLandedCost({ receiptId, reversed }: Props) {
  const t = useT();
  const toast = useToast();
  // the documents on this receipt, not cancelled, by number
  const docs = (useQuery('landed.list', { receiptId }).data?.rows ?? []).filter((d) => d.status !== 'cancelled').sort((a, b) => a.number.localeCompare(b.number));
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
