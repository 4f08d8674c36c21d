// Calculations kept for later: open one, or delete it (two clicks).
import { formatDateTime } from '../../../main/common/format';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { navigate } from '../../app/router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { InlineError } from '../../components/EmptyState';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';

export function SavedCalculations({ currentId }: { currentId: string | null }) {
  const t = useT();
  const toast = useToast();
  const q = useQuery('landed.calculations', {}, { events: ['landed.changed'] });
  const rows = q.data ?? [];
  const remove = (id: string, name: string) =>
    client
      .call('landed.deleteCalculation', { id })
      .then(() => {
        toast(t('calc.deleted', { name }));
        if (id === currentId) navigate('/calculator');
        else q.refetch();
      })
      .catch((e: unknown) => toast(errorMessage(e), 'error'));
  return (
    <section className="card flush calc-saved" data-testid="calc-saved">
      <h2 className="card-title card-title-pad">{t('calc.saved.title')}</h2>
      {q.error ? <InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} /> : null}
      {q.data && rows.length === 0 ? (
        <p className="muted small card-title-pad">{t('calc.saved.empty')}</p>
      ) : (
        <table className="table compact">
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} data-testid="saved-calc-row" className={c.id === currentId ? 'selected' : ''}>
                <td className="truncate-cell">
                  <a href={`#/calculator/${encodeURIComponent(c.id)}`} data-testid="saved-calc-open">
                    {c.name}
                  </a>
                </td>
                <td className="muted small nowrap">
                  {c.currency} · {c.lines === 1 ? t('calc.saved.line') : t('calc.saved.lines', { n: c.lines })}
                </td>
                <td className="muted small nowrap">{formatDateTime(c.updatedAt)}</td>
                <td className="right">
                  <ConfirmButton label={t('common.remove')} confirmLabel={t('calc.saved.confirmDelete')} onConfirm={() => void remove(c.id, c.name)} testId="saved-calc-delete" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
