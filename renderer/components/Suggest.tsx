// A text input with a dropdown of suggestions (search pickers, HS lookup). Arrow keys move,
// Enter picks (and does not submit the form while the list is open), Esc closes the list only.
import { useRef, useState, type InputHTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import { fieldId } from './Field';

export interface SuggestItem {
  key: string;
  title: ReactNode;
  subtitle?: ReactNode;
}

interface Props<I extends SuggestItem> {
  name: string;
  value: string;
  onText(text: string): void;
  items: I[];
  open: boolean;
  setOpen(open: boolean): void;
  onPick(item: I): void;
  emptyText?: string;
  testId?: string;
  inputProps?: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onKeyDown'>;
}

export function Suggest<I extends SuggestItem>({ name, value, onText, items, open, setOpen, onPick, emptyText, testId, inputProps }: Props<I>) {
  const [hi, setHi] = useState(0);
  const blurTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const listId = `${fieldId(name)}-list`;
  const showList = open && (items.length > 0 || (!!emptyText && value.trim() !== ''));

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setHi((h) => Math.min(items.length - 1, h + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setHi((h) => Math.max(0, h - 1));
    } else if (e.key === 'Enter' && showList && items.length > 0) {
      e.preventDefault();
      const item = items[Math.min(hi, items.length - 1)];
      if (item) onPick(item);
      setOpen(false);
    } else if (e.key === 'Escape' && showList) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="suggest">
      <input
        id={fieldId(name)}
        name={name}
        data-testid={testId ?? `field-${name}`}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => {
          clearTimeout(blurTimer.current);
          onText(e.target.value);
          setHi(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => clearTimeout(blurTimer.current)}
        onBlur={() => {
          blurTimer.current = setTimeout(() => setOpen(false), 150);
        }}
        {...inputProps}
      />
      {showList ? (
        <ul className="suggest-list" id={listId} role="listbox">
          {items.length === 0 ? <li className="suggest-empty">{emptyText}</li> : null}
          {items.map((item, i) => (
            <li
              key={item.key}
              role="option"
              aria-selected={i === hi}
              className={i === hi ? 'hi' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                onPick(item);
                setOpen(false);
              }}
              onMouseEnter={() => setHi(i)}
            >
              <span className="suggest-title">{item.title}</span>
              {item.subtitle ? <span className="suggest-sub">{item.subtitle}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
