import { describe, expect, it } from "vitest";
import { engineInfo } from "@/lib/runtime/engine-info";

describe("Docker Engine through the runtime module", () => {
  it("answers ping and reports its version", async () => {
    const info = await engineInfo();
    expect(info.version).toMatch(/^\d+\.\d+/);
    expect(info.apiVersion).toMatch(/^1\.\d+$/);
    expect(info.os).toBe("linux");
  });
});
