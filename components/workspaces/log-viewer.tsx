"use client";

import { ArrowDown, Download } from "lucide-react";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useLogStream } from "@/components/workspaces/use-log-stream";
import { cn } from "@/lib/utils";

const STATE_TEXT = {
  connecting: "Connecting…",
  live: "Live",
  ended: "The workspace stopped; the log ends here.",
  unavailable: "The log is not available right now. Reload the page to try again.",
} as const;

// Within this many pixels of the end counts as "at the bottom" (sub-pixel scroll positions).
const BOTTOM_SLACK_PX = 24;

function pinToEnd(element: HTMLDivElement, pinnedHeight: { current: number }) {
  element.scrollTop = element.scrollHeight;
  pinnedHeight.current = element.scrollHeight;
}

/** The workspace's live log: follows new lines while the reader is at the bottom, waits while they scroll up. */
export function LogViewer({ workspaceId }: { workspaceId: string }) {
  const { lines, state } = useLogStream(workspaceId);
  const view = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const followingNow = useRef(following);
  followingNow.current = following;
  // scrollHeight when the view was last pinned to the end: tells a reader's scroll from new content.
  const pinnedHeight = useRef(0);

  useLayoutEffect(() => {
    const element = view.current;
    if (!following || !element || lines.length === 0) return;
    // The reader may have scrolled up a moment ago, before the browser told us with a scroll event.
    const leftTheEnd = pinnedHeight.current - element.scrollTop - element.clientHeight > BOTTOM_SLACK_PX;
    if (leftTheEnd) setFollowing(false);
    else pinToEnd(element, pinnedHeight);
  }, [lines, following]);

  // A narrower view (rotation, resize) rewraps lines: stay at the end if the reader was there.
  useEffect(() => {
    const element = view.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      if (followingNow.current) pinToEnd(element, pinnedHeight);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  function onScroll() {
    const element = view.current;
    if (!element) return;
    setFollowing(element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK_PX);
  }

  function jumpToLatest() {
    if (view.current) pinToEnd(view.current, pinnedHeight);
    setFollowing(true);
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground" data-testid="log-state" data-state={state}>
          {STATE_TEXT[state]}
        </p>
        <Button asChild variant="outline" size="sm">
          <a href={`/api/workspaces/${encodeURIComponent(workspaceId)}/logs?download=1`} download>
            <Download aria-hidden /> Download log
          </a>
        </Button>
      </div>
      <div className="relative">
        {/* overflow-anchor: none — the browser's own scroll anchoring would fight the follow logic. */}
        <div
          ref={view}
          onScroll={onScroll}
          data-testid="log-view"
          role="log"
          aria-label="Workspace log"
          className="h-80 overflow-auto rounded-lg border bg-zinc-950 p-3 font-mono text-xs leading-5 text-zinc-100 [overflow-anchor:none]"
        >
          {lines.length === 0 && <p className="text-zinc-500">No output yet.</p>}
          {lines.map((line) => (
            <div
              key={line.id}
              data-stream={line.stream}
              className={cn("whitespace-pre-wrap wrap-anywhere", line.stream === "stderr" && "text-red-300")}
            >
              {line.stream === "stderr" && (
                <span className="mr-2 rounded bg-red-500/20 px-1 text-[10px] font-semibold text-red-300 uppercase select-none">
                  err
                </span>
              )}
              {line.text}
            </div>
          ))}
        </div>
        {!following && (
          <Button
            size="sm"
            variant="secondary"
            className="absolute right-4 bottom-3 shadow-md"
            onClick={jumpToLatest}
          >
            <ArrowDown aria-hidden /> Jump to latest
          </Button>
        )}
      </div>
    </div>
  );
}
