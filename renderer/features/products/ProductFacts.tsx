import type { Product } from '../../../main/common/api';
import { formatDateTime, formatQty } from '../../../main/common/format';
import { useI18n } from '../../i18n';

export function ProductFacts({ product: p }: { product: Product }) {
  const { t, countryName } = useI18n();
  const dims = [p.lengthMm, p.widthMm, p.heightMm].some((v) => v !== null) ? [p.lengthMm, p.widthMm, p.heightMm].map((v) => (v === null ? '?' : formatQty(v))).join(' × ') : null;
  const facts: [string, React.ReactNode][] = [
    [t('field.barcode'), p.barcode ? <span className="mono">{p.barcode}</span> : null],
    [t('field.brand'), p.brand],
    [t('field.category'), p.category],
    [t('field.hsCode'), p.hsCode ? <span className="mono">{p.hsCode}</span> : null],
    [t('field.originCountry'), p.originCountry ? countryName(p.originCountry) : null],
    [t('field.weightG'), p.weightG !== null ? formatQty(p.weightG) : null],
    [t('field.dimensions'), dims],
    [t('field.packSize'), formatQty(p.packSize)],
    [t('field.lowStockThreshold'), p.lowStockThreshold !== null ? formatQty(p.lowStockThreshold) : null],
    [t('field.defaultSupplier'), p.defaultSupplier],
    [t('product.options'), p.options ? Object.entries(p.options).map(([k, v]) => `${k}: ${v}`).join(', ') : null],
    [t('field.notes'), p.notes],
  ];
  return (
    <dl className="facts">
      {facts.map(([label, value]) => (
        <div key={label} className="fact">
          <dt>{label}</dt>
          <dd>{value ?? <span className="muted">—</span>}</dd>
        </div>
      ))}
      <div className="fact">
        <dt>{t('product.updated')}</dt>
        <dd className="muted">{formatDateTime(p.updatedAt)}</dd>
      </div>
    </dl>
  );
}
