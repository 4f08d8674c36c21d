// The one error shape that crosses every transport.
export type ErrorCode =
  | 'invalid_input' // the input failed validation; details.field names it
  | 'not_found'
  | 'conflict' // duplicate SKU, archived record, base currency already in use…
  | 'insufficient_stock'
  | 'unknown_method'
  | 'unauthorized'
  | 'internal';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: { field?: string; issues?: { field: string; message: string }[]; [k: string]: unknown };
}

export class ApiError extends Error implements ErrorBody {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: ErrorBody['details'],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static field(field: string, message: string, code: ErrorCode = 'invalid_input'): ApiError {
    return new ApiError(code, message, { field, issues: [{ field, message }] });
  }

  toJSON(): ErrorBody {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

/** What a transport carries back for one call. */
export type Envelope<R = unknown> = { ok: true; result: R } | { ok: false; error: ErrorBody };
