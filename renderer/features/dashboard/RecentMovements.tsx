import type { Movement } from '../../../main/common/api';
import { useT } from '../../i18n';
import { MovementTable } from '../movements/MovementTable';

export function RecentMovements({ rows, currency }: { rows: Movement[]; currency: string }) {
  const t = useT();
  if (rows.length === 0) return <div className="muted list-empty">{t('dash.recent.empty')}</div>;
  return <MovementTable rows={rows} columns={['date', 'product', 'location', 'kind', 'qty', 'value', 'actor']} currency={currency} className="table compact" />;
}
