import { ApiError } from '../common/api/errors';
import { parseMoney } from '../common/money';

/** An amount typed in a currency ("1250.00", "3000" yen) as minor units: within its decimals, not negative; errors name `field`. */
export function amountIn(text: string, currency: string, field: string): number {
  let minor: number;
  try {
    minor = parseMoney(text, currency);
  } catch (e) {
    throw ApiError.field(field, `${(e as Error).message} (${currency})`);
  }
  if (minor < 0) throw ApiError.field(field, 'must not be negative');
  return minor;
}
