// A page that shows one query's data: the load error (with Retry) or a busy page until it arrives.
import type { ReactNode } from 'react';
import type { Query } from '../api/hooks';
import { useT } from '../i18n';
import { InlineError } from './EmptyState';

export function Loaded<R>({ q, children }: { q: Query<R>; children(data: R): ReactNode }) {
  const t = useT();
  if (q.error) {
    return (
      <div className="page">
        <InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} />
      </div>
    );
  }
  if (q.data === undefined) return <div className="page" aria-busy="true" />;
  return <>{children(q.data)}</>;
}
