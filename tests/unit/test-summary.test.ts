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

/** A vitest JSON report with the counts vitest itself would give for these files. */
const report = (passed: number, failed: number, pending: number, testResults: object[]) => ({
  numPassedTests: passed,
  numFailedTests: failed,
  numPendingTests: pending,
  numTodoTests: 0,
  testResults,
});

describe("scripts/test-summary.mjs", () => {
  it("counts passed, failed and skipped tests", () => {
    const counted = report(3, 1, 1, [
      suite("passed", ["passed", "passed", "skipped"]),
      suite("failed", ["passed", "failed"]),
    ]);
    expect(summarize(counted)).toBe("3 passed, 1 failed, 1 skipped");
  });

  it("counts the tests of a file whose beforeAll threw as failed, not skipped", () => {
    const counted = report(2, 0, 3, [
      suite("passed", ["passed", "passed"]),
      suite("failed", ["skipped", "skipped", "skipped"]),
    ]);
    expect(summarize(counted)).toBe("2 passed, 3 failed");
  });

  it("counts a file that failed before collecting any test as one failure", () => {
    const counted = report(2, 0, 0, [suite("passed", ["passed", "passed"]), suite("failed", [])]);
    expect(summarize(counted)).toBe("2 passed, 1 failed");
  });
});
