// Compact inputs for the calculator's tables: an input (or select) with its error right under it,
// data-testid="<name>" on the control and "error-<name>" on the message.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { capitalise } from '../../components/Field';
import { localiseApiMessage } from '../../i18n/api-messages';
import { useT } from '../../i18n';

export function CellError({ name, message }: { name: string; message: string | undefined }) {
  const t = useT();
  if (!message) return null;
  return (
    <div className="cell-error" data-testid={`error-${name}`} role="alert">
      {capitalise(localiseApiMessage(t, message))}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'name'>;

export function CellInput({ name, label, value, onChange, error, num, hint, ...rest }: { name: string; label: string; value: string; onChange(v: string): void; error?: string | undefined; num?: boolean; hint?: ReactNode } & InputProps) {
  return (
    <div className={`cell${error ? ' has-error' : ''}`}>
      <input
        className={`input cell-input${num ? ' num-cell' : ''}`}
        name={name}
        data-testid={name}
        aria-label={label}
        title={label}
        aria-invalid={error ? true : undefined}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...(num ? { inputMode: 'decimal' as const } : {})}
        {...rest}
      />
      <CellError name={name} message={error} />
      {hint && !error ? <div className="cell-hint">{hint}</div> : null}
    </div>
  );
}

export function CellSelect({ name, label, value, onChange, options, error, ...rest }: { name: string; label: string; value: string; onChange(v: string): void; options: { value: string; label: string }[]; error?: string | undefined } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'name'>) {
  return (
    <div className={`cell${error ? ' has-error' : ''}`}>
      <select className="input cell-input" name={name} data-testid={name} aria-label={label} title={label} aria-invalid={error ? true : undefined} value={value} onChange={(e) => onChange(e.target.value)} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <CellError name={name} message={error} />
    </div>
  );
}
