import { describe, expect, it } from "vitest";
import { labelKeys, managedFilter, ownershipLabels, readOwnership } from "@/lib/runtime/labels";
import { containerName, escapeDockerName } from "@/lib/runtime/names";

describe("container names", () => {
  it("follows user-{slug}-{type}-{userId}", () => {
    expect(containerName({ slug: "ada", type: "dev", userId: "cm1abc" })).toBe("user-ada-dev-cm1abc");
  });

  it("escapes anything outside Docker's name alphabet", () => {
    expect(escapeDockerName("user-a/b\\c d:e`f\u0000g")).toBe("user-a-b-c-d-e-f-g");
    expect(escapeDockerName("../etc")).toBe("etc");
    expect(escapeDockerName("ünïcödé")).toBe("n-c-d-");
    expect(escapeDockerName("///")).toBe("x");
    expect(escapeDockerName("a".repeat(500))).toHaveLength(128);
    for (const raw of ["-lead", ".dot", "_under", "ok.name_1-2"]) {
      expect(escapeDockerName(raw)).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/);
    }
  });
});

describe("ownership labels", () => {
  it("has exactly the managed-by, owner, type and slug keys under the prefix", () => {
    expect(ownershipLabels("spawner", { userId: "u1", type: "dev", slug: "ada" })).toEqual({
      "spawner.managed-by": "spawner",
      "spawner.owner-id": "u1",
      "spawner.type": "dev",
      "spawner.slug": "ada",
    });
  });

  it("filters by managed-by and optionally the owner", () => {
    expect(managedFilter("spawner")).toEqual({ label: ["spawner.managed-by=spawner"] });
    expect(managedFilter("spawner", "u1")).toEqual({
      label: ["spawner.managed-by=spawner", "spawner.owner-id=u1"],
    });
  });

  it("reads ownership back only from complete, managed label sets", () => {
    const labels = ownershipLabels("p", { userId: "u1", type: "prod", slug: "bob" });
    expect(readOwnership("p", labels)).toEqual({ userId: "u1", type: "prod", slug: "bob" });
    expect(readOwnership("other", labels)).toBeNull();
    expect(readOwnership("p", { ...labels, [labelKeys("p").managedBy]: "someone-else" })).toBeNull();
    expect(readOwnership("p", { [labelKeys("p").managedBy]: "spawner" })).toBeNull();
    expect(readOwnership("p", undefined)).toBeNull();
  });
});
