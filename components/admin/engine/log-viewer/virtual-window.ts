// The log viewer's arithmetic, pure: which rows of a long list are in the DOM (the visible ones and some overscan on
// each side, every row the same height), and whether the view sits at the bottom (the capped buffer itself: line-buffer.ts).

export type VirtualWindow = { start: number; end: number; offset: number; height: number };

/** Rows [start, end) are rendered, the first at `offset` px; `height` is the spacer's full height. */
export function visibleWindow({
  scrollTop,
  viewportHeight,
  rowHeight,
  total,
  overscan,
}: {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  total: number;
  overscan: number;
}): VirtualWindow {
  const height = total * rowHeight;
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const count = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(total, first - overscan));
  const end = Math.max(start, Math.min(total, first + count + overscan));
  return { start, end, offset: start * rowHeight, height };
}

/** Within one row of the bottom counts as at the bottom (sub-pixel scroll positions never quite reach it). */
export function isAtBottom(
  scrollTop: number,
  viewportHeight: number,
  scrollHeight: number,
  rowHeight: number,
) {
  return scrollTop + viewportHeight >= scrollHeight - rowHeight;
}

/** The scrollTop that puts row `index` in the middle of the view. */
export function scrollTopFor(index: number, rowHeight: number, viewportHeight: number): number {
  return Math.max(0, index * rowHeight - Math.floor(viewportHeight / 2) + rowHeight);
}
