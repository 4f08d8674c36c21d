// One landed-cost document. A draft is edited here — its date, customs profile, receipts, charges
// and line rates — and previewed by the engine after each save (or shows what stops it); posting
// folds the extra cost into the stock still on hand and reports the rest as cost of goods sold.
// A posted document is taken back by a correcting one.
import { Attachments } from '../../components/Attachments';
import { useState, type MouseEvent } from 'react';
import type { CustomsProfileRow, LandedDocDetail } from '../../../main/common/api';
import { formatAmount } from '../../../main/common/format';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { navigate } from '../../app/router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CheckboxField, ErrorText, FormError, SelectField, TextField } from '../../components/Field';
import { InlineError } from '../../components/EmptyState';
import { Money } from '../../components/Numbers';
import { useToast } from '../../components/Toasts';
import { useT, type T } from '../../i18n';
import { ChargesEditor, ChargesView } from './ChargesEditor';
import { comparable, CUSTOM_RULES, errorsByField, fromDoc, newCharge, toInput, type ChargeDraft, type Draft, type LineRates } from './draft';
import { LandedStatusTag } from './LandedStatusTag';
import { LinesTable } from './LinesTable';
import { Outcome } from './Outcome';
import { ReceiptPicker } from './ReceiptPicker';
import { coversDay } from '../../../main/common/calc/customs';
import { fractionToPercent, landedPaths, readableMessage } from './util';
import './landed.css';

export function LandedDocPage({ id }: { id: string }) {
  const t = useT();
  const q = useQuery('landed.get', { id });
  // Kept out here so that what a save or post refused survives the editor being renewed.
  const [saveErrors, setSaveErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (q.error && !q.data) {
    return (
      <div className="page">
        <InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} />
      </div>
    );
  }
  if (!q.data) return <div className="page" aria-busy="true" />;
  // A new editor whenever what it edits changed on the server (after a save, or elsewhere).
  return <DocView key={signature(q.data)} doc={q.data} ui={{ saveErrors, setSaveErrors, general, setGeneral, busy, setBusy }} />;
}

/**
 * What the editor edits, as saved. The rates a line inherits from its product or the profile are
 * not part of it (they are placeholders): one changed elsewhere keeps what is being typed here.
 */
function signature(d: LandedDocDetail): string {
  return JSON.stringify([d.status, d.docDate, d.customs, d.notes, d.receiptIds, d.charges, d.lines.map((l) => [l.receiptLineId, l.typed])]);
}

/** Where an error of the API or the engine is shown on this screen; anything else goes on top. */
const PLACED = /^(docDate|notes|customs(\.|$)|receiptIds|charges\.\d+(\.|$)|lines\.\d+(\.|$))/;
const CHARGE_COLUMNS = ['kind', 'label', 'amount', 'currency', 'fxRate', 'split', 'manual', 'split.manual', 'supplierId', 'reference'];
const LINE_COLUMNS = ['dutyRate', 'exciseRate'];

interface Ui {
  saveErrors: Record<string, string>;
  setSaveErrors(e: Record<string, string>): void;
  general: string | null;
  setGeneral(m: string | null): void;
  busy: boolean;
  setBusy(b: boolean): void;
}

