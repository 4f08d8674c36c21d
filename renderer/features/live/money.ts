import { currencyExponent, formatScaled } from '../../../main/common/money';

/** Minor units as the decimal a price field shows and the API reads back: 2500 USD → "25.00". */
export function formatMinor(minor: number, currency: string): string {
  return formatScaled(BigInt(minor), currencyExponent(currency));
}
