// The closing line CI counts must never read "0 failed" for a run that failed.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "spawner-summary-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function summarize(report: object): string {
  const file = path.join(dir, "report.json");
  writeFileSync(file, JSON.stringify(report));
  return execFileSync(process.execPath, ["scripts/test-summary.mjs", file], { encoding: "utf8" }).trim();
}

const suite = (status: string, tests: string[]) => ({
  status,
  assertionResults: tests.map((testStatus) => ({ status: testStatus })),
});

describe("scripts/test-summary.mjs", () => {
  it("counts passed, failed and skipped tests", () => {
    const report = {
      numPassedTests: 3,
      numFailedTests: 1,
      numPendingTests: 1,
      numTodoTests: 0,
      testResults: [suite("passed", ["passed", "passed", "skipped"]), suite("failed", ["passed", "failed"])],
    };
    expect(summarize(report)).toBe("3 passed, 1 failed, 1 skipped");
  });

  it("counts the tests of a file whose beforeAll threw as failed, not skipped", () => {
    const report = {
      numPassedTests: 2,
      numFailedTests: 0,
      numPendingTests: 3,
      numTodoTests: 0,
      testResults: [
        suite("passed", ["passed", "passed"]),
        suite("failed", ["skipped", "skipped", "skipped"]),
      ],
    };
    expect(summarize(report)).toBe("2 passed, 3 failed");
  });

  it("counts a file that failed before collecting any test as one failure", () => {
    const report = {
      numPassedTests: 2,
      numFailedTests: 0,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [suite("passed", ["passed", "passed"]), suite("failed", [])],
    };
    expect(summarize(report)).toBe("2 passed, 1 failed");
  });
});
