import type { CountStatus, EventName } from '../../../main/common/api';
import { useT } from '../../i18n';

/** What a count screen listens to: the counts themselves, and stock that moves under them. */
export const COUNT_EVENTS: EventName[] = ['counts.changed', 'stock.changed', 'products.changed'];

export function CountStatusTag({ status, testId }: { status: CountStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`tag cnt-${status}`} data-testid={testId} data-status={status}>
      {t(`counts.status.${status}`)}
    </span>
  );
}
