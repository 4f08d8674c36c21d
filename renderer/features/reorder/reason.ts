// A plan line's reason in the UI's language, composed from its figures: "projected 12 ≤ reorder
// point 31; 9 days of cover left; runs out about 3 Dec".
import type { PlanLine } from '../../../main/common/api';
import type { Locale, MessageKey, T } from '../../i18n';

/** The methods a merchant can choose, `auto` first. */
export const METHOD_CHOICES = ['auto', 'mean', 'ses', 'croston', 'sba', 'tsb'] as const;

/** Units to one decimal, without a trailing ".0". */
export const units = (n: number) => String(Math.round(n * 10) / 10);

/** "2026-12-03" → "3 Dec" / "12月3日". */
export function dayLabel(day: string, locale: Locale): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

const TRIGGER: Record<PlanLine['trigger']['kind'], [MessageKey, MessageKey]> = {
  rop: ['reorder.reason.rop', 'reorder.reason.ropAbove'],
  min: ['reorder.reason.min', 'reorder.reason.minAbove'],
  level: ['reorder.reason.level', 'reorder.reason.levelAbove'],
};

export function reasonText(l: PlanLine, t: T, locale: Locale, weeks: number): string {
  if (l.forecastPerWeek === null && l.policy === 'rop') return t(l.promoUnits ? 'reorder.reason.noHistoryPromo' : 'reorder.reason.noHistory', { weeks });
  const [reached, above] = TRIGGER[l.trigger.kind];
  const parts = [t(l.trigger.reached ? reached : above, { projected: units(l.projected), threshold: units(l.trigger.threshold) })];
  if (l.plannedLive) parts.push(t('reorder.reason.live', { n: l.plannedLive }));
  if (l.daysOfCover !== null) parts.push(t('reorder.reason.cover', { days: Math.floor(l.daysOfCover) }));
  if (l.runsOutOn) parts.push(t('reorder.reason.runsOut', { date: dayLabel(l.runsOutOn, locale) }));
  if (l.slackDays !== null && l.slackDays < 0) parts.push(t('reorder.reason.late'));
  return parts.join(t('reorder.reason.sep'));
}
