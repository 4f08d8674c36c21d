import type { ShipmentStatus } from '../../../main/common/api';
import { useT } from '../../i18n';

export function ShipmentStatusTag({ status, testId }: { status: ShipmentStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`tag sh-${status}`} data-testid={testId} data-status={status}>
      {t(`shipments.status.${status}`)}
    </span>
  );
}
