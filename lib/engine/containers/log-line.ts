// A log line as the engine pages show it: its stream, its text and when the engine received it. Docker writes the
// time in front of each line (timestamps=true) with trailing zeros cut; it is padded to nine digits here so that
// times compare as strings (a viewer resumes after the last `at` it holds).

export type TimedLogLine = { stream: "stdout" | "stderr"; text: string; at: string | null };

const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z ?/;

export function normalizeAt(stamp: string): string | null {
  const match = STAMP.exec(stamp);
  if (!match) return null;
  return `${match[1]}.${(match[2] ?? "").padEnd(9, "0")}Z`;
}

/** Splits "2026-12-02T04:00:00.12Z text" into its time and text (no time: the whole text, at null). */
export function timedLine(stream: TimedLogLine["stream"], raw: string): TimedLogLine {
  const match = STAMP.exec(raw);
  if (!match) return { stream, text: raw, at: null };
  return { stream, text: raw.slice(match[0].length), at: normalizeAt(match[0]) };
}

/** Docker's `since`: seconds since the epoch with nanoseconds, from a normalized time. */
export function engineSince(at: string): string {
  const [whole, fraction = "000000000Z"] = at.split(".");
  const seconds = Math.floor(Date.parse(`${whole}Z`) / 1000);
  return `${seconds}.${fraction.replace("Z", "").padEnd(9, "0")}`;
}

/** One line of a downloaded log: time, stream, text. */
export function downloadLine(line: TimedLogLine): string {
  return `${line.at ?? "-"} ${line.stream} ${line.text}`;
}

/**
 * Where a viewer resumes: lines before `after` it holds; of those at exactly `after` it holds the first `skip` (all
 * of them when skip is not known), since the engine's `since` gives that instant again. Lines without a time pass.
 */
export function resumeFilter(
  after: string,
  skip = Number.POSITIVE_INFINITY,
): (line: TimedLogLine) => boolean {
  let same = 0;
  return (line) => {
    if (!line.at || line.at > after) return true;
    if (line.at < after) return false;
    same += 1;
    return same > skip;
  };
}
