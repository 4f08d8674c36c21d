import type { Movement } from '../../../main/common/api';
import { formatDateTime } from '../../../main/common/format';
import { paths } from '../../app/router';
import { Money, Qty } from '../../components/Numbers';
import { useT } from '../../i18n';

export function RecentMovements({ rows, currency }: { rows: Movement[]; currency: string }) {
  const t = useT();
  if (rows.length === 0) return <div className="muted list-empty">{t('dash.recent.empty')}</div>;
  return (
    <table className="table compact">
      <thead>
        <tr>
          <th>{t('moves.col.date')}</th>
          <th>{t('moves.col.product')}</th>
          <th>{t('moves.col.location')}</th>
          <th>{t('moves.col.kind')}</th>
          <th className="right">{t('moves.col.qty')}</th>
          <th className="right">{t('moves.col.value')}</th>
          <th>{t('moves.col.actor')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.id}>
            <td className="nowrap">{formatDateTime(m.occurredAt)}</td>
            <td>
              <a href={'#' + paths.product(m.productId)}>
                <span className="mono">{m.sku}</span> {m.productName}
              </a>
            </td>
            <td className="mono">{m.locationCode}</td>
            <td>
              <span className={`kind kind-${m.kind}`}>{t(`kind.${m.kind}`)}</span>
            </td>
            <td className="right">
              <Qty n={m.qty} signed />
            </td>
            <td className="right">
              <Money minor={m.value} currency={currency} />
            </td>
            <td className="muted">{m.actor}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
