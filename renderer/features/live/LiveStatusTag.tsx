import type { LiveStatus } from '../../../main/common/api';
import { useT } from '../../i18n';

export function LiveStatusTag({ status }: { status: LiveStatus }) {
  const t = useT();
  return (
    <span className={`tag lv-status lv-${status}`} data-testid="live-status" data-status={status}>
      {status === 'live' ? <span className="lv-dot" aria-hidden="true" /> : null}
      {t(`live.status.${status}`)}
    </span>
  );
}
