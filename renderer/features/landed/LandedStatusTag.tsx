import type { LandedDocStatus } from '../../../main/common/api';
import { useT } from '../../i18n';

export function LandedStatusTag({ status, testId }: { status: LandedDocStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`tag lc-${status}`} data-testid={testId}>
      {t(`landed.status.${status}`)}
    </span>
  );
}
