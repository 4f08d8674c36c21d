// Field schemas shared by several methods. Messages are written for the merchant: they are shown
// next to the field that failed.
import { z } from './zod';
import { barcodeError, hsFormatError, normaliseHs } from '../codes';
import countries from '../data/countries.json';
import { isCurrency } from '../money';

const countryCodes = new Set((countries as { code: string }[]).map((c) => c.code));

export const id = z.uuid({ message: 'must be an id' });

export const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
export const requiredText = (max: number) => text(max).min(1, 'is required');
/** Optional text: an empty string means "none". */
export const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const decimal = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a number like 12.50');

export const quantity = z.number({ message: 'must be a whole number' }).int('must be a whole number').refine(Number.isSafeInteger, 'is too large');
export const positiveQty = quantity.refine((n) => n > 0, 'must be more than zero');
export const nonNegativeInt = quantity.refine((n) => n >= 0, 'must not be negative');

export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => countryCodes.has(c), 'is not an ISO 3166 country code');

export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrency, 'is not an ISO 4217 currency code');

export const barcode = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .superRefine((v, ctx) => {
    const err = v ? barcodeError(v) : null;
    if (err) ctx.addIssue({ code: 'custom', message: err });
  });

/** Format only: whether the code exists in the HS 2022 list is checked by the products service. */
export const hsCode = z
  .string()
  .nullish()
  .transform((v) => (v ? normaliseHs(v) : null))
  .superRefine((v, ctx) => {
    const err = v ? hsFormatError(v) : null;
    if (err) ctx.addIssue({ code: 'custom', message: err });
  });

/** A business date or date-time; a bare date means that day. */
export const occurredAt = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  message: 'must be a date (YYYY-MM-DD) or an ISO date-time',
});

export const page = {
  offset: nonNegativeInt.default(0),
  limit: quantity.refine((n) => n >= 1 && n <= 1000, 'must be between 1 and 1000').default(100),
};

export const sortDir = z.enum(['asc', 'desc']).default('asc');