function DocView({ doc, ui }: { doc: LandedDocDetail; ui: Ui }) {
  const t = useT();
  const toast = useToast();
  const base = doc.currency;
  const isDraft = doc.status === 'draft';
  const initial = useState(() => fromDoc(doc))[0];
  const [draft, setDraft] = useState<Draft>(initial);
  const { saveErrors, setSaveErrors, general, setGeneral, busy, setBusy } = ui;
  const [picking, setPicking] = useState(false);
  const dirty = isDraft && comparable(draft) !== comparable(initial);

  const profiles = useQuery('landed.profiles', {}).data ?? [];
  const suppliers = useQuery('suppliers.list', {}, { enabled: isDraft }).data ?? [];

  // The document's own issues (why the draft cannot be computed) and what the last save refused.
  const errors: Record<string, string> = { ...(isDraft ? Object.fromEntries(doc.issues.map((i) => [i.field, i.message])) : {}), ...saveErrors };
  const errorAt = (field: string) => {
    const m = errors[field];
    return m === undefined ? undefined : m === 'percent' ? t('landed.error.percent') : readable(t, m, doc);
  };
  const rowErrors = (prefix: string, columns: string[]) =>
    Object.entries(errors)
      .filter(([f]) => f.startsWith(prefix + '.') || f === prefix)
      .filter(([f]) => !columns.includes(f.slice(prefix.length + 1)))
      .map(([, m]) => readable(t, m, doc));
  const unplaced = Object.entries(saveErrors)
    .filter(([f]) => !PLACED.test(f))
    .map(([, m]) => m);
  const customsError = Object.entries(errors)
    .filter(([f]) => f === 'customs' || f.startsWith('customs.'))
    .map(([, m]) => m)
    .join('; ');

  const profileRows = profiles.filter((p) => coversDay(p, draft.docDate));
  const profile: CustomsProfileRow | undefined = profileRows.find((p) => p.code === draft.profile);
  const rules = draft.profile === CUSTOM_RULES ? doc.customs : (profile?.customs ?? null);
  const vatRecoverable = draft.vatRecoverable ?? rules?.vatRecoverable ?? false;
  const optionalFees = (rules?.fees ?? []).filter((f) => f.optional);

  const fail = (e: unknown) => {
    const { fields, general: g } = errorsByField(e);
    setSaveErrors(fields);
    const stray = Object.entries(fields).filter(([f]) => !PLACED.test(f));
    setGeneral(g ?? (stray.length ? null : Object.keys(fields).length ? t('landed.fixFields') : errorMessage(e)));
  };

  /** Saves the draft (with other receipts, if given); false when something was refused. */
  const save = async (receiptIds?: string[]): Promise<boolean> => {
    const { input, errors: mine } = toInput(draft, doc, base, receiptIds);
    if (Object.keys(mine).length) {
      setSaveErrors(mine);
      setGeneral(t('landed.fixFields'));
      return false;
    }
    try {
      await client.call('landed.update', { id: doc.id, ...input, ...(receiptIds ? { receiptIds } : {}) });
      setSaveErrors({});
      setGeneral(null);
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };

  const run = async (fn: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };

  const onSave = () =>
    run(async () => {
      if (await save()) toast(t('landed.saved', { number: doc.number }));
    });

  const onPost = () =>
    run(async () => {
      if (dirty && !(await save())) return;
      try {
        const d = await client.call('landed.post', { id: doc.id });
        toast(t('landed.posted', { number: d.number, amount: `${fmt(d.capitalised ?? 0, base)}` }));
      } catch (e) {
        fail(e);
      }
    });

  const onCancel = () =>
    run(async () => {
      try {
        const d = await client.call('landed.cancel', { id: doc.id });
        toast(t('landed.cancelled', { number: d.number }));
      } catch (e) {
        toast(errorMessage(e), 'error');
      }
    });

  const onReverse = () =>
    run(async () => {
      try {
        const d = await client.call('landed.reverse', { id: doc.id });
        toast(t('landed.reversedToast', { number: d.number, original: doc.number }));
        navigate(landedPaths.doc(d.id));
      } catch (e) {
        toast(errorMessage(e), 'error');
      }
    });

  const addReceipts = async (ids: string[]) => {
    if (await save([...doc.receiptIds, ...ids.filter((x) => !doc.receiptIds.includes(x))])) setPicking(false);
    else throw new Error(t('landed.fixFields'));
  };
  const removeReceipt = (id: string) =>
    run(async () => {
      await save(doc.receiptIds.filter((x) => x !== id));
    });

  const setCharge = (i: number, patch: Partial<ChargeDraft>) => setDraft((d) => ({ ...d, charges: d.charges.map((c, k) => (k === i ? { ...c, ...patch } : c)) }));
  const removeCharge = (i: number) => setDraft((d) => ({ ...d, charges: d.charges.filter((_, k) => k !== i) }));
  const setRate = (lineId: string, patch: Partial<LineRates>) => setDraft((d) => ({ ...d, rates: { ...d.rates, [lineId]: { ...(d.rates[lineId] ?? { duty: '', excise: '' }), ...patch } } }));
  const noCustoms = isDraft ? draft.profile === '' : doc.customs === null;

  const reversalLink = (label: string, id: string, number: string) => (
    <span className="muted lc-link" data-testid="landed-link">
      {label}{' '}
      <a className="mono" href={'#' + landedPaths.doc(id)}>
        {number}
      </a>
    </span>
  );

  const profileLabel = (code: string) => {
    const p = profiles.find((x) => x.code === code && coversDay(x, doc.docDate)) ?? profiles.find((x) => x.code === code);
    return p ? `${p.code} — ${p.name}` : code;
  };

  return (
    <div className="page lc-doc">
      <nav className="crumbs">
        <a href={'#' + landedPaths.list()}>{t('landed.title')}</a> › {doc.number}
      </nav>
      <header className="page-head">
        <h1 data-testid="landed-title" className="mono">
          {doc.number}
        </h1>
        <LandedStatusTag status={doc.status} testId="landed-status" />
        {doc.reversesId && doc.reversesNumber ? reversalLink(t('landed.reverses'), doc.reversesId, doc.reversesNumber) : null}
        {doc.reversedById && doc.reversedByNumber ? reversalLink(t('landed.reversedBy'), doc.reversedById, doc.reversedByNumber) : null}
        <span className="spacer" />
        {isDraft ? (
          <>
            {dirty ? (
              <span className="lc-unsaved" data-testid="landed-unsaved">
                {t('landed.unsaved')}
              </span>
            ) : null}
            <ConfirmButton label={t('landed.cancelDoc')} confirmLabel={t('landed.cancelDoc.confirm')} onConfirm={() => void onCancel()} testId="landed-cancel" />
            <button type="button" className="btn btn-small" data-testid="landed-save" disabled={busy || !dirty} onClick={() => void onSave()}>
              {busy ? t('common.saving') : t('landed.save')}
            </button>
            <ConfirmButton label={t('landed.post')} confirmLabel={t(dirty ? 'landed.post.confirmSave' : 'landed.post.confirm')} onConfirm={() => void onPost()} testId="landed-post" />
          </>
        ) : null}
        {doc.status === 'posted' && !doc.reversesId && !doc.reversedById ? (
          <ConfirmButton label={t('landed.reverse')} confirmLabel={t('landed.reverse.confirm')} onConfirm={() => void onReverse()} testId="landed-reverse" />
        ) : null}
      </header>
      <FormError message={general} />
      {/* Enter in any field of a draft saves it */}
      <form
        noValidate
        data-testid="landed-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (isDraft && dirty) void onSave();
        }}
      >
      {unplaced.length ? (
        <ul className="lc-issues" data-testid="landed-errors">
          {unplaced.map((m, k) => (
            <li key={k}>{readable(t, m, doc)}</li>
          ))}
        </ul>
      ) : null}

      <section className="card" data-testid="landed-header">
        {isDraft ? (
          <div className="lc-head-grid">
            <TextField name="docDate" type="date" label={t('landed.date')} value={draft.docDate} onChange={(v) => setDraft({ ...draft, docDate: v })} error={errorAt('docDate')} hint={t('landed.date.hint')} />
            <SelectField
              name="profile"
              label={t('landed.profile')}
              value={draft.profile}
              onChange={(v) => setDraft({ ...draft, profile: v, vatRecoverable: null, includeFees: [] })}
              options={[
                { value: '', label: t('landed.profile.none') },
                ...(doc.customs && !doc.customs.profile ? [{ value: CUSTOM_RULES, label: t('landed.profile.custom') }] : []),
                ...profileRows.map((p) => ({ value: p.code, label: `${p.code} — ${p.name} (${p.currency})` })),
                ...(draft.profile && draft.profile !== CUSTOM_RULES && !profile ? [{ value: draft.profile, label: t('landed.profile.notInForce', { code: draft.profile, date: draft.docDate }) }] : []),
              ]}
              error={customsError || undefined}
              hint={rules ? rulesSummary(t, rules, profile) : t('landed.profile.noneHint')}
            />
            {draft.profile ? (
              <CheckboxField name="vatRecoverable" label={t('landed.vatRecoverable')} checked={vatRecoverable} onChange={(v) => setDraft({ ...draft, vatRecoverable: v })} hint={t('landed.vatRecoverable.hint')} />
            ) : (
              <div />
            )}
            {optionalFees.length ? (
              <div className="field">
                <span className="label">{t('landed.fees')}</span>
                {optionalFees.map((f) => (
                  <label key={f.id} className="check">
                    <input
                      type="checkbox"
                      data-testid={`landed-fee-${f.id}`}
                      checked={draft.includeFees.includes(f.id)}
                      disabled={draft.profile === CUSTOM_RULES}
                      onChange={(e) => setDraft({ ...draft, includeFees: e.target.checked ? [...draft.includeFees, f.id] : draft.includeFees.filter((x) => x !== f.id) })}
                    />
                    <span>
                      {f.name ?? f.id} ({fractionToPercent(String(f.rate))}%)
                    </span>
                  </label>
                ))}
              </div>
            ) : (
              <div />
            )}
            <TextField name="notes" label={t('landed.notes')} className="lc-span-all" value={draft.notes} onChange={(v) => setDraft({ ...draft, notes: v })} error={errorAt('notes')} />
          </div>
        ) : (
          <dl className="facts lc-facts">
            <div className="fact">
              <dt>{t('landed.date')}</dt>
              <dd data-testid="landed-date">{doc.docDate}</dd>
            </div>
            <div className="fact">
              <dt>{t('landed.profile')}</dt>
              <dd>{doc.customs === null ? <span className="muted">{t('landed.profile.none')}</span> : doc.customs.profile ? profileLabel(doc.customs.profile) : t('landed.profile.custom')}</dd>
            </div>
            <div className="fact">
              <dt>{t('landed.vatRecoverable')}</dt>
              <dd>{doc.customs === null ? '—' : (doc.customs.vatRecoverable ?? profiles.find((p) => p.code === doc.customs?.profile)?.customs.vatRecoverable) ? t('landed.yes') : t('landed.no')}</dd>
            </div>
            <div className="fact">
              <dt>{t('landed.notes')}</dt>
              <dd className="pre-wrap">{doc.notes ?? <span className="muted">—</span>}</dd>
            </div>
          </dl>
        )}
      </section>

      {isDraft && doc.issues.length ? (
        <section className="card lc-warn" data-testid="landed-issues">
          <h2 className="card-title">{t('landed.issues.title')}</h2>
          <ul>
            {doc.issues.map((i, k) => (
              <li key={k} data-testid="landed-issue">
                <strong>{fieldLabel(t, i.field, doc)}</strong>: {readable(t, i.message, doc)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {doc.result?.warnings.length ? (
        <ul className="lc-warnings muted small" data-testid="landed-warnings">
          {doc.result.warnings.map((w, k) => (
            <li key={k}>{readable(t, w, doc)}</li>
          ))}
        </ul>
      ) : null}

      {doc.status === 'posted' ? <Outcome doc={doc} /> : null}

      <section className="card flush" data-testid="landed-receipts">
        <div className="lc-card-head">
          <h2 className="card-title">{t('landed.receipts')}</h2>
          <span className="spacer" />
          {isDraft ? (
            <button type="button" className="btn btn-small" data-testid="landed-add-receipts" disabled={busy} onClick={() => setPicking(true)}>
              + {t('landed.addReceipts')}
            </button>
          ) : null}
        </div>
        {errorAt('receiptIds') ? (
          <div className="lc-pad">
            <ErrorText name="receiptIds" message={errorAt('receiptIds')!} />
          </div>
        ) : null}
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('landed.col.receipt')}</th>
              <th>{t('landed.col.order')}</th>
              <th>{t('landed.col.supplier')}</th>
              <th>{t('landed.col.received')}</th>
              <th>{t('landed.col.location')}</th>
              <th className="right">{t('landed.col.lines')}</th>
              <th className="right">{t('landed.col.value', { ccy: base })}</th>
              {isDraft ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {doc.receipts.map((r) => {
              const { id, number: n } = r;
              return (
                <tr key={id} data-testid="landed-receipt">
                  <td className="mono">{n}</td>
                  <td className="mono">
                    <a href="#/purchasing" onClick={(e) => openPo(e, r.poNumber)}>
                      {r.poNumber}
                    </a>
                  </td>
                  <td>{r.supplierName}</td>
                  <td className="nowrap">{r.receivedAt.slice(0, 10)}</td>
                  <td className="mono">{r.locationCode}</td>
                  <td className="right num">{doc.lines.filter((l) => l.receiptNumber === n).length}</td>
                  <td className="right">
                    <Money minor={r.valueBase} currency={base} />
                  </td>
                  {isDraft ? (
                    <td className="right">
                      {doc.receiptIds.length > 1 ? (
                        <button type="button" className="btn btn-small btn-quiet" data-testid="landed-remove-receipt" disabled={busy} onClick={() => void removeReceipt(id)}>
                          {t('landed.removeReceipt')}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className="card flush" data-testid="landed-charges-card">
        <div className="lc-card-head">
          <h2 className="card-title">{t('landed.charges')}</h2>
          {isDraft ? <span className="muted small">{t('landed.charges.hint')}</span> : null}
          <span className="spacer" />
          {isDraft ? (
            <button type="button" className="btn btn-small" data-testid="add-charge" onClick={() => setDraft((d) => ({ ...d, charges: [...d.charges, newCharge(base)] }))}>
              + {t('landed.addCharge')}
            </button>
          ) : null}
        </div>
        {isDraft ? (
          draft.charges.length ? (
            <div className="lc-scroll">
              <ChargesEditor doc={doc} charges={draft.charges} suppliers={suppliers} onChange={setCharge} onRemove={removeCharge} errorAt={errorAt} rowErrors={(i) => rowErrors(`charges.${i}`, CHARGE_COLUMNS)} />
            </div>
          ) : (
            <p className="muted lc-pad">{t('landed.charges.empty')}</p>
          )
        ) : (
          <ChargesView doc={doc} />
        )}
      </section>

      <section className="card flush" data-testid="landed-lines-card">
        <div className="lc-card-head">
          <h2 className="card-title">{t('landed.lines')}</h2>
          {isDraft ? <span className="muted small">{noCustoms ? t('landed.noCustomsRates') : t('landed.lines.hint')}</span> : null}
          {isDraft && dirty ? <span className="lc-unsaved small">{t('landed.previewStale')}</span> : null}
        </div>
        <div className="lc-scroll">
          <LinesTable
            doc={doc}
            {...(isDraft ? { rates: draft.rates, onRate: setRate } : {})}
            noCustoms={noCustoms}
            errorAt={errorAt}
            rowErrors={(i) => rowErrors(`lines.${i}`, LINE_COLUMNS)}
          />
        </div>
        {doc.result && doc.result.totals.recoverableVat ? (
          <p className="muted small lc-pad">{t('landed.vatLeftOut', { amount: fmt(doc.result.totals.recoverableVat, base) })}</p>
        ) : null}
      </section>

      {isDraft && dirty ? (
        <div className="form-actions lc-bottom-actions">
          <span className="lc-unsaved">{t('landed.unsaved')}</span>
          <button type="submit" className="btn btn-primary" data-testid="landed-save-bottom" disabled={busy}>
            {t('landed.save')}
          </button>
        </div>
      ) : null}

      </form>
      <Attachments ownerType="landed_cost" ownerId={doc.id} />
      {picking ? <ReceiptPicker title={t('landed.addReceipts')} submitLabel={t('landed.addReceipts')} exclude={doc.receiptIds} onSubmit={addReceipts} onClose={() => setPicking(false)} /> : null}
    </div>
  );
}

const fmt = (minor: number, ccy: string) => `${formatAmount(minor, ccy)} ${ccy}`;

/** Opens an order named by its number (receipt choices carry the number, not the id). */
function openPo(e: MouseEvent, number: string) {
  e.preventDefault();
  void client.call('purchasing.byNumber', { number }).then((d) => navigate(`/purchasing/${encodeURIComponent(d.order.id)}`));
}

/** "Line 2 (P1, GR-000001)", "Charge 1 (Freight)": what an issue's field points at. */
function fieldLabel(t: T, field: string, doc: LandedDocDetail): string {
  const m = /^(lines|charges)\.(\d+)/.exec(field);
  if (m && m[1] === 'lines') {
    const l = doc.lines[Number(m[2])];
    return t('landed.lineN', { n: Number(m[2]) + 1 }) + (l ? ` (${l.sku}, ${l.receiptNumber})` : '');
  }
  if (m && m[1] === 'charges') {
    const c = doc.charges[Number(m[2])];
    return t('landed.chargeN', { n: Number(m[2]) + 1 }) + (c ? ` (${c.label ?? t(`landed.kind.${c.kind}`)})` : '');
  }
  if (field.startsWith('customs')) return t('landed.profile');
  if (field === 'receiptIds') return t('landed.receipts');
  return field;
}

/** An engine message with line ids and JSON paths replaced by what the merchant sees. */
function readable(t: T, message: string, doc: LandedDocDetail): string {
  return readableMessage(message, doc.lines).replace(/\(?charges\[(\d+)\](\.\w+)*\)?/g, (_m, n: string) => `(${t('landed.chargeN', { n: Number(n) + 1 })})`);
}

function rulesSummary(t: T, rules: NonNullable<LandedDocDetail['customs']>, p: CustomsProfileRow | undefined): string {
  const parts = [
    p ? t('landed.profile.valid', { from: p.validFrom, to: p.validTo ?? '…' }) : null,
    t('landed.profile.basis', { basis: rules.dutyBasis ?? 'CIF' }),
    rules.vatRate !== undefined ? t('landed.profile.vat', { rate: fractionToPercent(String(rules.vatRate)) }) : null,
    rules.dutyFreeUpTo ? t('landed.profile.dutyFree', { amount: `${rules.dutyFreeUpTo} ${p?.currency ?? rules.currency ?? ''}`.trim() }) : null,
  ];
  return parts.filter(Boolean).join(' · ');
}
