// Turns an API error into what forms show: a message per field (from details.field and
// details.issues[].field) and whatever could not be pinned on a field.
import { ApiError } from '../../main/common/api/errors';

export interface FormErrors {
  fields: Record<string, string>;
  general: string | null;
}

export const noErrors: FormErrors = { fields: {}, general: null };

/** Field names from the API ("options.colour") are matched to form fields by their first part. */
export function toFormErrors(e: unknown, known: readonly string[]): FormErrors {
  if (!(e instanceof ApiError)) return { fields: {}, general: e instanceof Error ? e.message : String(e) };
  const fields: Record<string, string> = {};
  const issues = e.details?.issues ?? (e.details?.field ? [{ field: e.details.field, message: e.message }] : []);
  const stray: string[] = [];
  for (const issue of issues) {
    const name = issue.field.split('.')[0] ?? issue.field;
    if (known.includes(name)) fields[name] ??= issue.message;
    else stray.push(issue.message);
  }
  const general = Object.keys(fields).length === 0 ? e.message : stray.length ? stray.join('; ') : null;
  return { fields, general };
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
