// Sync's records in words: a catalogue change's values, a run's counts, a result's tag.
import type { CatalogChange, SyncRun } from '../../../main/common/api';
import type { T } from '../../i18n';

interface PriceValue {
  currency: string;
  unitPrice: string;
  breaks: { minQty: number; unitPrice: string }[];
}

/** One side of a change as the merchant reads it: "12.50 USD (48+ 11.25)", "discontinued", "6". */
export function changeValue(t: T, kind: CatalogChange['kind'], value: string | null): string {
  if (value === null) return '—';
  if (kind === 'price') {
    const p = JSON.parse(value) as PriceValue;
    const breaks = p.breaks.map((b) => `${b.minQty}+ ${b.unitPrice}`).join(' · ');
    return `${p.unitPrice} ${p.currency}${breaks ? ` (${breaks})` : ''}`;
  }
  if (kind === 'discontinued') return t(value === 'discontinued' ? 'sync.value.discontinued' : 'sync.value.active');
  if (kind === 'lead_time') return t('suppliers.days', { n: Number(value) });
  return value;
}

const COUNT_KEYS = ['ordersSent', 'ordersFound', 'ordersRejected', 'catalog', 'prices', 'availability', 'orderUpdates', 'shipmentsCreated', 'shipmentsUpdated'] as const;

export function runCounts(t: T, run: SyncRun): string {
  const parts = COUNT_KEYS.filter((k) => (run.counts[k] ?? 0) > 0).map((k) => t(`sync.count.${k}`, { n: run.counts[k]! }));
  return parts.join(' · ') || t('sync.count.nothing');
}
