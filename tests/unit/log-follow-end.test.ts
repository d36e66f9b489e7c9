// How a followed log ends: the engine closing it is `end` (the container stopped); a broken stream is always
// `onError` (the viewer resumes or reconnects), never `end`.
import { PassThrough } from "node:stream";
import type Docker from "dockerode";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { followLogStream } from "@/lib/runtime/docker/logs";

function fakeEngine() {
  const stream = new PassThrough();
  // Docker's demuxer reads the stream; reading it is all the fake needs to do.
  const docker = { modem: { demuxStream: (source: PassThrough) => source.resume() } } as unknown as Docker;
  return { stream, docker, open: async () => stream };
}

async function follow(finish: (stream: PassThrough) => void) {
  const { stream, docker, open } = fakeEngine();
  const seen: string[] = [];
  await followLogStream(docker, open, {
    tail: 0,
    onLine: () => {},
    onEnd: () => seen.push("end"),
    onError: () => seen.push("error"),
  });
  finish(stream);
  await new Promise((resolve) => setImmediate(resolve));
  return seen;
}

describe("the end of a followed log", () => {
  // Opening the stream reads the Docker timeout from the settings, which need a secret.
  beforeAll(() => {
    vi.stubEnv("AUTH_SECRET", "s".repeat(32));
  });

  it("is end when the engine closes the stream", async () => {
    expect(await follow((stream) => stream.end())).toEqual(["end"]);
  });

  it("reads a TTY's raw stream as stdout lines, without demultiplexing", async () => {
    const { stream, docker, open } = fakeEngine();
    const lines: { stream: string; text: string }[] = [];
    await followLogStream(docker, open, {
      tail: 0,
      raw: true,
      onLine: (line) => lines.push(line),
      onEnd: () => {},
      onError: () => {},
    });
    stream.write("one\ntw");
    stream.end("o\n");
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([
      { stream: "stdout", text: "one" },
      { stream: "stdout", text: "two" },
    ]);
  });

  it("is an error, not end, when the stream breaks", async () => {
    expect(await follow((stream) => stream.destroy(new Error("socket hang up")))).toEqual(["error"]);
  });
});
