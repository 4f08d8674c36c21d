// How a movement shows in a table cell, shared by the journal and the smaller movement tables.
import type { Movement, MovementKind } from '../../../main/common/api';
import { reasonLabel, useT, type T } from '../../i18n';

export function KindTag({ kind }: { kind: MovementKind }) {
  const t = useT();
  return <span className={`kind kind-${kind}`}>{t(`kind.${kind}`)}</span>;
}

/** The reason (in words where it is a known one) and the note, as one line. */
export function reasonAndNote(t: T, m: Pick<Movement, 'reason' | 'note'>): string {
  return [reasonLabel(t, m.reason), m.note].filter(Boolean).join(' — ');
}
