import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface WindowedListProps<T> {
  items: readonly T[];
  /** Each row's height plus the gap below it, in px: rows are laid out at a fixed pitch. */
  rowPitch: number;
  itemKey: (item: T) => string;
  renderItem: (item: T) => ComponentChildren;
  class?: string;
  /** Rows rendered beyond the visible ones, above and below, so that scrolling and Tab find them ready. */
  overscan?: number;
}

/**
 * A list of any length that renders only the rows in and near the viewport, for a region's
 * thousands of units. The page itself scrolls (no inner scroll box); padding above and below
 * stands in for the rows not rendered, so the scrollbar is true. Each item says its place in the
 * whole list (aria-posinset, aria-setsize), and moving focus past the last rendered row scrolls
 * it into view, which renders the next ones: the list stays reachable by keyboard.
 */
export function WindowedList<T>({ items, rowPitch, itemKey, renderItem, class: className, overscan = 40 }: WindowedListProps<T>) {
  const list = useRef<HTMLUListElement>(null);
  const [range, setRange] = useState({ first: 0, last: Math.min(items.length, 30) });

  useLayoutEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const top = list.current?.getBoundingClientRect().top ?? 0;
      const first = Math.max(0, Math.floor(-top / rowPitch) - overscan);
      const last = Math.min(items.length, Math.ceil((innerHeight - top) / rowPitch) + overscan);
      setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
    };
    const schedule = () => void (frame ||= requestAnimationFrame(measure));
    measure();
    addEventListener('scroll', schedule, { passive: true });
    addEventListener('resize', schedule);
    return () => {
      removeEventListener('scroll', schedule);
      removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [items.length, rowPitch, overscan]);

  const first = Math.min(range.first, items.length);
  const last = Math.max(first, Math.min(range.last, items.length));
  return (
    <ul
      ref={list}
      class={className}
      style={{ paddingTop: `${first * rowPitch}px`, paddingBottom: `${(items.length - last) * rowPitch}px` }}
    >
      {items.slice(first, last).map((item, index) => (
        <li key={itemKey(item)} aria-posinset={first + index + 1} aria-setsize={items.length} style={{ height: `${rowPitch}px` }}>
          {renderItem(item)}
        </li>
      ))}
    </ul>
  );
}
