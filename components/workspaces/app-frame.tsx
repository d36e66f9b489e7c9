"use client";

import { Loader2 } from "lucide-react";
import { useEffect, useState } from "react";

// A frame that has not loaded by then is probably refused (a sign-in that could not happen in a frame, an app
// that forbids framing): say so instead of showing a blank box for ever.
const GIVE_UP_MS = 20_000;

/** The workspace's primary app inside the app: its own origin, which lets only this app's origin frame it. */
export function AppFrame({ url, title }: { url: string; title: string }) {
  // The page keys this component by the workload, so a new URL is a fresh frame with a fresh timer.
  const [state, setState] = useState<"loading" | "loaded" | "failed">("loading");
  // Made on the client only: a server-rendered frame can finish loading before hydration attaches onLoad, which
  // then never fires (the panel would wrongly say the app did not load).
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    setMounted(true);
    const timer = setTimeout(() => setState((now) => (now === "loading" ? "failed" : now)), GIVE_UP_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="relative flex flex-col gap-2" data-testid="app-frame" data-state={state}>
      {state === "loading" && (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <Loader2 className="size-4 animate-spin" aria-hidden /> Loading {title}…
        </p>
      )}
      {state === "failed" && (
        <p className="text-sm text-destructive" data-testid="app-frame-error">
          {title} did not load here. Open it in a new tab instead:{" "}
          <a href={url} target="_blank" rel="noopener noreferrer" className="underline">
            {url}
          </a>
        </p>
      )}
      {mounted && (
        <iframe
          src={url}
          title={title}
          className="h-[70vh] w-full rounded-md border bg-background"
          onLoad={() => setState("loaded")}
          // Its own origin already; no top navigation, no popups that keep its opener.
          sandbox="allow-scripts allow-same-origin allow-forms allow-downloads allow-modals allow-popups allow-popups-to-escape-sandbox"
        />
      )}
    </div>
  );
}
