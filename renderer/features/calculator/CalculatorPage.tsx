// The what-if calculator: "if I buy these at this price and ship them this way to this country,
// what will each cost me landed, and what must I sell it for?" Results follow the typing
// (landed.calculate, debounced); a calculation can be saved, reopened, and turned into a draft
// purchase order.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CalcInput } from '../../../main/common/api';
import { localToday } from '../../../main/common/format';
import { currencyList } from '../../../main/common/money';
import { client } from '../../api/client';
import { useDebounced, useQuery } from '../../api/hooks';
import { navigate, paths } from '../../app/router';
import { useSettings } from '../../app/settings';
import { EmptyState, InlineError } from '../../components/EmptyState';
import { FormError, SelectField, TextField } from '../../components/Field';
import type { PickedProduct } from '../../components/ProductPicker';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import '../../styles/calculator.css';
import { ChargesTable } from './ChargesTable';
import { DestinationCard, versionOn } from './DestinationCard';
import { LinesTable } from './LinesTable';
import { fromInput, newDraft, noCalcErrors, toCalcErrors, toInput, foreignCurrencies, type CalcDraft, type CalcErrors } from './model';
import { RatesCard } from './RatesCard';
import { Results, type PriceMode } from './Results';
import { SavedCalculations } from './SavedCalculations';

const CURRENCIES = currencyList()
  .map((c) => c.code)
  .sort();
