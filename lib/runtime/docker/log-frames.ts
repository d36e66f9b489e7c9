// Docker's multiplexed log format: 8-byte headers (stream type, 3 zero bytes, big-endian length) + payload.
import type { LogLine } from "@/lib/runtime/runtime";

type LogStream = LogLine["stream"];

/** Splits a whole multiplexed log buffer (a non-following logs call) into frames. */
export function demuxBuffer(buffer: Buffer): { stream: LogStream; chunk: string }[] {
  const frames: { stream: LogStream; chunk: string }[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const type = buffer[offset];
    const length = buffer.readUInt32BE(offset + 4);
    const end = Math.min(offset + 8 + length, buffer.length);
    frames.push({
      stream: type === 2 ? "stderr" : "stdout",
      chunk: buffer.subarray(offset + 8, end).toString("utf8"),
    });
    offset = end;
  }
  return frames;
}

/** Turns chunks into whole lines per stream, keeping a partial last line until its newline arrives. */
export function lineSplitter(onLine: (line: LogLine) => void) {
  const partial: Record<LogStream, string> = { stdout: "", stderr: "" };
  return {
    push(stream: LogStream, chunk: string) {
      const parts = (partial[stream] + chunk).split(/\r?\n/);
      partial[stream] = parts.pop() ?? "";
      for (const text of parts) onLine({ stream, text });
    },
    flush() {
      for (const stream of ["stdout", "stderr"] as const) {
        if (partial[stream]) onLine({ stream, text: partial[stream] });
        partial[stream] = "";
      }
    },
  };
}
