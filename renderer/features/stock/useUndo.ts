// After an adjustment or transfer, the confirmation offers Undo: it posts the reversal (the
// ledger keeps both), so a mistyped quantity is fixed with one click.
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';

export function useDoneWithUndo(): (text: string, docId: string) => void {
  const toast = useToast();
  const t = useT();
  return (text, docId) =>
    toast(text, 'success', {
      label: t('undo.action'),
      run: () =>
        void client
          .call('stock.reverse', { docId })
          .then(() => toast(t('undo.done')))
          .catch((e: unknown) => toast(errorMessage(e), 'error')),
    });
}
