// Variant options as key/value pairs (colour = Red, size = M).
import { ErrorText, fieldId } from '../../components/Field';
import { useT } from '../../i18n';
import type { OptionRow } from './draft';

interface Props {
  rows: OptionRow[];
  onChange(rows: OptionRow[]): void;
  error?: string | undefined;
}

export function OptionsEditor({ rows, onChange, error }: Props) {
  const t = useT();
  const set = (i: number, patch: Partial<OptionRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className={`field span-2${error ? ' has-error' : ''}`}>
      <label htmlFor={fieldId('options-0-key')}>{t('field.options')}</label>
      <div className="options" data-testid="field-options">
        {rows.map((r, i) => (
          <div className="option-row" key={i}>
            <input id={fieldId(`options-${i}-key`)} aria-label={t('field.options.key')} placeholder={t('field.options.key')} value={r.key} onChange={(e) => set(i, { key: e.target.value })} data-testid={`option-key-${i}`} />
            <span className="option-eq">=</span>
            <input aria-label={t('field.options.value')} placeholder={t('field.options.value')} value={r.value} onChange={(e) => set(i, { value: e.target.value })} data-testid={`option-value-${i}`} />
            <button type="button" className="icon-btn" aria-label={t('common.remove')} title={t('common.remove')} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-small" onClick={() => onChange([...rows, { key: '', value: '' }])} data-testid="option-add">
          + {t('common.add')}
        </button>
      </div>
      {error ? (
        <ErrorText name="options" message={error} />
      ) : null}
    </div>
  );
}
