// Turning what was typed into API arguments. Text that does not parse is passed on unchanged so
// the contract's validation (not the UI) decides, and its message lands next to the field.

/** "12" → 12, "" → null, anything else as typed. */
export function wholeNumber(s: string): number | null {
  const v = s.trim();
  if (v === '') return null;
  return (/^-?\d+$/.test(v) ? Number(v) : v) as number;
}

/** Optional text: blank means none. */
export function optionalText(s: string): string | null {
  return s.trim() || null;
}
