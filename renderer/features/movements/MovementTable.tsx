// A plain (not virtualised) table of movements with a chosen set of columns, for short lists such
// as the dashboard's recent movements and a product's history.
import type { ReactNode } from 'react';
import type { Movement } from '../../../main/common/api';
import { formatDateTime } from '../../../main/common/format';
import { paths } from '../../app/router';
import { AvgCost, Money, Qty } from '../../components/Numbers';
import { useT, type T } from '../../i18n';
import { ReverseButton } from '../stock/ReverseButton';
import { KindTag, reasonAndNote } from './cells';

export type MovementColumn = 'date' | 'product' | 'location' | 'kind' | 'qty' | 'value' | 'avgCost' | 'qtyAfter' | 'actor' | 'reason' | 'actions';

interface ColumnDef {
  right?: boolean;
  cellClass?: string;
  render(m: Movement, currency: string, t: T): ReactNode;
}

const COLUMNS: Record<MovementColumn, ColumnDef> = {
  date: { cellClass: 'nowrap', render: (m) => formatDateTime(m.occurredAt) },
  product: {
    render: (m) => (
      <a href={'#' + paths.product(m.productId)}>
        <span className="mono">{m.sku}</span> {m.productName}
      </a>
    ),
  },
  location: { cellClass: 'mono', render: (m) => m.locationCode },
  kind: { render: (m) => <KindTag kind={m.kind} /> },
  qty: { right: true, render: (m) => <Qty n={m.qty} signed /> },
  value: { right: true, render: (m, ccy) => <Money minor={m.value} currency={ccy} /> },
  avgCost: { right: true, render: (m, ccy) => <AvgCost avgCostE4={m.avgCostE4} currency={ccy} /> },
  qtyAfter: { right: true, render: (m) => <Qty n={m.qtyAfter} /> },
  actor: { cellClass: 'muted', render: (m) => m.actor },
  reason: { cellClass: 'muted truncate-cell', render: (m, _ccy, t) => reasonAndNote(t, m) },
  actions: { right: true, render: (m) => <ReverseButton movement={m} /> },
};

interface Props {
  rows: Movement[];
  columns: MovementColumn[];
  currency: string;
  className?: string;
  rowTestId?: string;
}

export function MovementTable({ rows, columns, currency, className = 'table', rowTestId }: Props) {
  const t = useT();
  return (
    <table className={className}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} className={COLUMNS[c].right ? 'right' : undefined}>
              {t(`moves.col.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.id} data-testid={rowTestId}>
            {columns.map((c) => (
              <td key={c} className={COLUMNS[c].right ? 'right' : COLUMNS[c].cellClass}>
                {COLUMNS[c].render(m, currency, t)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
