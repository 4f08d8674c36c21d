import type { PoStatus } from '../../../main/common/api';
import { useT } from '../../i18n';

export function PoStatusTag({ status, testId }: { status: PoStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`tag po-${status}`} data-testid={testId}>
      {t(`po.status.${status}`)}
    </span>
  );
}
