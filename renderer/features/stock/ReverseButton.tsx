// Reverses an adjustment or transfer from the history, for a mistake noticed after the Undo
// offer has gone. Two clicks (Reverse…, then Confirm) so a stray click changes nothing.
import type { Movement } from '../../../main/common/api';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';

export const reversible = (m: Movement) => m.docId !== null && (m.docType === 'adjustment' || m.docType === 'transfer');

export function ReverseButton({ movement }: { movement: Movement }) {
  const t = useT();
  const toast = useToast();
  if (!reversible(movement)) return null;
  const run = () =>
    void client
      .call('stock.reverse', { docId: movement.docId! })
      .then(() => toast(t('undo.done')))
      .catch((e: unknown) => toast(errorMessage(e), 'error'));
  return <ConfirmButton label={t('reverse.action')} confirmLabel={t('reverse.confirm')} onConfirm={run} testId="reverse" />;
}
