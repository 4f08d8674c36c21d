// Check-digit and format rules for codes merchants type or scan. Pure, shared by UI and core.

/** GS1 mod-10 check digit over the digits before it (EAN-8, UPC-A, EAN-13, GTIN-14). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * A barcode is accepted if it is an EAN-13 or UPC-A (12 digits) with a correct check digit, or
 * EAN-8 / GTIN-14. Returns an error message, or null when valid.
 */
export function barcodeError(code: string): string | null {
  if (!/^\d+$/.test(code)) return 'a barcode is digits only';
  if (![8, 12, 13, 14].includes(code.length)) return 'a barcode has 8, 12 (UPC-A), 13 (EAN-13) or 14 digits';
  const expected = gs1CheckDigit(code.slice(0, -1));
  if (Number(code.at(-1)) !== expected) return `check digit should be ${expected}: the barcode is mistyped`;
  return null;
}

/**
 * Prefixes for a merchant's own EAN-13 numbers, which mean nothing outside the business: 04 is GS1's
 * prefix for company-internal numbering (RCN-13, GS1 General Specifications §2.1.13.2; any digits
 * after it), 20–29 the in-store numbers whose use each country's GS1 office sets. Followed by up to
 * five digits of the merchant's choosing, leaving the rest for the item number.
 */
export const IN_STORE_PREFIX = /^(?:04|2\d)\d{0,5}$/;

/** The n-th (from 1) EAN-13 number under an in-store prefix: prefix, item number, check digit. */
export function inStoreEan13(prefix: string, n: number): string {
  const digits = 12 - prefix.length;
  if (!Number.isInteger(n) || n < 1 || String(n).length > digits) throw new RangeError(`item number ${n} does not fit in the ${digits} digits ${prefix} leaves`);
  const body = prefix + String(n).padStart(digits, '0');
  return body + gs1CheckDigit(body);
}

/** HS codes: 6-digit international code, optionally extended by national digits (8–10). */
export function hsFormatError(code: string): string | null {
  if (!/^\d{6}(\d{2}){0,2}$/.test(code)) return 'an HS code has 6, 8 or 10 digits';
  return null;
}

/** Strips the dots and spaces people type in HS codes ("6204.62" → "620462"). */
export function normaliseHs(code: string): string {
  return code.replace(/[.\s]/g, '');
}
