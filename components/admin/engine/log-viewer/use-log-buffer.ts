"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  LineBuffer,
  type ResumePoint,
  resumePointOf,
} from "@/components/admin/engine/log-viewer/line-buffer";
import type { LoadedLine } from "@/components/admin/engine/log-viewer/log-search";
import { MAX_LOG_TAIL } from "@/lib/validations/engine-containers";

export type WireLine = { stream: "stdout" | "stderr"; text: string; at: string | null };

/** The most lines the viewer holds, as many as the longest tail; past it the oldest go (and the viewer says how many). */
export const MAX_LINES = MAX_LOG_TAIL;

const loaded = (line: WireLine): LoadedLine => ({ ...line, lower: line.text.toLowerCase() });

/**
 * The loaded lines, kept outside React state (100,000 objects are never copied): `version` changes when they do.
 * Followed lines are batched per animation frame, so a chatty container costs one render a frame, not one a line.
 */
export function useLogBuffer() {
  const lines = useRef(new LineBuffer<LoadedLine>(MAX_LINES));
  const pending = useRef<LoadedLine[]>([]);
  const frame = useRef<number | null>(null);
  const [version, setVersion] = useState(0);

  const flush = useCallback(() => {
    frame.current = null;
    const batch = pending.current;
    pending.current = [];
    lines.current.append(batch);
    setVersion((value) => value + 1);
  }, []);

  const replace = useCallback((incoming: WireLine[]) => {
    pending.current = [];
    lines.current.reset(incoming.map(loaded));
    setVersion((value) => value + 1);
  }, []);

  const append = useCallback(
    (line: WireLine) => {
      pending.current.push(loaded(line));
      frame.current ??= requestAnimationFrame(flush);
    },
    [flush],
  );

  const resumePoint = useCallback((): ResumePoint => resumePointOf([pending.current, lines.current]), []);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  return { lines: lines.current, version, dropped: lines.current.first, replace, append, resumePoint };
}
