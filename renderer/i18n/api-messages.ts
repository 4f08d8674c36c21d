// The API's field messages are English sentences written to follow a field name. The common ones
// are re-worded here for the UI's language; anything else is shown as the API wrote it.
import type { MessageKey } from './en';
import type { T } from './index';

const EXACT: Record<string, MessageKey> = {
  'is required': 'api.required',
  'must be an id': 'api.choose',
  'must be a whole number': 'api.wholeNumber',
  'must be a whole number of units': 'api.wholeUnits',
  'must be more than zero': 'api.positive',
  'must not be negative': 'api.nonNegative',
  'must not be zero': 'api.nonZero',
  'must differ from the source location': 'api.differentLocation',
  'must be a number like 12.50': 'api.decimal',
  'cannot be in the future': 'api.future',
  'is not an ISO 3166 country code': 'api.country',
  'a barcode is digits only': 'api.barcodeDigits',
  'a barcode has 8, 12 (UPC-A), 13 (EAN-13) or 14 digits': 'api.barcodeLength',
  'an HS code has 6, 8 or 10 digits': 'api.hsLength',
  // the transport's own messages (renderer/api)
  'Not connected to Crossdock.': 'conn.notConnected',
  'The connection to Crossdock dropped before the answer came back. Check whether the change was saved before trying again.': 'conn.dropped',
  'Crossdock refused this page’s access token.': 'conn.tokenRefused',
};

const PATTERNS: [RegExp, MessageKey][] = [
  [/^only (?<n>-?\d+) on hand$/, 'api.onlyOnHand'],
  [/^only (?<n>-?\d+) can be taken at that date$/, 'api.onlyAtDate'],
  [/^at most (?<n>\d+) characters$/, 'api.maxChars'],
  [/^check digit should be (?<n>\d): the barcode is mistyped$/, 'api.checkDigit'],
  [/^(?<n>\d+) is not in the HS 2022 nomenclature$/, 'api.hsUnknown'],
];

export function localiseApiMessage(t: T, message: string): string {
  const key = EXACT[message];
  if (key) return t(key);
  for (const [re, k] of PATTERNS) {
    const m = re.exec(message);
    if (m) return t(k, { n: m.groups?.n ?? '' });
  }
  return message;
}
