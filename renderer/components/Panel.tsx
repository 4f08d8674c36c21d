// A side panel for forms: opens over the right of the screen, focuses its first field, closes
// with Esc (unless a dropdown inside swallowed the Esc) and gives focus back where it was.
import { useEffect, useRef, type FormEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { useT } from '../i18n';
import { FormError } from './Field';

/** Enter submits from every field; browsers only do it from text inputs, not selects or checkboxes. */
function submitOnEnter(e: ReactKeyboardEvent<HTMLDivElement>): void {
  const el = e.target as HTMLElement;
  if (e.key !== 'Enter' || e.defaultPrevented) return;
  if (el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && el.type === 'checkbox')) {
    e.preventDefault();
    el.form?.requestSubmit();
  }
}

interface Props {
  title: ReactNode;
  onClose(): void;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}

export function Panel({ title, onClose, children, testId, wide }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    // Focus the first field still to fill in (a form opened for a known product starts at the next one).
    const fields = [...(ref.current?.querySelectorAll<HTMLInputElement>('input:not([type=hidden]):not([type=checkbox]):not([disabled]), select:not([disabled]), textarea') ?? [])];
    (fields.find((f) => f.value === '') ?? fields[0])?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        closeRef.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (previous && document.contains(previous)) previous.focus();
    };
  }, []);

  return (
    <div className="panel-layer">
      <div className="panel-scrim" aria-hidden="true" />
      <div className={`panel${wide ? ' panel-wide' : ''}`} role="dialog" aria-modal="true" aria-label={typeof title === 'string' ? title : undefined} ref={ref} data-testid={testId} onKeyDown={submitOnEnter}>
        <header className="panel-head">
          <h2>{title}</h2>
          <button type="button" className="icon-btn" aria-label={t('common.close')} title={`${t('common.close')} (Esc)`} onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}

/** Footer of a form inside a panel: the submit button and a cancel. */
export function PanelFooter({ busy, submitLabel, busyLabel, cancelLabel, onCancel, extra }: { busy: boolean; submitLabel: string; busyLabel: string; cancelLabel: string; onCancel(): void; extra?: ReactNode }) {
  return (
    <footer className="panel-foot">
      {extra}
      <span className="spacer" />
      <button type="button" className="btn" onClick={onCancel}>
        {cancelLabel}
      </button>
      <button type="submit" className="btn btn-primary" data-testid="save" disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
    </footer>
  );
}

/** A form in a panel: the form-level error on top, its fields in the form grid, Save and Cancel below. */
export function PanelForm({ title, onClose, testId, wide = false, onSubmit, busy, error, children }: Props & { onSubmit(e: FormEvent): void; busy: boolean; error: string | null }) {
  const t = useT();
  return (
    <Panel title={title} onClose={onClose} wide={wide} {...(testId ? { testId } : {})}>
      <form className="panel-form" onSubmit={onSubmit} noValidate>
        <div className="panel-body">
          <FormError message={error} />
          <div className="form-grid">{children}</div>
        </div>
        <PanelFooter busy={busy} submitLabel={t('common.save')} busyLabel={t('common.saving')} cancelLabel={t('common.cancel')} onCancel={onClose} />
      </form>
    </Panel>
  );
}
