// The settings form's wire input for the idle timeout: empty follows the template (null), a number is the
// workspace's own, and only a change is sent.
import { describe, expect, it } from "vitest";
import { createInput, emptyCreateState, updateInput } from "@/components/workspaces/form-state";

describe("the idle timeout field", () => {
  const saved = { ...emptyCreateState("dev"), idle: "" };

  it("sends a change only, null to follow the template again", () => {
    expect(updateInput(saved, saved, false).idle_timeout_minutes).toBeUndefined();
    expect(updateInput(saved, { ...saved, idle: "15" }, false).idle_timeout_minutes).toBe(15);
    expect(updateInput({ ...saved, idle: "15" }, saved, false)).toHaveProperty("idle_timeout_minutes", null);
    expect(updateInput(saved, { ...saved, idle: "0" }, false).idle_timeout_minutes).toBe(0);
  });

  it("leaves it out of a new workspace unless given", () => {
    expect(createInput(saved)).not.toHaveProperty("idle_timeout_minutes");
    expect(createInput({ ...saved, idle: " 20 " }).idle_timeout_minutes).toBe(20);
  });
});
