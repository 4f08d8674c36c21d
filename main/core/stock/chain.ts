// Tamper evidence: each movement's hash covers its content and the previous movement's hash,
// so editing or removing any row breaks every link after it.
import { createHash } from 'node:crypto';
import type { MovementRecord } from '../../db/repos/ledger';

export function movementHash(prevHash: string, m: Omit<MovementRecord, 'prevHash' | 'hash'>): string {
  const content = JSON.stringify([
    m.id, m.productId, m.locationId, m.kind, m.qty, m.value, m.avgCostE4, m.qtyAfter,
    m.occurredAt, m.postedAt, m.actor, m.reason, m.note, m.docType, m.docId,
  ]);
  return createHash('sha256').update(prevHash).update('|').update(content).digest('hex');
}
