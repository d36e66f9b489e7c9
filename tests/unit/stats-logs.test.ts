import { describe, expect, it } from "vitest";
import { demuxBuffer, lineSplitter } from "@/lib/runtime/docker/log-frames";
import { statsFromDocker } from "@/lib/runtime/docker/stats-math";

describe("statsFromDocker", () => {
  it("computes CPU % like docker stats, memory without page cache, and sums networks", () => {
    const stats = statsFromDocker({
      read: "2026-11-22T14:00:00Z",
      cpu_stats: {
        cpu_usage: { total_usage: 2_000_000_000 },
        system_cpu_usage: 20_000_000_000,
        online_cpus: 2,
      },
      precpu_stats: { cpu_usage: { total_usage: 1_000_000_000 }, system_cpu_usage: 10_000_000_000 },
      memory_stats: {
        usage: 50 * 1024 ** 2,
        limit: 64 * 1024 ** 2,
        stats: { inactive_file: 10 * 1024 ** 2 },
      },
      networks: { eth0: { rx_bytes: 1000, tx_bytes: 200 }, eth1: { rx_bytes: 24, tx_bytes: 6 } },
      pids_stats: { current: 3 },
    });
    expect(stats).toEqual({
      cpuPercent: 20,
      memoryBytes: 40 * 1024 ** 2,
      memoryLimitBytes: 64 * 1024 ** 2,
      networkRxBytes: 1024,
      networkTxBytes: 206,
      pids: 3,
      readAt: "2026-11-22T14:00:00Z",
    });
  });

  it("reads zeros, not NaN, from an empty first sample", () => {
    const stats = statsFromDocker({ read: "0001-01-01T00:00:00Z" }, new Date("2026-01-01T00:00:00Z"));
    expect(stats).toMatchObject({
      cpuPercent: 0,
      memoryBytes: 0,
      pids: 0,
      readAt: "2026-01-01T00:00:00.000Z",
    });
  });
});

describe("log frames", () => {
  const frame = (type: number, text: string) => {
    const payload = Buffer.from(text);
    const header = Buffer.alloc(8);
    header[0] = type;
    header.writeUInt32BE(payload.length, 4);
    return Buffer.concat([header, payload]);
  };

  it("demultiplexes stdout and stderr frames in order", () => {
    const frames = demuxBuffer(
      Buffer.concat([frame(1, "out 1\n"), frame(2, "err 1\n"), frame(1, "out 2\n")]),
    );
    expect(frames).toEqual([
      { stream: "stdout", chunk: "out 1\n" },
      { stream: "stderr", chunk: "err 1\n" },
      { stream: "stdout", chunk: "out 2\n" },
    ]);
  });

  it("joins partial lines per stream and keeps the streams apart", () => {
    const lines: { stream: string; text: string }[] = [];
    const splitter = lineSplitter((line) => lines.push(line));
    splitter.push("stdout", "hel");
    splitter.push("stderr", "oops\r\nwarn");
    splitter.push("stdout", "lo\nwor");
    splitter.flush();
    expect(lines).toEqual([
      { stream: "stderr", text: "oops" },
      { stream: "stdout", text: "hello" },
      { stream: "stdout", text: "wor" },
      { stream: "stderr", text: "warn" },
    ]);
  });
});
