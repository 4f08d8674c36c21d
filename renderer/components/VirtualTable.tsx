// A virtualised table: only the rows on screen are in the DOM, so 100,000 rows scroll like 100.
// Rows that are not loaded yet show a placeholder; the table reports its visible range so the
// data hook fetches just those pages. Arrow keys move the active row, Enter opens it.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface Column<R> {
  key: string;
  header: ReactNode;
  /** a CSS grid track: "120px", "2fr", "minmax(180px, 3fr)" */
  width: string;
  align?: 'left' | 'right';
  /** set to make the header sort by this key */
  sortKey?: string;
  render(row: R): ReactNode;
}

export interface Sort {
  key: string;
  dir: 'asc' | 'desc';
}

export interface VirtualTableProps<R> {
  columns: Column<R>[];
  count: number;
  rowAt(index: number): R | undefined;
  onRange?(start: number, end: number): void;
  onOpen?(row: R): void;
  rowTestId: string;
  sort?: Sort;
  onSort?(key: string): void;
  label: string;
  rowHeight?: number;
  /** shown instead of the body when count is 0 */
  empty?: ReactNode;
  footer?: ReactNode;
  /** when this changes (new filters or sort) the table scrolls back to the top */
  resetKey?: string;
}

export function VirtualTable<R>(props: VirtualTableProps<R>) {
  const { columns, count, rowAt, onRange, onOpen, rowTestId, sort, onSort, label, empty, footer, resetKey } = props;
  const rowHeight = props.rowHeight ?? 34;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  const template = columns.map((c) => c.width).join(' ');

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (count > 0) onRange?.(first, last + 1);
  }, [first, last, count, onRange]);

  useEffect(() => {
    if (active >= count) setActive(count - 1);
  }, [count, active]);

  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    setActive(-1);
  }, [resetKey]);

  const move = (to: number) => {
    const i = Math.max(0, Math.min(count - 1, to));
    setActive(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => {
        const row = active >= 0 ? rowAt(active) : undefined;
        if (row && onOpen) onOpen(row);
      },
    };
    const action = keys[e.key];
    if (action && count > 0) {
      e.preventDefault();
      action();
    }
  };

  return (
    <div className="vt" role="table" aria-label={label} aria-rowcount={count}>
      <div className="vt-head" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((c) => {
          const sorted = sort && c.sortKey === sort.key;
          const cls = `vt-cell${c.align === 'right' ? ' right' : ''}`;
          if (!c.sortKey || !onSort) {
            return (
              <div key={c.key} className={cls} role="columnheader">
                {c.header}
              </div>
            );
          }
          return (
            <div key={c.key} className={cls} role="columnheader" aria-sort={sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" className={`sort-btn${sorted ? ' sorted' : ''}`} data-testid={`sort-${c.sortKey}`} onClick={() => onSort(c.sortKey!)}>
                {c.header}
                <span className="sort-mark" aria-hidden="true">
                  {sorted ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                </span>
              </button>
            </div>
          );
        })}
      </div>
      {count === 0 && empty ? (
        <div className="vt-empty">{empty}</div>
      ) : (
        <div className="vt-body" ref={scrollRef} tabIndex={0} onKeyDown={onKeyDown} onFocus={() => active < 0 && count > 0 && setActive(first)}>
          <div className="vt-spacer" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rowAt(item.index);
              const style = { transform: `translateY(${item.start}px)`, height: rowHeight, gridTemplateColumns: template };
              if (!row) {
                return (
                  <div key={item.index} className="vt-row placeholder" role="row" style={style}>
                    {columns.map((c) => (
                      <div key={c.key} className="vt-cell">
                        <span className="skeleton" />
                      </div>
                    ))}
                  </div>
                );
              }
              return (
                <div
                  key={item.index}
                  className={`vt-row${item.index === active ? ' active' : ''}${onOpen ? ' clickable' : ''}`}
                  role="row"
                  aria-rowindex={item.index + 1}
                  aria-selected={item.index === active}
                  data-testid={rowTestId}
                  style={style}
                  onClick={() => {
                    setActive(item.index);
                    onOpen?.(row);
                  }}
                >
                  {columns.map((c) => (
                    <div key={c.key} className={`vt-cell${c.align === 'right' ? ' right' : ''}`} role="cell">
                      {c.render(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      )}
      {footer ? <div className="vt-foot">{footer}</div> : null}
    </div>
  );
}
