// Adding files: a button that opens the file picker, and a drop target (the area under the
// pointer is outlined while files are dragged over it). What was chosen goes to onFiles.
import { useRef, useState, type DragEvent } from 'react';

export function useFileDrop(onFiles: (files: File[]) => void) {
  const [over, setOver] = useState(false);
  return {
    over,
    dropProps: {
      onDragOver: (e: DragEvent) => {
        e.preventDefault();
        setOver(true);
      },
      onDragLeave: () => setOver(false),
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        setOver(false);
        onFiles([...e.dataTransfer.files]);
      },
    },
  };
}

export function PickFiles({ label, busyLabel, busy, accept, testId, onFiles }: { label: string; busyLabel: string; busy: boolean; accept?: string; testId: string; onFiles(files: File[]): void }) {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={picker}
        type="file"
        accept={accept}
        multiple
        hidden
        data-testid={`${testId}-file`}
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
      <button type="button" className="btn" data-testid={`${testId}-add`} disabled={busy} onClick={() => picker.current?.click()}>
        {busy ? busyLabel : `+ ${label}`}
      </button>
    </>
  );
}
