// What the outbox does after each attempt: the four outcomes of DESIGN.md §6, backoff with full
// jitter bounded by the supplier's Retry-After, and lookups before any resend of an order whose
// answer was lost.
import { describe, expect, it } from 'vitest';
import { afterLookup, afterSend, backoffMs, BACKOFF } from '../../main/sync/outbox-policy';
import { seededRandom } from '../../main/common/random';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const half = () => 0.5;

describe('backoff', () => {
  it('doubles from about 2 s up to 15 minutes, jittered below the bound', () => {
    const top = () => 0.999999;
    expect(backoffMs(1, top)).toBe(2_000);
    expect(backoffMs(2, top)).toBe(4_000);
    expect(backoffMs(5, top)).toBe(32_000);
    expect(backoffMs(30, () => 1)).toBe(BACKOFF.capMs);
    expect(backoffMs(3, half)).toBe(4_000);
    const rnd = seededRandom(3);
    for (let attempt = 1; attempt < 40; attempt++) {
      const w = backoffMs(attempt, rnd);
      expect(w).toBeGreaterThanOrEqual(0);
      expect(w).toBeLessThanOrEqual(Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** (attempt - 1)));
    }
  });
});

describe('after sending', () => {
  it('done, rejected, or look it up when the answer was lost', () => {
    expect(afterSend({ kind: 'done', value: 1 }, 1, NOW, half)).toEqual({ state: 'done' });
    expect(afterSend({ kind: 'rejected', reason: 'Acme: lines[0].sku: unknown SKU X', field: 'lines[0].sku' }, 1, NOW, half)).toEqual({ state: 'rejected', reason: 'Acme: lines[0].sku: unknown SKU X' });
    expect(afterSend({ kind: 'unknown', reason: 'Acme: no answer in time' }, 1, NOW, half)).toEqual({ state: 'lookup', reason: 'Acme: no answer in time' });
  });

  it('retries after the backoff, or the supplier’s Retry-After when that is longer', () => {
    // attempt 3: bound 8 s, half of it 4 s
    expect(afterSend({ kind: 'retry', reason: 'Acme: server error 500', afterMs: null }, 3, NOW, half)).toEqual({ state: 'retry', at: NOW + 4_000, reason: 'Acme: server error 500', then: 'send' });
    expect(afterSend({ kind: 'retry', reason: 'Acme: too many requests', afterMs: 60_000 }, 3, NOW, half)).toMatchObject({ at: NOW + 60_000, then: 'send' });
  });
});

describe('after looking an order up by its key', () => {
  it('found: done; not found: send it (the key makes a second arrival harmless); failed or refused: ask again, never resend', () => {
    expect(afterLookup({ kind: 'done', value: { id: 'ORD-1' } }, 1, NOW, half)).toEqual({ state: 'done' });
    expect(afterLookup({ kind: 'done', value: null }, 1, NOW, half)).toEqual({ state: 'send' });
    expect(afterLookup({ kind: 'retry', reason: 'Acme: the connection failed', afterMs: null }, 2, NOW, half)).toEqual({ state: 'retry', at: NOW + 2_000, reason: 'Acme: the connection failed', then: 'lookup' });
    // a refused lookup (the key was changed) is no answer about the order: never given up, asked again later
    expect(afterLookup({ kind: 'rejected', reason: 'Acme: a valid X-Api-Key header is required', field: null }, 1, NOW, half)).toEqual({ state: 'retry', at: NOW + 1_000, reason: 'Acme: a valid X-Api-Key header is required', then: 'lookup' });
  });
});
