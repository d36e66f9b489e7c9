import { describe, expect, it } from "vitest";
import { currentProgress, progressReporter, subscribeProgress } from "@/lib/workspaces/launch-progress";

const states = (key: string) => currentProgress(key).steps.map((step) => `${step.id}:${step.state}`);

describe("launch progress", () => {
  it("starts idle with four pending steps", () => {
    expect(currentProgress("nobody:dev").status).toBe("idle");
    expect(states("nobody:dev")).toEqual([
      "image:pending",
      "create:pending",
      "start:pending",
      "ready:pending",
    ]);
  });

  it("marks earlier steps done as later ones begin, and tells subscribers", () => {
    const seen: string[] = [];
    const unsubscribe = subscribeProgress("u1:dev", (progress) => seen.push(progress.status));
    const report = progressReporter("u1:dev");
    report.step("image");
    report.step("start");
    expect(states("u1:dev")).toEqual(["image:done", "create:done", "start:active", "ready:pending"]);
    report.step("ready");
    report.ready();
    expect(currentProgress("u1:dev").status).toBe("ready");
    expect(states("u1:dev")).toEqual(["image:done", "create:done", "start:done", "ready:done"]);
    expect(seen).toEqual(["running", "running", "running", "running", "ready"]);
    unsubscribe();
  });

  it("marks the active step as failed with the error", () => {
    const report = progressReporter("u2:dev");
    report.step("image");
    report.step("create");
    report.fail({ code: "TEMPLATE_IMAGE_NOT_FOUND", message: "missing" });
    expect(currentProgress("u2:dev")).toMatchObject({
      status: "error",
      error: { code: "TEMPLATE_IMAGE_NOT_FOUND" },
    });
    expect(states("u2:dev")).toEqual(["image:done", "create:error", "start:pending", "ready:pending"]);
  });
});

describe("launch progress with a clone", () => {
  it("adds the clone step in its place when the launch finds a repository to clone", () => {
    const report = progressReporter("u3:api");
    report.step("image");
    report.step("create");
    report.include("clone");
    report.step("clone");
    expect(states("u3:api")).toEqual([
      "image:done",
      "create:done",
      "clone:active",
      "start:pending",
      "ready:pending",
    ]);
    report.fail({ code: "GIT_CLONE_FAILED", message: "not found" });
    expect(states("u3:api")).toEqual([
      "image:done",
      "create:done",
      "clone:error",
      "start:pending",
      "ready:pending",
    ]);
  });
});
