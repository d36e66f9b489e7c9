import { describe, expect, it } from "vitest";
import { exitCodeFromStatus, statusFromDocker } from "@/lib/containers/container-status";

describe("statusFromDocker", () => {
  it.each([
    [{ state: undefined }, "not_created"],
    [{ state: "running" }, "running"],
    [{ state: "created" }, "stopped"],
    [{ state: "paused" }, "stopped"],
    [{ state: "exited", exitCode: 0 }, "stopped"],
    [{ state: "exited", exitCode: 143 }, "stopped"],
    [{ state: "exited", exitCode: 137 }, "stopped"],
    [{ state: "exited", exitCode: 1 }, "error"],
    [{ state: "exited", exitCode: 139 }, "error"],
    [{ state: "restarting" }, "error"],
    [{ state: "dead" }, "error"],
    [{ state: "running", launching: true }, "creating"],
    [{ state: undefined, launching: true }, "creating"],
  ] as const)("%o -> %s", (input, expected) => {
    expect(statusFromDocker(input)).toBe(expected);
  });

  it("reads exit codes from Docker's status text", () => {
    expect(exitCodeFromStatus("Exited (137) 5 seconds ago")).toBe(137);
    expect(exitCodeFromStatus("Up 3 minutes")).toBeUndefined();
    expect(exitCodeFromStatus(undefined)).toBeUndefined();
  });
});
