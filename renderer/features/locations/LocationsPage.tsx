// Locations: where stock is kept. List, create, edit, archive (only when empty, the API says).
import { useEffect, useState } from 'react';
import type { Location } from '../../../main/common/api';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { paths, replacePath } from '../../app/router';
import { EmptyState, InlineError } from '../../components/EmptyState';
import { useToast } from '../../components/Toasts';
import { useI18n } from '../../i18n';
import { LocationForm } from './LocationForm';

export function LocationsPage({ openNew }: { openNew: boolean }) {
  const { t, countryName } = useI18n();
  const toast = useToast();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Location | 'new' | null>(null);
  const q = useQuery('locations.list', { includeArchived: showArchived });
  const rows = q.data ?? [];
  useEffect(() => {
    if (openNew) {
      setEditing('new');
      replacePath(paths.locations());
    }
  }, [openNew]);

  const archive = async (l: Location) => {
    try {
      await client.call('locations.archive', { id: l.id });
      toast(t('locations.archived', { code: l.code }));
    } catch (e) {
      toast(errorMessage(e), 'error');
    }
  };

  const newButton = (
    <button type="button" className="btn btn-primary" data-testid="new-location" onClick={() => setEditing('new')}>
      + {t('locations.new')}
    </button>
  );

  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('locations.title')}</h1>
        <span className="spacer" />
        <label className="check">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          <span>{t('locations.showArchived')}</span>
        </label>
        {newButton}
      </header>
      {q.error ? <InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} /> : null}
      {q.data && rows.length === 0 ? (
        <EmptyState title={t('locations.empty.title')} action={newButton}>
          {t('locations.empty.body')}
        </EmptyState>
      ) : (
        <section className="card flush">
          <table className="table" data-testid="locations-table">
            <thead>
              <tr>
                <th>{t('locations.col.code')}</th>
                <th>{t('locations.col.name')}</th>
                <th>{t('locations.col.kind')}</th>
                <th>{t('locations.col.country')}</th>
                <th>{t('locations.col.negative')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.id} data-testid="location-row" className={l.status === 'archived' ? 'dim' : ''}>
                  <td className="mono strong">{l.code}</td>
                  <td>
                    {l.name}
                    {l.status === 'archived' ? <span className="tag">{t('common.archived')}</span> : null}
                    {l.notes ? <div className="muted small">{l.notes}</div> : null}
                  </td>
                  <td>
                    <span className={`lkind lkind-${l.kind}`}>{t(`lkind.${l.kind}`)}</span>
                  </td>
                  <td>{l.country ? countryName(l.country) : <span className="muted">—</span>}</td>
                  <td>{l.allowNegative ? t('common.yes') : <span className="muted">{t('common.no')}</span>}</td>
                  <td className="right row-actions">
                    <a className="btn btn-small btn-quiet" href={'#' + paths.stock(l.id)}>
                      {t('locations.viewStock')}
                    </a>
                    <button type="button" className="btn btn-small" data-testid="edit-location" onClick={() => setEditing(l)}>
                      {t('common.edit')}
                    </button>
                    {l.status === 'active' ? (
                      <button type="button" className="btn btn-small btn-quiet" data-testid="archive-location" onClick={() => void archive(l)}>
                        {t('common.archive')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {editing ? <LocationForm location={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
