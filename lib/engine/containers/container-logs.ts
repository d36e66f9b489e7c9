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
import { getDocker } from "@/lib/runtime/docker/client";
import { containerLogs, followLogStream, readLogLinesFrom } from "@/lib/runtime/docker/logs";

export type ContainerLogView = { id: string; name: string; tty: boolean; lines: TimedLogLine[] };

/** `onEnd`: the engine ended the log (the container stopped); `onError`: the stream broke, the viewer may resume. */
export type TimedLogHandlers = {
  onLine: (line: TimedLogLine) => void;
  onEnd: () => void;
  onError: () => void;
};

async function readTail(id: string, tty: boolean, tail: number): Promise<TimedLogLine[]> {
  if (tail === 0) return [];
  const lines = await readLogLinesFrom(containerLogs(getDocker(), id), tail, { raw: tty, timestamps: true });
  return lines.map((line) => timedLine(line.stream, line.text));
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
  const open = containerLogs(getDocker(), facts.id, after ? { since: engineSince(after), tail: "all" } : {});
  return (handlers: TimedLogHandlers) => {
    const wanted = after ? resumeFilter(after, skip) : () => true;
    const onLine = (line: { stream: "stdout" | "stderr"; text: string }) => {
      const timed = timedLine(line.stream, line.text);
      if (wanted(timed)) handlers.onLine(timed);
    };
    return followLogStream(getDocker(), open, {
      tail,
      onLine,
      onEnd: handlers.onEnd,
      onError: handlers.onError,
      raw: tty,
      timestamps: true,
    });
  };
}
