import { describe, expect, it } from "vitest";
import { exitCodeFromStatus, stateFromDocker } from "@/lib/runtime/docker/to-workload";
import { statusOf } from "@/lib/workspaces/status";

describe("Docker state -> workload state -> status", () => {
  it.each([
    ["running", undefined, false, "running", "running"],
    ["created", undefined, false, "stopped", "stopped"],
    ["paused", undefined, false, "stopped", "stopped"],
    ["exited", 0, false, "stopped", "stopped"],
    ["exited", 143, false, "stopped", "stopped"],
    ["exited", 137, false, "stopped", "stopped"],
    ["exited", 137, true, "failed", "error"],
    ["exited", 1, false, "failed", "error"],
    ["exited", 139, false, "failed", "error"],
    ["restarting", undefined, false, "failed", "error"],
    ["dead", undefined, false, "failed", "error"],
  ] as const)("%s (exit %s, OOM %s) -> %s -> %s", (docker, exitCode, oom, state, status) => {
    expect(stateFromDocker(docker, exitCode, oom)).toBe(state);
    expect(statusOf({ state: stateFromDocker(docker, exitCode, oom) }, false)).toBe(status);
  });

  it("reads no workload as not created, and a launch in flight as creating", () => {
    expect(statusOf(null, false)).toBe("not_created");
    expect(statusOf(null, true)).toBe("creating");
    expect(statusOf({ state: "running" }, true)).toBe("creating");
  });

  it("reads exit codes from Docker's status text", () => {
    expect(exitCodeFromStatus("Exited (137) 5 seconds ago")).toBe(137);
    expect(exitCodeFromStatus("Up 3 minutes")).toBeUndefined();
    expect(exitCodeFromStatus(undefined)).toBeUndefined();
  });
});
