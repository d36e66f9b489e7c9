// Logs: a following stream per viewer (ended when the viewer leaves) and whole-log reads. The same for a container
// and a Swarm service: both answer Docker's multiplexed frames, only the call that opens them differs. A TTY
// container's log is one raw stream (stdout) the engine does not multiplex: `raw` reads it as is.
import "server-only";
import { PassThrough } from "node:stream";
import type Docker from "dockerode";
import { dockerCall, openDockerStream, SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { demuxBuffer, lineSplitter } from "@/lib/runtime/docker/log-frames";
import type { LogLine } from "@/lib/runtime/runtime";

/** Opens a log read with these options (follow, tail, timestamps, the abort signal). */
export type OpenLogs = (options: Record<string, unknown>) => Promise<unknown>;

/** How a log is read: `raw` for a TTY's one unmultiplexed stream, `timestamps` for the engine's time on each line. */
export type LogFormat = { raw?: boolean; timestamps?: boolean };

/** A container's log read; `extra` (since, tail) overrides what the reader asks for. */
export const containerLogs =
  (docker: Docker, id: string, extra: Record<string, unknown> = {}): OpenLogs =>
  (options) =>
    docker
      .getContainer(id)
      .logs({ stdout: true, stderr: true, ...options, ...extra } as object) as unknown as Promise<unknown>;

/**
 * Follows a log from the last `tail` lines; returns a stop function that ends the stream. `onEnd` is the engine ending
 * it (the container stopped); `onError` is a broken stream (the viewer may resume).
 */
export async function followLogStream(
  docker: Docker,
  open: OpenLogs,
  {
    tail,
    onLine,
    onEnd,
    onError,
    raw = false,
    timestamps = false,
  }: { tail: number; onLine: (line: LogLine) => void; onEnd: () => void; onError: () => void } & LogFormat,
): Promise<() => void> {
  const { stream, end } = await openDockerStream("read the logs", (abortSignal) =>
    open({ follow: true, tail, abortSignal, ...(timestamps ? { timestamps: true } : {}) }),
  );
  const splitter = lineSplitter(onLine);
  if (raw) stream.on("data", (chunk: Buffer) => splitter.push("stdout", chunk.toString("utf8")));
  else {
    const out = new PassThrough();
    const err = new PassThrough();
    out.on("data", (chunk: Buffer) => splitter.push("stdout", chunk.toString("utf8")));
    err.on("data", (chunk: Buffer) => splitter.push("stderr", chunk.toString("utf8")));
    docker.modem.demuxStream(stream, out, err);
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    end();
  };
  stream.on("end", () => {
    splitter.flush();
    if (!stopped) onEnd();
    stop();
  });
  stream.on("error", () => {
    if (!stopped) onError();
    stop();
  });
  return stop;
}

export function followLogs(
  docker: Docker,
  id: string,
  options: { tail: number; onLine: (line: LogLine) => void; onEnd: () => void; onError: () => void },
): Promise<() => void> {
  return followLogStream(docker, containerLogs(docker, id), options);
}

/** The whole log, both streams in order, as text (for download; timestamps on by default). */
export async function readAllLogs(docker: Docker, id: string, timestamps = true): Promise<string> {
  return (await readLogFrames(containerLogs(docker, id), { timestamps }))
    .map((frame) => frame.chunk)
    .join("");
}

/** The last `tail` lines of the log, each with the stream it came on (the API's GET …/logs?tail=). */
export async function readLogLinesFrom(
  open: OpenLogs,
  tail: number,
  format: LogFormat = {},
): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  const splitter = lineSplitter((line) => lines.push(line));
  for (const frame of await readLogFrames(open, {
    timestamps: format.timestamps ?? false,
    tail,
    raw: format.raw,
  }))
    splitter.push(frame.stream, frame.chunk);
  splitter.flush();
  return lines.slice(-tail);
}

export function readLogLines(docker: Docker, id: string, tail: number): Promise<LogLine[]> {
  return readLogLinesFrom(containerLogs(docker, id), tail);
}

export async function readLogFrames(
  open: OpenLogs,
  options: { timestamps: boolean; tail?: number; raw?: boolean },
) {
  const buffer = await dockerCall(
    "read the logs",
    (opts) =>
      open({
        ...opts,
        follow: false,
        timestamps: options.timestamps,
        ...(options.tail === undefined ? {} : { tail: options.tail }),
      }) as Promise<Buffer>,
    SLOW_CALL_MS,
  );
  if (options.raw) return [{ stream: "stdout" as const, chunk: Buffer.from(buffer).toString("utf8") }];
  return demuxBuffer(Buffer.from(buffer));
}
