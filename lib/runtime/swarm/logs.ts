// Service logs, read through the manager from whichever node ran the task (the same multiplexed frames as a
// container's).
import "server-only";
import type Docker from "dockerode";
import { followLogStream, type OpenLogs, readLogFrames, readLogLinesFrom } from "@/lib/runtime/docker/logs";
import type { LogLine } from "@/lib/runtime/runtime";

const open =
  (docker: Docker, id: string): OpenLogs =>
  (options) =>
    docker
      .getService(id)
      .logs({ stdout: true, stderr: true, ...options } as object) as unknown as Promise<unknown>;

export function followServiceLogs(
  docker: Docker,
  id: string,
  options: { tail: number; onLine: (line: LogLine) => void; onEnd: () => void; onError: () => void },
): Promise<() => void> {
  return followLogStream(docker, open(docker, id), options);
}

export async function readAllServiceLogs(docker: Docker, id: string): Promise<string> {
  return (await readLogFrames(open(docker, id), { timestamps: true })).map((frame) => frame.chunk).join("");
}

export function readServiceLogLines(docker: Docker, id: string, tail: number): Promise<LogLine[]> {
  return readLogLinesFrom(open(docker, id), tail);
}
