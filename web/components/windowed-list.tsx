import { Component, type ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface RowProps<T> {
  item: T;
  position: number;
  size: number;
  pitch: number;
  renderItem: (item: T) => ComponentChildren;
}

/** One row, rendered again only when its item, place or renderer changes: typing re-renders only new rows. */
class WindowRow<T> extends Component<RowProps<T>> {
  override shouldComponentUpdate(next: RowProps<T>) {
    const p = this.props;
    return next.item !== p.item || next.position !== p.position || next.size !== p.size || next.pitch !== p.pitch || next.renderItem !== p.renderItem;
  }

  override render({ item, position, size, pitch, renderItem }: RowProps<T>) {
    return (
      <li aria-posinset={position} aria-setsize={size} style={{ height: `${pitch}px` }}>
        {renderItem(item)}
      </li>
    );
  }
}

interface WindowedListProps<T> {
  items: readonly T[];
  /** Each row's height plus the gap below it, in px: rows are laid out at a fixed pitch. */
  rowPitch: number;
  itemKey: (item: T) => string;
  /** Keep it stable (useCallback): rows re-render when it changes. */
  renderItem: (item: T) => ComponentChildren;
  class?: string;
  /** Rows rendered beyond the visible ones, above and below, so that scrolling and Tab find them ready. */
  overscan?: number;
}

interface Range {
  first: number;
  last: number;
}

/**
 * The window last measured for a list of each pitch: the first guess when a list mounts again (a
 * search that matched nothing, then matches again), so that its first render has the rows the
 * measure will find and the keystroke lays out one screenful once, not a default screenful first.
 */
const lastMeasured = new Map<number, Range>();

/**
 * A list of any length that renders only the rows in and near the viewport, for a region's
 * thousands of units. The page itself scrolls (no inner scroll box); padding above and below
 * stands in for the rows not rendered, so the scrollbar is true. Each item says its place in the
 * whole list (aria-posinset, aria-setsize), and moving focus past the last rendered row scrolls
 * it into view, which renders the next ones: the list stays reachable by keyboard.
 * When the items change (a keystroke in a search box), only the visible rows render at once; the
 * rows beyond them follow a moment later, so a keystroke pays for one screenful.
 */
export function WindowedList<T>({ items, rowPitch, itemKey, renderItem, class: className, overscan = 20 }: WindowedListProps<T>) {
  const list = useRef<HTMLUListElement>(null);
  // The rows in the viewport, measured; the overscan is added at render.
  const [visible, setVisible] = useState<Range>(() => lastMeasured.get(rowPitch) ?? { first: 0, last: Math.ceil(innerHeight / rowPitch) });
  const [wideFor, setWideFor] = useState<readonly T[] | null>(null);
  const wide = wideFor === items;
  useEffect(() => {
    if (wide) return;
    const timer = setTimeout(() => setWideFor(items), 100);
    return () => clearTimeout(timer);
  }, [items, wide]);

  useLayoutEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const top = list.current?.getBoundingClientRect().top ?? 0;
      const first = Math.max(0, Math.floor(-top / rowPitch));
      const last = Math.max(first, Math.ceil((innerHeight - top) / rowPitch));
      lastMeasured.set(rowPitch, { first, last });
      setVisible((v) => (v.first === first && v.last === last ? v : { first, last }));
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
  }, [rowPitch]);

  const extra = wide ? overscan : 1;
  const first = Math.min(Math.max(0, visible.first - extra), items.length);
  const last = Math.max(first, Math.min(visible.last + extra, items.length));
  return (
    <ul
      ref={list}
      class={className}
      style={{ paddingTop: `${first * rowPitch}px`, paddingBottom: `${(items.length - last) * rowPitch}px` }}
    >
      {items.slice(first, last).map((item, index) => (
        <WindowRow key={itemKey(item)} item={item} position={first + index + 1} size={items.length} pitch={rowPitch} renderItem={renderItem} />
      ))}
    </ul>
  );
}
