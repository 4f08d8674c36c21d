// The business date of a movement; today unless the merchant back-dates it.
import { TextField } from '../../components/Field';

export function DateField({ label, value, max, onChange, error }: { label: string; value: string; max: string; onChange(v: string): void; error?: string | undefined }) {
  return <TextField name="occurredAt" type="date" label={label} value={value} max={max} onChange={onChange} error={error} />;
}
