// What users see: one of five statuses, read from Docker's state (and our own in-flight launches).
export const CONTAINER_STATUSES = ["not_created", "creating", "running", "stopped", "error"] as const;
export type ContainerStatus = (typeof CONTAINER_STATUSES)[number];

// Exit codes of a deliberate stop: clean exit, SIGINT, SIGKILL (after the stop timeout), SIGTERM.
const STOPPED_EXIT_CODES = new Set([0, 130, 137, 143]);

/** Parses the exit code from Docker's list "Status" text, e.g. "Exited (137) 5 seconds ago". */
export function exitCodeFromStatus(statusText: string | undefined): number | undefined {
  const match = /Exited \((-?\d+)\)/.exec(statusText ?? "");
  return match ? Number(match[1]) : undefined;
}

export function statusFromDocker(input: {
  state: string | undefined;
  exitCode?: number;
  launching?: boolean;
}): ContainerStatus {
  if (input.launching) return "creating";
  switch (input.state) {
    case undefined:
      return "not_created";
    case "running":
      return "running";
    case "created":
    case "paused":
    case "removing":
      return "stopped";
    case "exited": {
      return input.exitCode === undefined || STOPPED_EXIT_CODES.has(input.exitCode) ? "stopped" : "error";
    }
    default:
      // "restarting" (a crash loop under unless-stopped) and "dead".
      return "error";
  }
}
