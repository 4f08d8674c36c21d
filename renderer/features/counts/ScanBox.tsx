// The scan box of a count. A USB or Bluetooth scanner types the code and Enter into whatever has
// focus, so the box keeps focus, and a code typed while nothing else has it is caught here too
// (instead of by the global search). Each scan counts `per scan` units. A code that matches
// nothing offers to make it a product's barcode; one that matches several asks which product.
import { useEffect, useRef, useState } from 'react';
import type { CodeMatch, CountScanResult, StockCount } from '../../../main/common/api';
import { ApiError } from '../../../main/common/api/errors';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { AssignCode } from '../../components/AssignCode';
import { FormError } from '../../components/Field';
import { namesByLocale, useI18n } from '../../i18n';
import { localiseApiMessage } from '../../i18n/api-messages';
import { isEditable } from '../../app/keys';

type Problem = { kind: 'unknown'; code: string } | { kind: 'ambiguous'; code: string; matches: CodeMatch[] } | { kind: 'error'; message: string };

export function ScanBox({ count, onScanned }: { count: StockCount; onScanned(productId: string): void }) {
  const { t, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [perScan, setPerScan] = useState('1');
  const [last, setLast] = useState<CountScanResult | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  // scans are sent one after another, in the order they were made
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    input.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.key.length !== 1 || isEditable(document.activeElement) || document.querySelector('.panel')) return;
      e.preventDefault();
      setCode((c) => c + e.key);
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);

  const scan = (scanned: string, productId?: string) => {
    const qty = /^-?\d+$/.test(perScan.trim()) ? Number(perScan.trim()) : 1;
    queue.current = queue.current.then(async () => {
      try {
        const r = await client.call('counts.scan', { id: count.id, code: scanned, qty, ...(productId ? { productId } : {}) });
        setLast(r);
        setProblem(null);
        onScanned(r.line.productId);
      } catch (e) {
        const reason = e instanceof ApiError ? e.details?.reason : undefined;
        if (reason === 'unknown_code') setProblem({ kind: 'unknown', code: scanned });
        else if (reason === 'ambiguous') setProblem({ kind: 'ambiguous', code: scanned, matches: (e as ApiError).details?.matches as CodeMatch[] });
        else setProblem({ kind: 'error', message: localiseApiMessage(t, errorMessage(e)) });
      }
    });
  };

  const done = () => {
    setProblem(null);
    input.current?.focus();
  };

  return (
    <section className="card cnt-scan" data-scan-target aria-label={t('counts.scan.label')}>
      <div className="cnt-scan-row">
        <div className="field cnt-scan-code">
          <label htmlFor="count-scan">{t('counts.scan.label')}</label>
          <input
            id="count-scan"
            ref={input}
            className="input cnt-scan-input"
            data-testid="count-scan"
            autoComplete="off"
            spellCheck={false}
            value={code}
            placeholder={t('counts.scan.placeholder')}
            onChange={(e) => setCode(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              const c = code.trim();
              setCode('');
              if (c) scan(c);
            }}
          />
        </div>
        <div className="field cnt-scan-qty">
          <label htmlFor="count-per-scan">{t('counts.scan.qty')}</label>
          <input id="count-per-scan" className="input" inputMode="numeric" data-testid="count-per-scan" value={perScan} onChange={(e) => setPerScan(e.target.value)} />
        </div>
      </div>
      <p className="cnt-last" role="status" aria-live="polite" data-testid="count-last">
        {last ? t('counts.scan.counted', { sku: last.line.sku, name: namesByLocale(locale, last.line.name, last.line.localName)[0], counted: last.line.counted ?? 0 }) : ''}
        {last?.line.added ? ` · ${t('counts.mark.added')}` : ''}
      </p>
      {problem?.kind === 'error' ? <FormError message={problem.message} /> : null}
      {problem?.kind === 'unknown' ? (
        <AssignCode
          code={problem.code}
          onDone={(assigned) => {
            if (assigned) scan(problem.code);
            done();
          }}
        />
      ) : null}
      {problem?.kind === 'ambiguous' ? (
        <div className="scan-problem" role="alert" data-testid="count-ambiguous">
          <p>{t('counts.scan.ambiguous', { code: problem.code, n: problem.matches.length })}</p>
          <div className="cnt-choices">
            {problem.matches.map((m) => (
              <button
                key={m.productId}
                type="button"
                className="btn"
                data-testid="count-choose"
                onClick={() => {
                  scan(problem.code, m.productId);
                  done();
                }}
              >
                <span className="mono">{m.sku}</span> · {m.name} <span className="muted small">({t(`counts.scan.via.${m.via}`)})</span>
              </button>
            ))}
            <button type="button" className="btn" onClick={done}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
