import type { DashboardSummary } from '../../main/common/api';
import type { T } from '../i18n';

export interface ChartProps {
  summary: DashboardSummary;
  t: T;
}
