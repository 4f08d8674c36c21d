import type { PaymentStatus, SalesStatus } from '../../../main/common/api';
import { useT } from '../../i18n';

export const SALES_STATUSES: SalesStatus[] = ['draft', 'confirmed', 'partly_shipped', 'shipped', 'completed', 'cancelled'];
export const PAYMENT_STATUSES: PaymentStatus[] = ['unpaid', 'partly_paid', 'paid'];

export function OrderStatusTag({ status }: { status: SalesStatus }) {
  const t = useT();
  return (
    <span className={`tag so-${status}`} data-testid="order-status" data-status={status}>
      {t(`sales.status.${status}`)}
    </span>
  );
}

export function PaymentTag({ status }: { status: PaymentStatus }) {
  const t = useT();
  return (
    <span className={`tag so-pay-${status}`} data-testid="payment-status" data-status={status}>
      {t(`sales.payment.${status}`)}
    </span>
  );
}
