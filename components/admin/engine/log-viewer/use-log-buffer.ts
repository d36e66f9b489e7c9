"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { LoadedLine } from "@/components/admin/engine/log-viewer/log-search";
import { appendCapped } from "@/components/admin/engine/log-viewer/virtual-window";

export type WireLine = { stream: "stdout" | "stderr"; text: string; at: string | null };

/** The most lines the viewer holds; past it the oldest go (and the viewer says how many). */
export const MAX_LINES = 100_000;

const loaded = (line: WireLine): LoadedLine => ({ ...line, lower: line.text.toLowerCase() });

/**
 * The loaded lines, kept outside React state (100,000 objects are never copied): `version` changes when they do.
 * Followed lines are batched per animation frame, so a chatty container costs one render a frame, not one a line.
 */
export function useLogBuffer() {
  const lines = useRef<LoadedLine[]>([]);
  const pending = useRef<LoadedLine[]>([]);
  const frame = useRef<number | null>(null);
  const [version, setVersion] = useState(0);
  const [dropped, setDropped] = useState(0);

  const flush = useCallback(() => {
    frame.current = null;
    const batch = pending.current;
    pending.current = [];
    const gone = appendCapped(lines.current, batch, MAX_LINES);
    if (gone) setDropped((count) => count + gone);
    setVersion((value) => value + 1);
  }, []);

  const replace = useCallback((incoming: WireLine[]) => {
    pending.current = [];
    lines.current = incoming.slice(-MAX_LINES).map(loaded);
    setDropped(0);
    setVersion((value) => value + 1);
  }, []);

  const append = useCallback(
    (line: WireLine) => {
      pending.current.push(loaded(line));
      frame.current ??= requestAnimationFrame(flush);
    },
    [flush],
  );

  const lastAt = useCallback(() => {
    for (const source of [pending.current, lines.current])
      for (let index = source.length - 1; index >= 0; index -= 1) {
        const at = source[index]?.at;
        if (at) return at;
      }
    return null;
  }, []);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  return { lines: lines.current, version, dropped, replace, append, lastAt };
}
