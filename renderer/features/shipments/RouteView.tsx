// The route as a line of places, without a map: each leg's mode, carrier and ETA between its
// two ends. The leg the goods are on is inferred from the latest tracking event: its place at
// the end of a leg means that leg is done, at its start that the leg is under way; without a
// matching place, legs whose ETA has passed count as done. Received or delivered: all done.
import type { LegMode, ShipmentDetail, ShipmentLeg } from '../../../main/common/api';
import { localToday } from '../../../main/common/format';
import { useT } from '../../i18n';

export const MODE_ICON: Record<LegMode, string> = { air: '✈', sea: '⚓', road: '⇶', rail: '☷', courier: '✉', customs: '⚖' };

const same = (a: string | null | undefined, b: string) => {
  if (!a) return false;
  const x = a.trim().toLowerCase();
  const y = b.trim().toLowerCase();
  return x === y || x.includes(y) || y.includes(x);
};

/** Index of the current leg (legs.length when all are done, -1 when none has started). */
export function currentLeg(d: ShipmentDetail, today = localToday()): number {
  const legs: ShipmentLeg[] = d.legs;
  const s = d.shipment;
  if (s.receivedAt || s.status === 'delivered') return legs.length;
  const latest = [...d.events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))[0];
  if (latest?.place) {
    for (let i = legs.length - 1; i >= 0; i--) {
      if (same(latest.place, legs[i]!.to)) return latest.status === 'out_for_delivery' && i === legs.length - 1 ? i : i + 1;
      if (same(latest.place, legs[i]!.from)) return i;
    }
  }
  if (!latest && !s.dispatchedAt) return -1;
  const done = legs.findIndex((l) => !l.eta || l.eta >= today);
  return done === -1 ? legs.length - 1 : done;
}

export function RouteView({ d }: { d: ShipmentDetail }) {
  const t = useT();
  if (d.legs.length === 0 && (d.shipment.receivedAt || d.shipment.status === 'delivered')) return null;
  if (d.legs.length === 0)
    return (
      <section className="card" data-testid="shipment-legs">
        <h2 className="card-title">{t('shipments.legs.title')}</h2>
        <p className="muted">{t('shipments.legs.noneHint')}</p>
      </section>
    );
  const current = currentLeg(d);
  const today = localToday();
  return (
    <section className="card" data-testid="shipment-legs">
      <h2 className="card-title">{t('shipments.legs.title')}</h2>
      <ol className="sh-route" aria-label={t('shipments.legs.title')}>
        <li className={`sh-place ${current >= 0 ? 'done' : 'todo'}`} data-testid="route-place">
          <span className="sh-dot" />
          <span className="sh-place-name">{d.legs[0]!.from}</span>
        </li>
        {d.legs.map((l, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          const overdue = state !== 'done' && l.eta !== null && l.eta < today;
          return [
            <li key={`${l.id}-leg`} className={`sh-hop ${state}`} data-testid="shipment-leg" data-state={state} data-mode={l.mode}>
              <span className="sh-hop-line" />
              <span className="sh-hop-label">
                <span className="sh-mode" aria-hidden="true">
                  {MODE_ICON[l.mode]}
                </span>{' '}
                {t(`shipments.mode.${l.mode}`)}
                {l.carrier ? <span className="muted"> · {l.carrier}</span> : null}
              </span>
              <span className={`sh-hop-eta small${overdue ? ' warn-text' : ' muted'}`}>{l.eta ? t('shipments.legs.etaOn', { day: l.eta }) : '—'}</span>
              {state === 'current' ? <span className="tag sh-in_transit sh-now">{t('shipments.legs.now')}</span> : null}
            </li>,
            <li key={`${l.id}-to`} className={`sh-place ${i < current ? 'done' : 'todo'}`} data-testid="route-place">
              <span className="sh-dot" />
              <span className="sh-place-name">{l.to}</span>
            </li>,
          ];
        })}
      </ol>
    </section>
  );
}
