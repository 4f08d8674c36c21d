// Shipping rules. Sources: UPU standard S10 (check digit over the 8-digit serial with weights
// 8 6 4 2 3 5 9 7; 11 − sum mod 11, 10 → 0, 11 → 5; its example EE 123 456 785 GB); the UPS
// check digit as documented for label software (letters (code − 63) mod 10, odd positions once,
// even positions twice, up to a multiple of 10; UPS's sample number 1Z 999 AA1 01 2345 6784).
// Volumetric weight: cm³ ÷ 5000 (or 6000) per kg, the carriers' published divisors.
import { describe, expect, it } from 'vitest';
import { chargeableGrams, checkTracking, currentStatus, mergeEvents, s10CheckDigit, type TrackingEvent, upsCheckDigit, volumetricGrams } from '../../main/common/calc/shipping';

describe('tracking numbers', () => {
  it('UPU S10: the standard’s example checks; 10 and 11 become 0 and 5', () => {
    expect(s10CheckDigit('12345678')).toBe(5);
    expect(checkTracking('EE 123 456 785 GB')).toEqual({ normalized: 'EE123456785GB', format: 'upu-s10', error: null });
    expect(s10CheckDigit('10100000')).toBe(0); // 8 + 4 = 12, 12 mod 11 = 1, 11 − 1 = 10 → 0
    expect(s10CheckDigit('00000000')).toBe(5); // sum 0, 11 − 0 = 11 → 5
  });

  it('UPU S10: a mistyped digit is flagged with the digit it should end in', () => {
    const r = checkTracking('EE123456784GB');
    expect(r.format).toBe('upu-s10');
    expect(r.error).toMatch(/should be 5/);
    expect(checkTracking('EE123465785GB').error).not.toBeNull(); // two digits swapped
  });

  it('UPS 1Z: the sample number checks, typed in any case and spacing', () => {
    expect(upsCheckDigit('999AA1012345678')).toBe(4);
    expect(checkTracking('1z 999 aa1 01 2345 6784')).toEqual({ normalized: '1Z999AA10123456784', format: 'ups', error: null });
    expect(checkTracking('1Z999AA10123456785').error).toMatch(/check digit 4/);
    expect(checkTracking('1Z999AB10123456784').error).not.toBeNull();
  });

  it('formats it does not know are accepted as typed, unchecked', () => {
    expect(checkTracking('JD014600006281491563')).toEqual({ normalized: 'JD014600006281491563', format: null, error: null });
    expect(checkTracking('sf-1234567890')).toEqual({ normalized: 'SF1234567890', format: null, error: null });
  });
});

describe('weight', () => {
  // a 60 × 40 × 40 cm carton: 96,000 cm³ → 19.2 kg at 5000, 16 kg at 6000
  it('volumetric weight from millimetres, by divisor', () => {
    expect(volumetricGrams(600, 400, 400, 5000)).toBe(19_200);
    expect(volumetricGrams(600, 400, 400, 6000)).toBe(16_000);
    expect(volumetricGrams(333, 333, 333, 6000)).toBe(6154); // 36,926,037 ÷ 6000 = 6154.34
    expect(() => volumetricGrams(600, -1, 400, 5000)).toThrow(RangeError);
  });

  it('chargeable weight: the greater of actual and volumetric, rounded up to the step', () => {
    expect(chargeableGrams(12_300, 19_200)).toBe(19_500);
    expect(chargeableGrams(21_001, 19_200)).toBe(21_500);
    expect(chargeableGrams(21_000, 19_200)).toBe(21_000);
    expect(chargeableGrams(730, 410, 100)).toBe(800);
  });
});

describe('tracking timeline', () => {
  const ev = (at: string, status: TrackingEvent['status'], place: string | null = null, text: string | null = null): TrackingEvent => ({ at, status, place, text });
  const picked = ev('2026-11-02T03:10:00Z', 'in_transit', 'Osaka', 'Picked up');
  const customs = ev('2026-11-04T08:00:00Z', 'at_customs', 'Shanghai Pudong', 'Arrived at customs');
  const delivered = ev('2026-11-06T10:30:00Z', 'delivered', 'Shanghai', 'Signed by: Li');

  it('orders events by when they happened, whatever order they arrive in', () => {
    const first = mergeEvents([], [delivered, picked]);
    expect(first.added).toBe(2);
    const second = mergeEvents(first.events, [customs]);
    expect(second.events.map((e) => e.status)).toEqual(['in_transit', 'at_customs', 'delivered']);
  });

  it('keeps an event sent twice once (case and spacing of place and text do not make it new)', () => {
    const { events } = mergeEvents([picked, customs], []);
    const again = mergeEvents(events, [picked, { ...customs, place: ' shanghai pudong ', text: 'ARRIVED AT CUSTOMS' }]);
    expect(again.added).toBe(0);
    expect(again.events).toHaveLength(2);
  });

  it('the status is the latest event’s by time: a late old scan does not undo a delivery', () => {
    const { events } = mergeEvents([], [picked, delivered]);
    expect(currentStatus(events)).toBe('delivered');
    expect(currentStatus(mergeEvents(events, [customs]).events)).toBe('delivered');
    expect(currentStatus([])).toBe('created');
  });
});
