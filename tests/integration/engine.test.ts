import { describe, expect, it } from "vitest";
import { getRuntime } from "@/lib/runtime/get-runtime";

describe("Docker Engine through the runtime seam", () => {
  it("answers ping and reports its version", async () => {
    const info = await getRuntime().ping();
    expect(info.version).toMatch(/^\d+\.\d+/);
    expect(info.apiVersion).toMatch(/^1\.\d+$/);
    expect(info.os).toBe("linux");
  });
});
