// What the outbox does after each attempt to send a document to a supplier (DESIGN.md §6), as a
// pure function of the connector's outcome: done; retry later (exponential backoff with full
// jitter, never sooner than the supplier's Retry-After); rejected (shown to the user, the next
// item for that supplier goes on); or look it up first — an order that may have arrived is asked
// for by its key before anything is sent again.
import type { Outcome } from './connector';

export type OutboxState =
  | { state: 'done' }
  /** try again at `at`: send, or (for an order whose fate is unknown) look it up first */
  | { state: 'retry'; at: number; reason: string; then: 'send' | 'lookup' }
  | { state: 'rejected'; reason: string }
  /** ask the supplier for the order by its key before sending it again */
  | { state: 'lookup'; reason: string }
  /** send now (the lookup found nothing: it never arrived) */
  | { state: 'send' };

/** First retry after about 2 s, doubling, at most 15 minutes apart. */
export const BACKOFF = { baseMs: 2_000, capMs: 15 * 60_000 };

/**
 * "Full jitter" (Brooker, Exponential Backoff And Jitter, AWS Architecture Blog, 2015): a wait
 * drawn uniformly up to the exponential bound, so suppliers are not hit by every client at once
 * when they come back.
 */
export function backoffMs(attempt: number, rnd: () => number): number {
  const bound = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(rnd() * bound);
}

/** After attempt number `attempt` (1 for the first) ended in `outcome`, at `now` (ms). */
export function afterSend<T>(outcome: Outcome<T>, attempt: number, now: number, rnd: () => number): OutboxState {
  switch (outcome.kind) {
    case 'done':
      return { state: 'done' };
    case 'rejected':
      return { state: 'rejected', reason: outcome.reason };
    case 'unknown':
      return { state: 'lookup', reason: outcome.reason };
    case 'retry':
      return { state: 'retry', at: now + Math.max(outcome.afterMs ?? 0, backoffMs(attempt, rnd)), reason: outcome.reason, then: 'send' };
  }
}

/** After asking for an order by its key: found means it arrived; not found means send it (again). */
export function afterLookup<T>(outcome: Outcome<T | null>, attempt: number, now: number, rnd: () => number): OutboxState {
  if (outcome.kind === 'done') return outcome.value === null ? { state: 'send' } : { state: 'done' };
  // the lookup itself failed — even refused (a key changed, a token lapsed): the order may be
  // there, so it is never given up on or resent; it is asked for again later
  const afterMs = outcome.kind === 'retry' ? (outcome.afterMs ?? 0) : 0;
  return { state: 'retry', at: now + Math.max(afterMs, backoffMs(attempt, rnd)), reason: outcome.reason, then: 'lookup' };
}
