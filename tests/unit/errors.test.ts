import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError, errorStatus, toErrorBody } from "@/lib/errors";

describe("AppError", () => {
  it("is recognised when made by another copy of lib/errors (route bundles load their own; globalThis shares)", () => {
    // What a second copy of the module makes: another class, the same brand.
    class OtherCopy extends Error {
      constructor(message: string) {
        super(message);
        Object.defineProperty(this, Symbol.for("spawner.AppError"), { value: true });
      }
      readonly code = "CONTAINER_ENGINE_UNAVAILABLE" as const;
      readonly details = undefined;
      get status() {
        return 503;
      }
    }
    const foreign = new OtherCopy("The container engine is not reachable right now.");
    expect(foreign instanceof AppError).toBe(true);
    expect(toErrorBody(foreign)).toMatchObject({
      status: 503,
      body: { error: { code: "CONTAINER_ENGINE_UNAVAILABLE" } },
    });
    expect(new Error("x") instanceof AppError).toBe(false);
    expect((null as unknown as object) instanceof AppError).toBe(false);
    expect(toErrorBody(new Error("secret detail")).body.error.message).not.toContain("secret");
  });
});

describe("the README's error codes", () => {
  it("lists every code with its status, once", () => {
    const rows = readFileSync("README.md", "utf8")
      .split("\n")
      .map((line) => /^\| `([A-Z_]+)`\s+\| (\d{3})\s+\|/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1], Number(match[2])]);
    expect(rows.sort()).toEqual(Object.entries(errorStatus).sort());
  });
});
