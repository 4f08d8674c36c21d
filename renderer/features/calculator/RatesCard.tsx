// Exchange rates: for each foreign currency in use, the dated rate from the table (editable), or
// a plain "no rate" asking the user to type one.
import { useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { CellInput } from './cells';

interface Props {
  currencies: string[];
  to: string;
  date: string;
  typed: Record<string, string>;
  onChange(rates: Record<string, string>): void;
  errors: Record<string, string>;
}

export function RatesCard({ currencies, to, date, typed, onChange, errors }: Props) {
  const t = useT();
  return (
    <section className="card calc-rates" data-testid="calc-rates">
      <h2 className="card-title">
        {t('calc.rates.title')}
        <a className="card-link" href="#/rates">
          {t('nav.rates')} →
        </a>
      </h2>
      {currencies.length === 0 ? (
        <p className="muted small">{t('calc.rates.none', { ccy: to })}</p>
      ) : (
        <div className="rate-rows">
          {currencies.map((c) => (
            <RateRow
              key={c}
              from={c}
              to={to}
              date={date}
              typed={typed[c]}
              error={errors[`rate:${c}`]}
              onChange={(v) => {
                const next = { ...typed };
                if (v === undefined) delete next[c];
                else next[c] = v;
                onChange(next);
              }}
            />
          ))}
        </div>
      )}
    </section>
  );
}

function RateRow({ from, to, date, typed, error, onChange }: { from: string; to: string; date: string; typed: string | undefined; error: string | undefined; onChange(v: string | undefined): void }) {
  const t = useT();
  const q = useQuery('fx.rate', { from, to, ...(date ? { date } : {}) });
  const table = q.data && q.data.from === from && q.data.to === to ? q.data : null;
  const missing = !table && q.error !== null && !q.loading;
  const value = typed ?? table?.rate ?? '';
  return (
    <div className="rate-row" data-testid={`rate-row-${from}`}>
      <span className="rate-eq">1 {from} =</span>
      <CellInput name={`rate-${from}`} label={t('calc.rates.label', { from, to })} num value={value} placeholder={missing ? t('calc.rates.type') : ''} onChange={(v) => onChange(v)} error={error} />
      <span className="rate-eq">{to}</span>
      <span className="small rate-source" data-testid={`rate-source-${from}`}>
        {typed !== undefined ? (
          <>
            <span className="tag">{t('calc.rates.typed')}</span>
            {table || typed === '' ? (
              <button type="button" className="btn btn-small btn-quiet" data-testid={`rate-reset-${from}`} onClick={() => onChange(undefined)}>
                {t('calc.rates.reset')}
              </button>
            ) : null}
          </>
        ) : table ? (
          <span className="muted">
            {t(`rates.source.${table.source}`)} · {table.day}
            {table.stale ? <span className="tag warn">{t('rates.stale', { days: table.ageDays })}</span> : null}
          </span>
        ) : missing ? (
          <span className="warn-text">{t('calc.rates.missing', { from, to })}</span>
        ) : null}
      </span>
    </div>
  );
}
