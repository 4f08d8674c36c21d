import type { ReturnStatus } from '../../../main/common/api';
import { useT } from '../../i18n';

export function ReturnStatusTag({ status, testId }: { status: ReturnStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`tag rt-${status}`} data-testid={testId} data-status={status}>
      {t(`returns.status.${status}`)}
    </span>
  );
}
