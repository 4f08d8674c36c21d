// What the reference supplier accepts in an order, each problem named by its JSON path.
import type { ErrorCode, OrderRequest } from '../protocol/types';

export class SupplierRequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const fail = (field: string, message: string): never => {
  throw new SupplierRequestError('invalid_request', message, field);
};

export function checkOrderRequest(body: unknown): OrderRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail('$', 'must be an order object');
  const o = body as Record<string, unknown>;
  const reference = typeof o.reference === 'string' && o.reference.trim() && o.reference.length <= 40 ? o.reference : fail('reference', 'is required (at most 40 characters)');
  const currency = typeof o.currency === 'string' && /^[A-Z]{3}$/.test(o.currency) ? o.currency : fail('currency', 'must be a three-letter currency code');
  if (!Array.isArray(o.lines) || !o.lines.length || o.lines.length > 500) return fail('lines', 'must be a list of 1 to 500 lines');
  const lines = o.lines.map((l: unknown, i) => {
    const x = (typeof l === 'object' && l !== null ? l : {}) as Record<string, unknown>;
    const sku = typeof x.sku === 'string' && x.sku ? x.sku : fail(`lines[${i}].sku`, 'is required');
    const qty = typeof x.qty === 'number' && Number.isInteger(x.qty) && x.qty > 0 ? x.qty : fail(`lines[${i}].qty`, 'must be a whole number above zero');
    const unitPrice = x.unitPrice === undefined || x.unitPrice === null ? null : typeof x.unitPrice === 'string' && /^\d+(\.\d+)?$/.test(x.unitPrice) ? x.unitPrice : fail(`lines[${i}].unitPrice`, 'must be a decimal string like "12.50"');
    return { sku, qty, unitPrice };
  });
  const note = o.note === undefined || o.note === null ? null : typeof o.note === 'string' ? o.note.slice(0, 2000) : fail('note', 'must be text');
  return { reference, currency, lines, note };
}
