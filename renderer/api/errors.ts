// Turns an API error into what forms show: a message per field (from details.field and
// details.issues[].field) and whatever could not be pinned on a field.
import { ApiError } from '../../main/common/api/errors';

export interface FormErrors {
  fields: Record<string, string>;
  general: string | null;
}

export const noErrors: FormErrors = { fields: {}, general: null };

type Issue = { field: string; message: string };

/** Sorts an API error's issues onto form fields (keyOf gives the field, or null to leave it general). */
function collect(e: unknown, keyOf: (path: string) => string | null, strayText: (i: Issue) => string = (i) => i.message): FormErrors {
  if (!(e instanceof ApiError)) return { fields: {}, general: errorMessage(e) };
  const issues: Issue[] = e.details?.issues ?? (e.details?.field ? [{ field: e.details.field, message: e.message }] : []);
  const fields: Record<string, string> = {};
  const stray: string[] = [];
  for (const issue of issues) {
    const key = keyOf(issue.field);
    if (key !== null) fields[key] ??= issue.message;
    else stray.push(strayText(issue));
  }
  const general = Object.keys(fields).length === 0 ? e.message : stray.length ? stray.join('; ') : null;
  return { fields, general };
}

/** Field names from the API ("options.colour") are matched to form fields in full, else by their first part. */
export function toFormErrors(e: unknown, known: readonly string[]): FormErrors {
  return collect(e, (path) => {
    // a form may name a nested field in full ("settings.shipTo.city"); else by its first part
    if (known.includes(path)) return path;
    const name = path.split('.')[0] ?? path;
    return known.includes(name) ? name : null;
  });
}

/** Field errors of a nested input ("events.0.at" → "at"), by the last part of their path. */
export function nestedErrors(e: unknown, known: readonly string[]): FormErrors {
  return collect(e, (path) => {
    const name = path.split('.').pop() ?? path;
    return known.includes(name) ? name : null;
  });
}

/**
 * Field errors by their full path ("lines.0.qty", "fxRates.EUR") for forms with rows: those for
 * which isShown holds go by their field, any other to the form's general error with its path.
 */
export function pathErrors(e: unknown, isShown: (path: string) => boolean): FormErrors {
  return collect(e, (path) => (isShown(path) ? path : null), (i) => (i.field && i.field !== 'id' ? `${i.field}: ${i.message}` : i.message));
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
