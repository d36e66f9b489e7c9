// Use cases: a container's log for an admin: its last lines (1–100000, each with stream and time), followed live for
// as long as the viewer stays (lib/http/log-stream.ts makes it SSE), or downloaded. Any container on the engine, made
// by this app or not. A TTY container's log has one stream (stdout): the engine does not multiplex it.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import { findContainer } from "@/lib/engine/containers/find-container";
import {
  downloadLine,
  engineSince,
  normalizeAt,
  resumeFilter,
  type TimedLogLine,
  timedLine,
} from "@/lib/engine/containers/log-line";
import { dockerCall, openDockerStream, SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";
import { lineSplitter } from "@/lib/runtime/docker/log-frames";
import { followLogStream, type OpenLogs, readLogFrames } from "@/lib/runtime/docker/logs";

export type ContainerLogView = { id: string; name: string; tty: boolean; lines: TimedLogLine[] };

/** `onEnd`: the engine ended the log (the container stopped); `onError`: the stream broke, the viewer may resume. */
export type TimedLogHandlers = {
  onLine: (line: TimedLogLine) => void;
  onEnd: () => void;
  onError: () => void;
};

const openWith =
  (id: string, extra: Record<string, unknown>): OpenLogs =>
  (options) =>
    getDocker()
      .getContainer(id)
      .logs({
        stdout: true,
        stderr: true,
        ...options,
        timestamps: true,
        ...extra,
      } as object) as unknown as Promise<unknown>;

async function readTail(id: string, tty: boolean, tail: number): Promise<TimedLogLine[]> {
  if (tail === 0) return [];
  const lines: TimedLogLine[] = [];
  const splitter = lineSplitter((line) => lines.push(timedLine(line.stream, line.text)));
  if (tty) {
    const raw = await dockerCall(
      "read the logs",
      (opts) => openWith(id, { tail })({ ...opts, follow: false }) as Promise<Buffer>,
      SLOW_CALL_MS,
    );
    splitter.push("stdout", Buffer.from(raw).toString("utf8"));
  } else {
    for (const frame of await readLogFrames(openWith(id, {}), { timestamps: true, tail }))
      splitter.push(frame.stream, frame.chunk);
  }
  splitter.flush();
  return lines.slice(-tail);
}

export async function readContainerLogTail({
  actor,
  ref,
  tail,
}: {
  actor: Actor;
  ref: string;
  tail: number;
}): Promise<ContainerLogView> {
  assertAdmin(actor);
  const { facts, inspected } = await findContainer(ref);
  const tty = inspected.Config.Tty === true;
  return { id: facts.id, name: facts.name, tty, lines: await readTail(facts.id, tty, tail) };
}

export async function downloadContainerLogs({
  actor,
  ref,
  tail,
}: {
  actor: Actor;
  ref: string;
  tail: number;
}) {
  const log = await readContainerLogTail({ actor, ref, tail });
  return {
    filename: `${log.name}.log`,
    text: log.lines.map(downloadLine).join("\n") + (log.lines.length ? "\n" : ""),
  };
}

// A TTY log is one raw stream: read it as stdout (followLogStream would try to demultiplex it).
async function followRaw(
  open: OpenLogs,
  tail: number,
  handlers: {
    onLine: (line: { stream: "stdout"; text: string }) => void;
    onEnd: () => void;
    onError: () => void;
  },
) {
  const { stream, end } = await openDockerStream("read the logs", (abortSignal) =>
    open({ follow: true, tail, abortSignal }),
  );
  const splitter = lineSplitter((line) => handlers.onLine({ stream: "stdout", text: line.text }));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    end();
  };
  stream.on("data", (chunk: Buffer) => splitter.push("stdout", chunk.toString("utf8")));
  stream.on("end", () => {
    splitter.flush();
    if (!stopped) handlers.onEnd();
    stop();
  });
  stream.on("error", () => {
    if (!stopped) handlers.onError();
    stop();
  });
  return stop;
}

/** Finds the container first (404 before any stream opens), then follows it on demand: the last `tail` lines, or
 * with `since` every line after that time, then new ones. */
export async function containerLogFollower({
  actor,
  ref,
  tail,
  since,
  skip,
}: {
  actor: Actor;
  ref: string;
  tail: number;
  since?: string;
  /** How many lines at exactly `since` the viewer holds. */
  skip?: number;
}) {
  assertAdmin(actor);
  const { facts, inspected } = await findContainer(ref);
  const tty = inspected.Config.Tty === true;
  const after = since ? (normalizeAt(since) ?? normalizeAt(new Date(since).toISOString())) : null;
  // The engine's since is inclusive to the nanosecond it was given: what the viewer already holds is dropped.
  const open = openWith(facts.id, after ? { since: engineSince(after), tail: "all" } : {});
  return (handlers: TimedLogHandlers) => {
    const wanted = after ? resumeFilter(after, skip) : () => true;
    const onLine = (line: { stream: "stdout" | "stderr"; text: string }) => {
      const timed = timedLine(line.stream, line.text);
      if (wanted(timed)) handlers.onLine(timed);
    };
    const rest = { onEnd: handlers.onEnd, onError: handlers.onError };
    return tty
      ? followRaw(open, tail, { onLine, ...rest })
      : followLogStream(getDocker(), open, { tail, onLine, ...rest });
  };
}
