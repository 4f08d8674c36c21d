// Shipping arithmetic and tracking rules, pure: tracking-number check digits where a carrier's
// format is known, volumetric and chargeable weight, and a tracking timeline that stays right
// when events arrive late, out of order or twice.

export type Carrier = 'ups' | 'upu-s10';

export interface TrackingCheck {
  /** upper case, without spaces or dashes */
  normalized: string;
  /** the format recognised, or null when no known format applies (then nothing is checked) */
  format: Carrier | null;
  /** why a recognised number is wrong (a mistyped character), or null */
  error: string | null;
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/**
 * UPU S10 (postal items, e.g. EE123456785GB): two service letters, an 8-digit serial, a check
 * digit, the ISO country code. Check digit: 11 − (Σ serial digits × 8,6,4,2,3,5,9,7 mod 11),
 * with 10 → 0 and 11 → 5 (UPU standard S10).
 */
export function s10CheckDigit(serial: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (serial.charCodeAt(i) - 48) * S10_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

/**
 * UPS (1Z + 15 characters + check digit): over the 15 characters, letters count as
 * (character code − 63) mod 10 (A = 2, B = 3, …), digits as themselves; odd positions add the
 * value, even positions twice it; the check digit brings the sum up to a multiple of 10.
 */
export function upsCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : (c - 63) % 10;
    sum += i % 2 === 0 ? v : 2 * v;
  }
  return (10 - (sum % 10)) % 10;
}

export function checkTracking(text: string): TrackingCheck {
  const normalized = text.toUpperCase().replace(/[\s-]/g, '');
  if (/^1Z[0-9A-Z]{16}$/.test(normalized)) {
    const expected = upsCheckDigit(normalized.slice(2, 17));
    const given = normalized.charCodeAt(17) - 48;
    return { normalized, format: 'ups', error: given === expected ? null : `a UPS number ends in check digit ${expected} here: a character is mistyped` };
  }
  if (/^[A-Z]{2}\d{9}[A-Z]{2}$/.test(normalized)) {
    const expected = s10CheckDigit(normalized.slice(2, 10));
    const given = normalized.charCodeAt(10) - 48;
    return { normalized, format: 'upu-s10', error: given === expected ? null : `the postal number's check digit should be ${expected}: a digit is mistyped` };
  }
  return { normalized, format: null, error: null };
}

/**
 * Volumetric weight in grams from outer dimensions in millimetres: L × W × H in cm³ divided by
 * the carrier's divisor (5000 or 6000 cm³ per kg) — the same as L × W × H in mm³ ÷ divisor in
 * grams. Rounded half up to the gram.
 */
export function volumetricGrams(lengthMm: number, widthMm: number, heightMm: number, divisor: 5000 | 6000 | number): number {
  if (![lengthMm, widthMm, heightMm, divisor].every((x) => Number.isSafeInteger(x) && x >= 0) || divisor === 0) throw new RangeError('dimensions and divisor must be whole, non-negative numbers');
  const volume = BigInt(lengthMm) * BigInt(widthMm) * BigInt(heightMm);
  return Number((volume * 2n + BigInt(divisor)) / (2n * BigInt(divisor)));
}

/** What the carrier bills: the greater of actual and volumetric weight, rounded up to its step (e.g. 500 g). */
export function chargeableGrams(actualGrams: number, volumetric: number, stepGrams = 500): number {
  const w = Math.max(actualGrams, volumetric);
  return Math.ceil(w / stepGrams) * stepGrams;
}

export type TrackingStatus = 'created' | 'in_transit' | 'at_customs' | 'customs_held' | 'out_for_delivery' | 'delivered' | 'exception' | 'returned';

export interface TrackingEvent {
  /** ISO date-time (UTC) */
  at: string;
  status: TrackingStatus;
  place: string | null;
  text: string | null;
}

/** What makes two events the same one (time, status, place and text, trimmed and lower-cased). */
export const eventKey = (e: TrackingEvent) => [e.at, e.status, (e.place ?? '').trim().toLowerCase(), (e.text ?? '').trim().toLowerCase()].join('\u0000');

/**
 * Adds events to a timeline: the same event twice is kept once, and the timeline is ordered by
 * when things happened, not when they were heard of. Returns the merged timeline and how many
 * of the incoming events were new.
 */
export function mergeEvents(timeline: readonly TrackingEvent[], incoming: readonly TrackingEvent[]): { events: TrackingEvent[]; added: number } {
  const seen = new Set(timeline.map(eventKey));
  const events = [...timeline];
  let added = 0;
  for (const e of incoming) {
    const k = eventKey(e);
    if (seen.has(k)) continue;
    seen.add(k);
    events.push(e);
    added++;
  }
  // stable: events at the same moment keep the order they were recorded in
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { events, added };
}

/** The shipment's status: that of the latest event by time (a late-arriving old scan changes nothing). */
export function currentStatus(timeline: readonly TrackingEvent[]): TrackingStatus {
  let latest: TrackingEvent | null = null;
  for (const e of timeline) if (!latest || e.at >= latest.at) latest = e;
  return latest?.status ?? 'created';
}
