// Form fields with their label, hint and the API's error shown right under them. Inputs carry
// data-testid="field-<name>" and errors data-testid="error-<name>".
import { useT } from '../i18n';
import { localiseApiMessage } from '../i18n/api-messages';
import type { InputHTMLAttributes, KeyboardEvent, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

/** "is required" → "Is required": API messages are written to follow a field name. */
export function capitalise(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

export const fieldId = (name: string) => `f-${name}`;
const errorIdFor = (name: string) => `${fieldId(name)}-error`;

/** The API's message for a field, in the UI's language where it is a common one. */
export function ErrorText({ name, message, id }: { name: string; message: string; id?: string }) {
  const t = useT();
  return (
    <div className="field-error" id={id} data-testid={`error-${name}`} role="alert">
      {capitalise(localiseApiMessage(t, message))}
    </div>
  );
}

interface FrameProps {
  name: string;
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** Under a field: the API's error if there is one, else the hint. */
function FieldNote({ name, error, hint, errorId, hintTestId }: { name: string; error?: string | undefined; hint?: ReactNode; errorId?: string; hintTestId?: string }) {
  if (error) return <ErrorText name={name} message={error} {...(errorId ? { id: errorId } : {})} />;
  if (!hint) return null;
  return (
    <div className="field-hint" data-testid={hintTestId}>
      {hint}
    </div>
  );
}

export function Field({ name, label, error, hint, className, children }: FrameProps) {
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ' ' + className : ''}`}>
      <label htmlFor={fieldId(name)}>{label}</label>
      {children}
      <FieldNote name={name} error={error} hint={hint} errorId={errorIdFor(name)} hintTestId={`hint-${name}`} />
    </div>
  );
}

type Common = Omit<FrameProps, 'children'>;

/** Splits a field's props into the frame's (label, error, hint…) and the rest, for the control. */
function splitFrame<P extends Common>({ name, label, error, hint, className, ...rest }: P) {
  return [{ name, label, error, hint, ...(className ? { className } : {}) }, rest] as const;
}

/** The attributes every framed control carries: its id for the label, name, test id and validity. */
function controlAttrs({ name, error }: Common) {
  return { id: fieldId(name), name, 'data-testid': `field-${name}`, 'aria-invalid': error ? true : undefined };
}

export function TextField({ value, onChange, ...props }: Common & { value: string; onChange(v: string): void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'name'>) {
  const [frame, rest] = splitFrame(props);
  return (
    <Field {...frame}>
      <input
        {...controlAttrs(frame)}
        aria-describedby={frame.error ? errorIdFor(frame.name) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...rest}
      />
    </Field>
  );
}

export function SelectField({ value, onChange, options, placeholder, ...props }: Common & {
  value: string;
  onChange(v: string): void;
  options: { value: string; label: string }[];
  placeholder?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'name'>) {
  const [frame, rest] = splitFrame(props);
  return (
    <Field {...frame}>
      <select {...controlAttrs(frame)} value={value} onChange={(e) => onChange(e.target.value)} {...rest}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Ctrl/⌘+Enter submits the form from a multi-line field (plain Enter makes a new line). */
function submitOnCtrlEnter(e: KeyboardEvent<HTMLTextAreaElement>): void {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    e.currentTarget.form?.requestSubmit();
  }
}

export function TextAreaField({ value, onChange, ...props }: Common & { value: string; onChange(v: string): void } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'name'>) {
  const [frame, rest] = splitFrame(props);
  return (
    <Field {...frame}>
      <textarea
        {...controlAttrs(frame)}
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={submitOnCtrlEnter}
        {...rest}
      />
    </Field>
  );
}

export function CheckboxField({ name, label, error, hint, checked, onChange }: Common & { checked: boolean; onChange(v: boolean): void }) {
  return (
    <div className={`field field-check${error ? ' has-error' : ''}`}>
      <label className="check">
        <input id={fieldId(name)} type="checkbox" data-testid={`field-${name}`} checked={checked} onChange={(e) => onChange(e.target.checked)} />
        <span>{label}</span>
      </label>
      <FieldNote name={name} error={error} hint={hint} />
    </div>
  );
}

/** A form-level message for errors that belong to no single field. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert" data-testid="form-error">
      {capitalise(message)}
    </div>
  );
}
