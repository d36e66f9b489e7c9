// The engine's pull progress (one JSON object a line: a layer's status and progress bar) as the events the Pull
// dialog shows: per layer, byte counts kept, the engine's bar text dropped (the page draws its own).

export type PullProgress = {
  /** The layer's short id; absent for a line about the whole image ("Pulling from team/app", "Digest: …"). */
  layer?: string;
  status: string;
  current?: number;
  total?: number;
};

export type PullEvent =
  | ({ type: "progress" } & PullProgress)
  | { type: "done"; reference: string; id: string }
  | { type: "error"; code: string; message: string };

type EngineLine = {
  id?: string;
  status?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
};

export function progressOf(line: EngineLine): PullProgress | null {
  if (!line.status) return null;
  const event: PullProgress = { status: line.status };
  // The first line names the tag as its id ("latest: Pulling from …"): a layer id is 12 hex characters.
  if (line.id && /^[0-9a-f]{12}$/.test(line.id)) event.layer = line.id;
  else if (line.id) event.status = `${line.id}: ${line.status}`;
  if (line.progressDetail?.total) {
    event.current = line.progressDetail.current ?? 0;
    event.total = line.progressDetail.total;
  }
  return event;
}

const BUSY = new Set(["Downloading", "Extracting"]);

/** At most one Downloading/Extracting event per layer every `everyMs`: a big layer sends thousands. */
export function throttled(send: (event: PullProgress) => void, everyMs = 200): (event: PullProgress) => void {
  const last = new Map<string, number>();
  return (event) => {
    if (event.layer && BUSY.has(event.status)) {
      const now = Date.now();
      if (now - (last.get(event.layer) ?? 0) < everyMs) return;
      last.set(event.layer, now);
    }
    send(event);
  };
}
