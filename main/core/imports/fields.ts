// A row parser for a file of thousands of rows: the contract's object schema applied field by field,
// each field's result kept by its value — a catalogue repeats its brands, categories, weights and
// prices thousands of times, and a field's rules depend on nothing but its value. The contract's
// import inputs have no rule across fields, so this is the same check as parsing the whole object
// (test/unit/import-fields.test.ts holds it to that) for a fraction of the work.
import { z } from 'zod';

type Result = { ok: true; value: unknown } | { ok: false; issues: z.core.$ZodIssue[] };

/** values kept per field at most: a column of unique values (SKUs, names) stops being kept */
const KEPT = 5000;

export function fieldParser<S extends z.ZodObject>(schema: S): (input: Record<string, unknown>) => z.output<S> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const fields = Object.entries(shape).map(([key, field]) => ({ key, field, kept: new Map<unknown, Result>() }));
  return (input) => {
    const out: Record<string, unknown> = {};
    let issues: z.core.$ZodIssue[] | null = null;
    for (const { key, field, kept } of fields) {
      const value = input[key];
      const keepable = value === null || typeof value !== 'object';
      let r = keepable ? kept.get(value) : undefined;
      if (!r) {
        const parsed = field.safeParse(value);
        r = parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: parsed.error.issues };
        if (keepable && kept.size < KEPT) kept.set(value, r);
      }
      if (!r.ok) (issues ??= []).push(...r.issues.map((i) => ({ ...i, path: [key, ...i.path] })));
      else if (r.value !== undefined) out[key] = r.value;
    }
    if (issues) throw new z.ZodError(issues);
    return out as z.output<S>;
  };
}