const CODE_OPTIONS = CURRENCIES.map((c) => ({ value: c, label: c }));
const NAMED_OPTIONS = currencyList()
  .sort((a, b) => a.code.localeCompare(b.code))
  .map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` }));

/** Loads a saved calculation (or starts a new one in the base currency), then hands it to the editor. */
export function CalculatorPage({ id }: { id: string | null }) {
  const t = useT();
  const { settings } = useSettings();
  const [loaded, setLoaded] = useState<CalcDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!id) return;
    let live = true;
    (async () => {
      const c = await client.call('landed.calculation', { id });
      // the picker shows "SKU · name": read each product once
      const ids = [...new Set(c.input.lines.map((l) => l.productId).filter((x): x is string => !!x))];
      const found = await Promise.all(ids.map((pid) => client.call('products.get', { id: pid }).then((d) => d.product, () => null)));
      const products = new Map<string, PickedProduct>(found.filter((p) => p !== null).map((p) => [p.id, { id: p.id, sku: p.sku, name: p.name }]));
      if (live) setLoaded(fromInput(c.name, c.input, products));
    })().catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [id, attempt]);

  if (id && error) {
    return (
      <div className="page">
        <InlineError message={t('common.error', { msg: error })} onRetry={() => (setError(null), setAttempt((n) => n + 1))} retryLabel={t('common.retry')} />
        <a href="#/calculator">{t('calc.new')}</a>
      </div>
    );
  }
  const initial = id ? loaded : settings ? newDraft(settings.baseCurrency, localToday()) : null;
  if (!initial) return <div className="page loading-block">{t('common.loading')}</div>;
  return <Calculator id={id} initial={initial} />;
}

function Calculator({ id, initial }: { id: string | null; initial: CalcDraft }) {
  const t = useT();
  const toast = useToast();
  const [draft, setDraft] = useState(initial);
  const [savedKey, setSavedKey] = useState(id ? JSON.stringify(initial) : null);
  const [actionErrors, setActionErrors] = useState<CalcErrors>(noCalcErrors);
  const [busy, setBusy] = useState(false);
  const [priceMode, setPriceMode] = useState<PriceMode>('margin');
  const [pricePct, setPricePct] = useState('');
  const [supplierId, setSupplierId] = useState('');
  const [orderError, setOrderError] = useState<string | null>(null);

  const profiles = useQuery('landed.profiles', {}, { events: ['landed.changed'] });
  const suppliers = useQuery('suppliers.list', {});
  const profile = draft.profile ? versionOn(profiles.data ?? [], draft.profile, draft.date) : null;
  const built = useMemo(() => toInput(draft, profile?.currency ?? null), [draft, profile?.currency]);
  const json = JSON.stringify(built.input);
  const debounced = useDebounced(json, 250);
  const sent = useMemo(() => JSON.parse(debounced) as CalcInput, [debounced]);
  const enabled = sent.lines.length > 0;
  const calc = useQuery('landed.calculate', { input: sent }, { enabled, events: ['fx.changed', 'landed.changed', 'products.changed'] });
  const dirty = savedKey !== JSON.stringify(draft);

  // errors of the calculation name the lines of the input that was sent
  const calcErrors = useMemo(() => (calc.error && enabled ? toCalcErrors(calc.error, { lineIds: sent.lines.map((l) => l.id), chargeIds: (sent.charges ?? []).map((c) => c.id) }, draft.lines) : noCalcErrors), [calc.error, enabled, sent, draft.lines]);
  const errors: CalcErrors = { at: { ...calcErrors.at, ...actionErrors.at }, general: [...actionErrors.general, ...calcErrors.general] };
  const result = enabled ? calc.data : undefined;
  const stale = calc.loading || debounced !== json || calc.error !== null;
  const resultLines = new Map((result?.lines ?? []).map((l) => [l.id, l]));
  const foreign = foreignCurrencies(draft, profile?.currency ?? null);

  const patch = (p: Partial<CalcDraft>) => {
    setDraft((d) => ({ ...d, ...p }));
    if (Object.keys(actionErrors.at).length || actionErrors.general.length) setActionErrors(noCalcErrors);
  };

  const save = async (opts: { asNew?: boolean; stay?: boolean } = {}) => {
    const c = await client.call('landed.saveCalculation', { ...(id && !opts.asNew ? { id } : {}), name: draft.name.trim(), input: built.input });
    setSavedKey(JSON.stringify(draft));
    toast(t('calc.savedAs', { name: c.name }));
    if (c.id !== id && !opts.stay) navigate(`/calculator/${encodeURIComponent(c.id)}`);
    return c;
  };

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setActionErrors(noCalcErrors);
    try {
      await work();
    } catch (e) {
      setActionErrors(toCalcErrors(e, built, draft.lines));
      return e;
    } finally {
      setBusy(false);
    }
  };

  const createPo = () =>
    run(async () => {
      setOrderError(null);
      try {
        const c = id && !dirty ? { id } : await save({ stay: true });
        const po = await client.call('landed.calculationToPo', { id: c.id, supplierId });
        toast(t('calc.po.created', { number: po.order.number }));
        navigate(paths.purchaseOrder(po.order.id));
      } catch (e) {
        setOrderError(e instanceof Error ? e.message : String(e));
        throw e;
      }
    });

  const fresh = () => {
    if (id) navigate('/calculator');
    else {
      setDraft(newDraft(initial.currency, localToday()));
      setSavedKey(null);
      setActionErrors(noCalcErrors);
    }
  };

  // Ctrl/⌘+S saves from anywhere on the screen
  const saveKey = useRef<() => void>(() => undefined);
  saveKey.current = () => void run(async () => void (await save()));
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        saveKey.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const feeNames = Object.fromEntries((profile?.customs.fees ?? []).map((f) => [f.id, f.name ?? f.id]));
  const supplierOptions = (suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.currency})` }));

  return (
    <div className="page calc" data-testid="calculator">
      <header className="page-head">
        <h1>{t('calc.title')}</h1>
        {id ? <span className="tag" data-testid="calc-state">{dirty ? t('calc.unsaved') : t('calc.savedTag')}</span> : null}
        <span className="spacer" />
        <button type="button" className="btn" data-testid="calc-new" onClick={fresh}>
          + {t('calc.new')}
        </button>
        {id ? (
          <button type="button" className="btn" data-testid="calc-save-new" disabled={busy} onClick={() => void run(async () => void (await save({ asNew: true })))}>
            {t('calc.saveAsNew')}
          </button>
        ) : null}
        <button type="button" className="btn btn-primary" data-testid="calc-save" title={t('calc.saveKey')} disabled={busy} onClick={() => void run(async () => void (await save()))}>
          {t('common.save')}
        </button>
      </header>
      {errors.general.length ? <FormError message={errors.general.join('; ')} /> : null}

      <div className="calc-top">
        <section className="card calc-settings">
          <h2 className="card-title">{t('calc.settings')}</h2>
          <div className="form-grid">
            <TextField
              name="calc-name"
              className="span-2"
              label={t('calc.name')}
              placeholder={t('calc.name.placeholder')}
              value={draft.name}
              maxLength={120}
              onChange={(v) => patch({ name: v })}
              error={errors.at.name}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void run(async () => void (await save()));
                }
              }}
            />
            <SelectField name="calc-currency" label={t('calc.currency')} value={draft.currency} options={NAMED_OPTIONS} onChange={(v) => patch({ currency: v })} error={errors.at.currency} />
            <TextField name="calc-date" type="date" label={t('calc.date')} value={draft.date} onChange={(v) => patch({ date: v })} error={errors.at.date} />
          </div>
        </section>
        <DestinationCard draft={draft} profiles={profiles.data ?? []} onChange={patch} error={errors.at.profile} />
        <RatesCard currencies={foreign} to={draft.currency} date={draft.date} typed={draft.rates} onChange={(rates) => patch({ rates })} errors={errors.at} />
      </div>

      <section className="card">
        <h2 className="card-title">{t('calc.lines')}</h2>
        <LinesTable lines={draft.lines} onChange={(lines) => patch({ lines })} currencies={CODE_OPTIONS} errors={errors} results={resultLines} hasProfile={!!profile} />
      </section>
      <section className="card">
        <h2 className="card-title">{t('calc.charges')}</h2>
        <ChargesTable charges={draft.charges} lines={draft.lines} onChange={(charges) => patch({ charges })} currencies={CODE_OPTIONS} defaultCurrency={draft.lines[0]?.currency ?? draft.currency} errors={errors} />
      </section>

      {result ? (
        <Results result={result} built={built} lines={draft.lines} stale={stale} priceMode={priceMode} pricePct={pricePct} onPriceMode={setPriceMode} onPricePct={setPricePct} feeNames={feeNames} />
      ) : (
        <section className="card" data-testid="calc-results-empty">
          <EmptyState title={t('calc.empty.title')}>{calc.loading && enabled ? t('common.loading') : t('calc.empty.body')}</EmptyState>
        </section>
      )}

      <div className="calc-bottom">
        <section className="card calc-order" data-testid="calc-order">
          <h2 className="card-title">{t('calc.po.title')}</h2>
          <p className="muted small">{t('calc.po.hint')}</p>
          {orderError ? <FormError message={orderError} /> : null}
          <div className="form-grid">
            <SelectField
              name="calc-supplier"
              label={t('calc.po.supplier')}
              value={supplierId}
              placeholder={t('po.chooseSupplier')}
              options={supplierOptions}
              onChange={(v) => {
                setSupplierId(v);
                setOrderError(null);
              }}
              error={errors.at.supplierId}
            />
            <div className="form-actions calc-order-actions">
              <button type="button" className="btn btn-primary" data-testid="calc-create-po" disabled={busy || !supplierId} onClick={() => void createPo()}>
                {t('calc.po.create')}
              </button>
            </div>
          </div>
        </section>
        <SavedCalculations currentId={id} />
      </div>
    </div>
  );
}
