// The lines of a count: product, barcode, the book (unless withheld), what was counted (typed in
// place: Enter or leaving the field saves it), the difference and its value, and what to know
// about the line (found by scanning, sent for recount, stock moved since it was counted).
import { useEffect, useState } from 'react';
import type { CountDetail, CountLine } from '../../../main/common/api';
import { client } from '../../api/client';
import { toFormErrors } from '../../api/errors';
import { Money, Qty } from '../../components/Numbers';
import { ProductName } from '../../components/ProductName';
import { useT } from '../../i18n';
import { localiseApiMessage } from '../../i18n/api-messages';

type Filter = 'all' | 'uncounted' | 'differences' | 'recount';
const FILTERS: Filter[] = ['all', 'uncounted', 'differences', 'recount'];
/** rows drawn at once; a bigger count is narrowed by its filters or found by scanning */
const SHOWN = 1000;

function matches(filter: Filter, l: CountLine): boolean {
  if (filter === 'uncounted') return l.counted === null;
  if (filter === 'differences') return l.difference !== null && l.difference !== 0;
  if (filter === 'recount') return l.recount;
  return true;
}

export function CountLinesTable({ d, lastScanned }: { d: CountDetail; lastScanned: string | null }) {
  const t = useT();
  const [filter, setFilter] = useState<Filter>('all');
  const open = d.count.status === 'open';
  const showBook = !d.withheld;
  const rows = d.lines.filter((l) => matches(filter, l));

  // the line just scanned is brought into view
  useEffect(() => {
    if (lastScanned) document.querySelector(`[data-product="${lastScanned}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [lastScanned, d]);

  return (
    <section className="card flush">
      <div className="cnt-filters" role="tablist" aria-label={t('counts.col.status')}>
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            role="tab"
            aria-selected={filter === f}
            className={`btn btn-small${filter === f ? ' btn-primary' : ''}`}
            data-testid={`count-filter-${f}`}
            onClick={() => setFilter(f)}
          >
            {t(`counts.filter.${f}`, { n: d.lines.filter((l) => matches(f, l)).length })}
          </button>
        ))}
      </div>
      <table className="table compact" data-testid="count-lines">
        <thead>
          <tr>
            <th scope="col">{t('counts.col.sku')}</th>
            <th scope="col">{t('counts.col.product')}</th>
            <th scope="col">{t('counts.col.barcode')}</th>
            {showBook ? (
              <th scope="col" className="right">
                {t('counts.col.expected')}
              </th>
            ) : null}
            <th scope="col" className="right">
              {t('counts.col.counted')}
            </th>
            {showBook ? (
              <>
                <th scope="col" className="right">
                  {t('counts.col.difference')}
                </th>
                <th scope="col" className="right">
                  {t('counts.col.value')}
                </th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((l) => (
            <tr key={l.productId} data-testid="count-line" data-sku={l.sku} data-product={l.productId} data-counted={l.counted ?? ''} className={l.productId === lastScanned ? 'hi' : undefined}>
              <td className="mono">{l.sku}</td>
              <td>
                <ProductName name={l.name} localName={l.localName} />
                <Marks l={l} />
              </td>
              <td className="mono small">{l.barcode ?? ''}</td>
              {showBook ? (
                <td className="right">{l.book === null ? '' : <Qty n={l.book} />}</td>
              ) : null}
              <td className="right">{open ? <CountedInput countId={d.count.id} line={l} /> : l.counted === null ? <span className="muted">—</span> : <Qty n={l.counted} />}</td>
              {showBook ? (
                <>
                  <td className="right" data-testid="line-difference">
                    {l.difference === null ? '' : <Qty n={l.difference} signed />}
                  </td>
                  <td className="right">{l.value === null || l.difference === 0 ? '' : <Money minor={l.value} currency={d.currency} />}</td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN ? <p className="muted small cnt-more">{t('common.showingFirst', { shown: SHOWN, total: rows.length })}</p> : null}
    </section>
  );
}

function Marks({ l }: { l: CountLine }) {
  const t = useT();
  const marks = [
    l.added ? t('counts.mark.added') : null,
    l.recount ? t('counts.mark.recount') : null,
    l.firstCount !== null ? t('counts.mark.firstCount', { n: l.firstCount }) : null,
    l.movedSince ? t('counts.mark.moved', { n: l.movedSince > 0 ? `+${l.movedSince}` : `${l.movedSince}` }) : null,
    l.noCost && l.difference ? t('counts.mark.noCost') : null,
  ].filter((m): m is string => m !== null);
  if (!marks.length) return null;
  return (
    <div className="cnt-marks small">
      {marks.map((m) => (
        <span key={m} className="tag">
          {m}
        </span>
      ))}
    </div>
  );
}

/** The counted quantity, typed: saved on Enter or when the field is left; empty means not counted. */
function CountedInput({ countId, line }: { countId: string; line: CountLine }) {
  const t = useT();
  const shown = line.counted === null ? '' : String(line.counted);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(shown), [shown]);
  const save = async () => {
    const v = text.trim();
    if (v === shown) return setError(null);
    if (v !== '' && !/^-?\d+(\.\d+)?$/.test(v)) return setError(t('api.wholeUnits'));
    try {
      await client.call('counts.setCounted', { id: countId, productId: line.productId, counted: v === '' ? null : Number(v) });
      setError(null);
    } catch (e) {
      const { fields, general } = toFormErrors(e, ['counted']);
      setError(localiseApiMessage(t, fields.counted ?? general ?? ''));
    }
  };
  const errorId = `counted-error-${line.productId}`;
  return (
    <span className="cnt-counted">
      <input
        className="input cnt-counted-input"
        inputMode="numeric"
        value={text}
        aria-label={t('counts.counted.aria', { sku: line.sku })}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid="counted-input"
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          } else if (e.key === 'Escape') setText(shown);
        }}
      />
      {error ? (
        <span className="field-error" id={errorId} role="alert" data-testid="counted-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
