// A button for an action that is not undone by another click: the first click arms it, the
// second (within four seconds) does it.
import { useEffect, useState } from 'react';

export function ConfirmButton({ label, confirmLabel, onConfirm, testId }: { label: string; confirmLabel: string; onConfirm(): void; testId: string }) {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const timer = setTimeout(() => setArmed(false), 4000);
    return () => clearTimeout(timer);
  }, [armed]);
  return (
    <button
      type="button"
      className={armed ? 'btn btn-small btn-danger' : 'btn btn-small'}
      data-testid={armed ? `${testId}-confirm` : testId}
      onClick={() => {
        setArmed(!armed);
        if (armed) onConfirm();
      }}
    >
      {armed ? confirmLabel : label}
    </button>
  );
}
