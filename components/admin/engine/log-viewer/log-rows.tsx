"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { highlightParts, type LoadedLine } from "@/components/admin/engine/log-viewer/log-search";
import { isAtBottom, scrollTopFor, visibleWindow } from "@/components/admin/engine/log-viewer/virtual-window";
import { cn } from "@/lib/utils";

export const ROW_HEIGHT = 20;
const OVERSCAN = 30;

/** Only the rows in view (and some overscan) are in the DOM; a spacer holds the full height for the scrollbar. */
export function LogRows({
  lines,
  version,
  query,
  current,
  jump,
  pinKey,
}: {
  /** The buffer (or an array): read by position, never copied. */
  lines: { readonly length: number; at(index: number): LoadedLine | undefined };
  version: number;
  query: string;
  /** The line index of the current match (-1: none). */
  current: number;
  /** Changes to scroll `current` into view. */
  jump: number;
  /** Changes when a new tail is loaded: the view goes to the bottom again. */
  pinKey: number;
}) {
  const viewport = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(480);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new tail pins the view to the bottom again.
  useLayoutEffect(() => {
    atBottom.current = true;
  }, [pinKey]);

  // New lines keep the view at the bottom unless the admin scrolled up to read.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the lines change (version).
  useLayoutEffect(() => {
    const element = viewport.current;
    if (element && atBottom.current) {
      element.scrollTop = element.scrollHeight;
      setScrollTop(element.scrollTop);
    }
  }, [version, pinKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when asked to jump (jump), not on every match change.
  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element || current < 0) return;
    element.scrollTop = scrollTopFor(current, ROW_HEIGHT, element.clientHeight);
    setScrollTop(element.scrollTop);
  }, [jump]);

  const slice = visibleWindow({
    scrollTop,
    viewportHeight,
    rowHeight: ROW_HEIGHT,
    total: lines.length,
    overscan: OVERSCAN,
  });
  const rows = [];
  for (let index = slice.start; index < slice.end; index += 1) {
    const line = lines.at(index) as LoadedLine;
    const stderr = line.stream === "stderr";
    rows.push(
      <div
        key={index}
        data-testid="log-row"
        data-index={index}
        data-stream={line.stream}
        data-current={index === current ? "true" : undefined}
        className={cn(
          "flex h-5 items-center gap-2 px-2 whitespace-pre",
          stderr && "bg-red-500/10 text-red-800 dark:text-red-300",
          index === current && "bg-amber-200/60 dark:bg-amber-500/30",
        )}
      >
        <span className="w-14 shrink-0 text-right text-muted-foreground select-none">{index + 1}</span>
        <span className="w-24 shrink-0 text-muted-foreground select-none" title={line.at ?? undefined}>
          {line.at ? line.at.slice(11, 23) : ""}
        </span>
        <span
          className={cn(
            "w-8 shrink-0 rounded-sm text-center text-[10px] uppercase select-none",
            stderr ? "bg-red-600 text-white" : "text-muted-foreground",
          )}
          title={line.stream}
        >
          <span aria-hidden>{stderr ? "err" : "out"}</span>
          <span className="sr-only">{line.stream}</span>
        </span>
        <span data-testid="log-text">
          {highlightParts(line.text, query).map((part, at) =>
            part.match ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one line never move.
              <mark key={at} className="rounded-sm bg-amber-300 text-foreground">
                {part.text}
              </mark>
            ) : (
              part.text
            ),
          )}
        </span>
      </div>,
    );
  }
  return (
    <div
      ref={viewport}
      data-testid="log-viewport"
      role="log"
      aria-label="Container log"
      aria-live="off"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so the keyboard can scroll it.
      tabIndex={0}
      className="h-[28rem] overflow-auto rounded-md border bg-background font-mono text-xs leading-5 resize-y"
      onScroll={(event) => {
        const element = event.currentTarget;
        atBottom.current = isAtBottom(
          element.scrollTop,
          element.clientHeight,
          element.scrollHeight,
          ROW_HEIGHT,
        );
        setScrollTop(element.scrollTop);
      }}
    >
      <div style={{ height: slice.height, position: "relative", minWidth: "100%", width: "max-content" }}>
        <div style={{ transform: `translateY(${slice.offset}px)` }}>{rows}</div>
      </div>
    </div>
  );
}
