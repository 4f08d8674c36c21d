// The submit half of every API form: one request at a time (a busy flag for the save button), and
// what the API refuses mapped onto the form's fields.
import { useState, type FormEvent } from 'react';
import { noErrors, toFormErrors, type FormErrors } from '../api/errors';

export function useFormSubmit(fields: readonly string[], onErrors?: (errors: FormErrors) => void) {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  /** An onSubmit handler that runs `action`; whatever it throws becomes the form's errors. */
  const submit = (action: () => Promise<void>) => async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await action();
    } catch (x) {
      const fe = toFormErrors(x, fields);
      setErrors(fe);
      onErrors?.(fe);
    } finally {
      setBusy(false);
    }
  };

  const err = (field: string): string | undefined => errors.fields[field];
  return { errors, setErrors, err, busy, submit };
}
