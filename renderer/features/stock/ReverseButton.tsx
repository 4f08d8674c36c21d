// Reverses an adjustment or transfer from the history, for a mistake noticed after the Undo
// offer has gone. Two clicks (Reverse…, then Confirm) so a stray click changes nothing.
import { useEffect, useState } from 'react';
import type { Movement } from '../../../main/common/api';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';

export const reversible = (m: Movement) => m.docId !== null && (m.docType === 'adjustment' || m.docType === 'transfer');

export function ReverseButton({ movement }: { movement: Movement }) {
  const t = useT();
  const toast = useToast();
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const timer = setTimeout(() => setArmed(false), 4000);
    return () => clearTimeout(timer);
  }, [armed]);
  if (!reversible(movement)) return null;
  const run = () =>
    client
      .call('stock.reverse', { docId: movement.docId! })
      .then(() => toast(t('undo.done')))
      .catch((e: unknown) => toast(errorMessage(e), 'error'));
  return (
    <button
      type="button"
      className={armed ? 'btn btn-small btn-danger' : 'btn btn-small'}
      data-testid={armed ? 'reverse-confirm' : 'reverse'}
      onClick={() => (armed ? (setArmed(false), void run()) : setArmed(true))}
    >
      {armed ? t('reverse.confirm') : t('reverse.action')}
    </button>
  );
}
