"use client";

import { ChevronDown, ChevronUp, Download, Loader2, RefreshCw } from "lucide-react";
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { MatchList } from "@/components/admin/engine/log-viewer/line-buffer";
import { LogRows } from "@/components/admin/engine/log-viewer/log-rows";
import { stepMatch } from "@/components/admin/engine/log-viewer/log-search";
import { useFollow } from "@/components/admin/engine/log-viewer/use-follow";
import { MAX_LINES, useLogBuffer, type WireLine } from "@/components/admin/engine/log-viewer/use-log-buffer";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { DEFAULT_LOG_TAIL, MAX_LOG_TAIL } from "@/lib/validations/engine-containers";

const TAILS = [100, DEFAULT_LOG_TAIL, 10_000, MAX_LOG_TAIL];
const count = (n: number) => n.toLocaleString("en-US");

/** A container's log: its last N lines, followed live, searched, downloaded; smooth at 100,000 lines. */
export function LogViewer({ containerId, tty }: { containerId: string; tty: boolean }) {
  const url = `/api/v1/admin/engine/containers/${encodeURIComponent(containerId)}/logs`;
  const buffer = useLogBuffer();
  const { replace, append, resumePoint } = buffer;
  const [tail, setTail] = useState(DEFAULT_LOG_TAIL);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [following, setFollowing] = useState(false);
  const [ended, setEnded] = useState(false);
  const [followProblem, setFollowProblem] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search);
  // The current match by line number (the buffer's, which the cap dropping the oldest does not move); -1: none.
  const [currentMatch, setCurrentMatch] = useState(-1);
  const [jump, setJump] = useState(0);

  // Only the latest load may fill the buffer: a slower earlier answer is aborted, and ignored if it still lands.
  const inFlight = useRef<AbortController | null>(null);
  const load = useCallback(
    async (lines: number) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setLoading(true);
      setProblem(null);
      try {
        const response = await fetch(`${url}?tail=${lines}`, {
          cache: "no-store",
          signal: controller.signal,
        });
        const body = await response.json();
        if (inFlight.current !== controller) return;
        if (!response.ok) throw new Error(body?.error?.message ?? "The log could not be read.");
        replace(body.lines as WireLine[]);
        setLoads((n) => n + 1);
      } catch (error) {
        if (inFlight.current !== controller) return;
        setProblem(error instanceof Error ? error.message : "The log could not be read.");
      } finally {
        if (inFlight.current === controller) setLoading(false);
      }
    },
    [url, replace],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: the first tail loads once; later ones on request.
  useEffect(() => {
    void load(DEFAULT_LOG_TAIL);
    return () => inFlight.current?.abort();
  }, []);

  useFollow({
    url,
    on: following && loads > 0,
    restartKey: loads,
    resumePoint,
    onLine: append,
    onEnd: () => {
      setFollowing(false);
      setEnded(true);
    },
    onFail: (message) => {
      setFollowing(false);
      setFollowProblem(message);
    },
  });

  // Kept up incrementally: a followed frame searches only the lines it brought (lib: line-buffer.ts).
  const matchList = useRef(new MatchList());
  // biome-ignore lint/correctness/useExhaustiveDependencies: version says the lines changed.
  const matches = useMemo(() => {
    matchList.current.update(buffer.lines, query);
    return { list: matchList.current, count: matchList.current.count, version: buffer.version };
  }, [buffer.version, query]);
  const position = matches.list.indexOf(currentMatch);
  const firstMatch = () => matches.list.nth(0) ?? -1;
  const go = (step: 1 | -1) => {
    const next = stepMatch(matches.count, position, step);
    if (next < 0) return;
    setCurrentMatch(matches.list.nth(next) ?? -1);
    setJump((n) => n + 1);
  };
  // A new search starts at its first match.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new query moves to the first match.
  useEffect(() => {
    setCurrentMatch(firstMatch());
    if (matches.count) setJump((n) => n + 1);
  }, [query]);
  // Lines that arrive later (the tail still loading, following) give a search without a match its first one; a
  // current match whose line the cap dropped gives way to the oldest one left.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only new matches matter here.
  useEffect(() => {
    if ((currentMatch >= 0 && currentMatch >= buffer.dropped) || matches.count === 0) return;
    setCurrentMatch(firstMatch());
    setJump((n) => n + 1);
  }, [matches]);
  const currentRow = currentMatch >= buffer.dropped ? currentMatch - buffer.dropped : -1;

  return (
    <div className="flex flex-col gap-3" data-testid="log-viewer">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="log-tail">Last lines</Label>
          <NativeSelect
            id="log-tail"
            className="w-32"
            value={tail}
            onChange={(event) => {
              const lines = Number(event.target.value);
              setTail(lines);
              void load(lines);
            }}
          >
            {TAILS.map((n) => (
              <option key={n} value={n}>
                {count(n)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button variant="outline" size="sm" onClick={() => void load(tail)} disabled={loading}>
          {loading ? <Loader2 className="animate-spin" aria-hidden /> : <RefreshCw aria-hidden />}
          Reload
        </Button>
        <div className="flex items-center gap-2 pb-2">
          <Checkbox
            id="log-follow"
            checked={following}
            onCheckedChange={(value) => {
              setEnded(false);
              setFollowProblem(null);
              setFollowing(value === true);
            }}
          />
          <Label htmlFor="log-follow">Follow</Label>
        </div>
        <form
          className="flex items-end gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            go(1);
          }}
        >
          <div className="flex flex-col gap-1">
            <Label htmlFor="log-search">Search</Label>
            <Input
              id="log-search"
              className="w-56"
              placeholder="Text in the loaded lines"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter" && event.shiftKey) {
                  event.preventDefault();
                  go(-1);
                }
              }}
            />
          </div>
          <Button
            type="button"
            variant="outline"
            size="icon"
            aria-label="Previous match"
            onClick={() => go(-1)}
          >
            <ChevronUp aria-hidden />
          </Button>
          <Button type="submit" variant="outline" size="icon" aria-label="Next match">
            <ChevronDown aria-hidden />
          </Button>
          <span className="pb-2 text-xs text-muted-foreground" data-testid="match-count" aria-live="polite">
            {query ? `${position >= 0 ? count(position + 1) : 0} of ${count(matches.count)}` : ""}
          </span>
        </form>
        <Button variant="outline" size="sm" asChild>
          <a href={`${url}?download=true&tail=${tail}`} download>
            <Download aria-hidden />
            Download
          </a>
        </Button>
      </div>
      <div className="flex flex-wrap gap-3 text-xs text-muted-foreground" aria-live="polite">
        <span data-testid="line-count">{count(buffer.lines.length)} lines loaded</span>
        {tty && <span>This container has a TTY: its log has one stream.</span>}
        {following && <span>Following…</span>}
        {ended && <span>The container stopped: the log ended.</span>}
        {followProblem && (
          <span role="alert" className="text-destructive" data-testid="follow-problem">
            {followProblem}
          </span>
        )}
        {buffer.dropped > 0 && (
          <span data-testid="dropped">
            {count(buffer.dropped)} oldest {buffer.dropped === 1 ? "line" : "lines"} dropped: the viewer holds{" "}
            {count(MAX_LINES)}.
          </span>
        )}
      </div>
      {problem && (
        <p role="alert" className="text-sm text-destructive">
          {problem}
        </p>
      )}
      <LogRows
        lines={buffer.lines}
        version={buffer.version}
        query={query}
        current={currentRow}
        jump={jump}
        pinKey={loads}
      />
    </div>
  );
}
