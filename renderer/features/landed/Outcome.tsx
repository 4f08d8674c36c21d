// What posting did: the extra cost, the part that went into stock value and the part that went to
// cost of goods sold (the stock already sold), in figures and in one plain sentence.
import type { LandedDocDetail } from '../../../main/common/api';
import { formatAmount, formatDateTime } from '../../../main/common/format';
import { Money } from '../../components/Numbers';
import { useT } from '../../i18n';
import { percentOf } from './util';

export function Outcome({ doc }: { doc: LandedDocDetail }) {
  const t = useT();
  const ccy = doc.currency;
  const extra = doc.extra ?? 0;
  const capitalised = doc.capitalised ?? 0;
  const expensed = doc.expensed ?? 0;
  const money = (minor: number) => `${formatAmount(minor, ccy)} ${ccy}`;
  let sentence: string;
  if (doc.reversesNumber) {
    sentence = t('landed.outcome.reversal', { number: doc.reversesNumber, capitalised: money(-capitalised), expensed: money(-expensed) });
  } else if (extra === 0) {
    sentence = t('landed.outcome.nothing');
  } else {
    const units = doc.units ?? 0;
    const onHand = doc.unitsOnHand ?? 0;
    if (expensed === 0) sentence = t('landed.outcome.all', { units, extra: money(extra) });
    else if (capitalised === 0) sentence = t('landed.outcome.none', { units, extra: money(extra) });
    else {
      const pct = percentOf(capitalised, extra);
      sentence = t('landed.outcome.some', { onHand, units, stockPct: pct, cogsPct: 100 - pct });
    }
  }
  return (
    <section className="card lc-outcome" data-testid="landed-outcome">
      <h2 className="card-title">
        {t(doc.reversesNumber ? 'landed.outcome.titleReversal' : 'landed.outcome.title')}
        {doc.postedAt ? <span className="muted small">{formatDateTime(doc.postedAt)}</span> : null}
      </h2>
      <dl className="facts lc-facts">
        <div className="fact">
          <dt>{t('landed.col.extra')}</dt>
          <dd className="strong">
            <Money minor={extra} currency={ccy} testId="landed-extra" />
          </dd>
        </div>
        <div className="fact">
          <dt>{t('landed.outcome.capitalised')}</dt>
          <dd className="strong">
            <Money minor={capitalised} currency={ccy} testId="landed-capitalised" />
          </dd>
        </div>
        <div className="fact">
          <dt>{t('landed.outcome.expensed')}</dt>
          <dd className="strong">
            <Money minor={expensed} currency={ccy} testId="landed-expensed" />
          </dd>
        </div>
        {doc.result ? (
          <div className="fact">
            <dt>{t('landed.outcome.landedTotal')}</dt>
            <dd>
              <Money minor={doc.result.totals.landedTotal} currency={ccy} />
            </dd>
          </div>
        ) : null}
      </dl>
      <p className="lc-sentence" data-testid="landed-outcome-text">
        {sentence}
      </p>
    </section>
  );
}
