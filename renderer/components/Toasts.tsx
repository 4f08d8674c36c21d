// Short confirmations and errors in the corner; they go away by themselves.
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

type Kind = 'success' | 'error' | 'info';
/** A button in the toast, e.g. Undo; the toast closes when it is pressed. */
export interface ToastAction {
  label: string;
  run(): void;
}
interface Toast {
  id: number;
  kind: Kind;
  text: string;
  action?: ToastAction | undefined;
}
type Show = (text: string, kind?: Kind, action?: ToastAction) => void;

const Ctx = createContext<Show>(() => undefined);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (text: string, kind: Kind = 'success', action?: ToastAction) => {
      const id = next.current++;
      setToasts((ts) => [...ts.slice(-2), { id, kind, text, action }]);
      // an undo offer stays long enough to notice the mistake
      setTimeout(() => dismiss(id), kind === 'error' || action ? 8000 : 4000);
    },
    [dismiss],
  );
  return (
    <Ctx.Provider value={show}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.kind}`} data-testid="toast" role={t.kind === 'error' ? 'alert' : 'status'}>
            <span>{t.text}</span>
            {t.action && (
              <button
                type="button"
                className="toast-action"
                data-testid="toast-action"
                onClick={() => {
                  dismiss(t.id);
                  t.action!.run();
                }}
              >
                {t.action.label}
              </button>
            )}
            <button type="button" className="toast-close" aria-label="×" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </Ctx.Provider>
  );
}

export function useToast(): Show {
  return useContext(Ctx);
}
