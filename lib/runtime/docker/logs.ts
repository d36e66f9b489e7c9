// Container logs: a following stream per viewer (ended when the viewer leaves) and a whole-log read.
import "server-only";
import { PassThrough } from "node:stream";
import type Docker from "dockerode";
import { dockerCall, openDockerStream, SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { demuxBuffer, lineSplitter } from "@/lib/runtime/docker/log-frames";
import type { LogLine } from "@/lib/runtime/runtime";

/** Follows a container's logs from the last `tail` lines; returns a stop function that ends the Docker stream. */
export async function followLogs(
  docker: Docker,
  id: string,
  { tail, onLine, onEnd }: { tail: number; onLine: (line: LogLine) => void; onEnd: () => void },
): Promise<() => void> {
  const { stream, end } = await openDockerStream("read the logs", (abortSignal) =>
    docker.getContainer(id).logs({ follow: true, stdout: true, stderr: true, tail, abortSignal }),
  );
  const splitter = lineSplitter(onLine);
  const out = new PassThrough();
  const err = new PassThrough();
  out.on("data", (chunk: Buffer) => splitter.push("stdout", chunk.toString("utf8")));
  err.on("data", (chunk: Buffer) => splitter.push("stderr", chunk.toString("utf8")));
  docker.modem.demuxStream(stream, out, err);
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
    if (!stopped) onEnd();
    stop();
  });
  return stop;
}

/** The whole log, both streams in order, as text (for download; timestamps on by default). */
export async function readAllLogs(docker: Docker, id: string, timestamps = true): Promise<string> {
  return (await readFrames(docker, id, { timestamps })).map((frame) => frame.chunk).join("");
}

/** The last `tail` lines of the log, each with the stream it came on (the API's GET …/logs?tail=). */
export async function readLogLines(docker: Docker, id: string, tail: number): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  const splitter = lineSplitter((line) => lines.push(line));
  for (const frame of await readFrames(docker, id, { timestamps: false, tail }))
    splitter.push(frame.stream, frame.chunk);
  splitter.flush();
  return lines.slice(-tail);
}

async function readFrames(docker: Docker, id: string, options: { timestamps: boolean; tail?: number }) {
  const buffer = await dockerCall(
    "read the logs",
    (opts) =>
      docker.getContainer(id).logs({
        ...opts,
        follow: false,
        stdout: true,
        stderr: true,
        timestamps: options.timestamps,
        ...(options.tail === undefined ? {} : { tail: options.tail }),
      }) as unknown as Promise<Buffer>,
    SLOW_CALL_MS,
  );
  return demuxBuffer(Buffer.from(buffer));
}
