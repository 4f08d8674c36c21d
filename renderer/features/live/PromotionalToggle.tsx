// Whether a session's sales were a promotion: if so, reorder planning keeps them out of the
// normal rate (they show apart in a product's demand history).
import type { LiveSession } from '../../../main/common/api';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';

export function PromotionalToggle({ session }: { session: LiveSession }) {
  const t = useT();
  const toast = useToast();
  async function set(promotional: boolean) {
    try {
      await client.call('live.markPromotional', { id: session.id, promotional });
    } catch (e) {
      toast(errorMessage(e), 'error');
    }
  }
  return (
    <label className="lv-promo small" title={t('live.promotionalHint')}>
      <input type="checkbox" data-testid="live-promotional" checked={session.promotional} onChange={(e) => set(e.target.checked)} /> {t('live.promotional')}
    </label>
  );
}
