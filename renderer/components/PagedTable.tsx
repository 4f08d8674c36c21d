// A virtual table fed by usePaged: the load error above it, a loading line until the first page
// arrives (then `empty` if there are no rows), and the row total in its footer.
import type { ReactNode } from 'react';
import type { Paged } from '../api/paged';
import { useT } from '../i18n';
import { InlineError } from './EmptyState';
import { VirtualTable, type VirtualTableProps } from './VirtualTable';

type Props<R> = Omit<VirtualTableProps<R>, 'count' | 'rowAt' | 'onRange' | 'empty' | 'footer'> & {
  data: Paged<R>;
  /** shown when the list has no rows */
  empty: ReactNode;
  totalTestId?: string;
};

export function PagedTable<R>({ data, empty, totalTestId, ...table }: Props<R>) {
  const t = useT();
  return (
    <>
      {data.error ? <InlineError message={t('common.error', { msg: data.error.message })} /> : null}
      <VirtualTable<R>
        {...table}
        count={data.total ?? 0}
        rowAt={data.rowAt}
        onRange={data.setRange}
        empty={data.total === 0 ? empty : <div className="loading-block">{t('common.loading')}</div>}
        footer={
          <span className="muted" data-testid={totalTestId}>
            {data.total === null ? t('common.loading') : t('common.total', { n: data.total.toLocaleString('en') })}
          </span>
        }
      />
    </>
  );
}

/** A code (SKU, location code) in mono followed by a name that truncates: the usual first cell. */
export function CodeNameCell({ code, name, mutedName = false }: { code: string; name: string; mutedName?: boolean }) {
  return (
    <span className="cell-name">
      <span className="mono">{code}</span>
      <span className={mutedName ? 'muted truncate' : 'truncate'}>{name}</span>
    </span>
  );
}
