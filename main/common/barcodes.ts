// Barcode symbols as rows of modules ('1' a bar module, '0' a space), for labels. EAN-13 by the
// GS1 General Specifications (§5.2.1.2: guard bars, the number sets A, B and C, and the first digit
// carried by the pattern of sets A and B on the left half); Code 128 by ISO/IEC 15417 (set B,
// printable ASCII, a weighted mod-103 check symbol). Pure: the PDF layer draws the bars.

/** Number set A of EAN-13, digits 0–9; set C is its complement and set B set C reversed. */
const SET_A = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
const SET_C = SET_A.map((p) => [...p].map((m) => (m === '1' ? '0' : '1')).join(''));
const SET_B = SET_C.map((p) => [...p].reverse().join(''));
/** Which of the left half's six digits use set B, by the first digit (1 = set B) */
const FIRST_DIGIT = ['000000', '001011', '001101', '001110', '010011', '011001', '011100', '010101', '010110', '011010'];

/** The 95 modules of an EAN-13 symbol of 13 digits (the check digit is not checked here). */
export function ean13Modules(code: string): string {
  if (!/^\d{13}$/.test(code)) throw new RangeError(`${code} is not 13 digits`);
  const d = [...code].map(Number);
  const parity = FIRST_DIGIT[d[0]!]!;
  let out = '101';
  for (let i = 1; i <= 6; i++) out += (parity[i - 1] === '1' ? SET_B : SET_A)[d[i]!]!;
  out += '01010';
  for (let i = 7; i <= 12; i++) out += SET_C[d[i]!]!;
  return out + '101';
}

/** Code 128 symbol characters 0–106 as bar and space widths (bar first); 106 is the stop pattern. */
const CODE128 = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 122231 113222 ' +
  '123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 212123 212321 ' +
  '232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 112133 112331 132131 113123 113321 133121 ' +
  '313121 211331 231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 ' +
  '111422 121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 ' +
  '111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 ' +
  '114311 411113 411311 113141 114131 311141 411131 211412 211214 211232 2331112'
).split(' ');
const START_B = 104;

const widthsToModules = (w: string) => [...w].map((n, i) => (i % 2 === 0 ? '1' : '0').repeat(Number(n))).join('');

/** Whether text can be written in Code 128 set B (printable ASCII). */
export const code128Encodable = (text: string) => /^[\x20-\x7e]+$/.test(text);

/** The modules of a Code 128 (set B) symbol: start, the characters, the check symbol, stop. */
export function code128Modules(text: string): string {
  if (!code128Encodable(text)) throw new RangeError(`${text} has characters Code 128 set B cannot write`);
  const values = [START_B, ...[...text].map((ch) => ch.charCodeAt(0) - 32)];
  return [...values, code128Check(text), 106].map((v) => widthsToModules(CODE128[v]!)).join('');
}

/** The check symbol of a Code 128 set B text: start B weighted 1, each character by its position, mod 103. */
export function code128Check(text: string): number {
  return [START_B, ...[...text].map((ch) => ch.charCodeAt(0) - 32)].reduce((sum, v, i) => sum + v * Math.max(i, 1), 0) % 103;
}

/** The tables, for their tests. */
export const tables = { SET_A, SET_B, SET_C, FIRST_DIGIT, CODE128 };
