// The closing line CI counts must never read "0 failed" for a run that failed. Each case is a real vitest run of
// a small fixture (tests/fixtures/summary) whose real JSON report and run-end record feed the real script.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "spawner-summary-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs vitest on one fixture as scripts/test.sh runs the suite, then the summary; returns its last line. */
function runFixture(fixture: string): {
  exitCode: number | null;
  summary: string;
  output: string;
  triple: string[];
} {
  const report = path.join(dir, `${fixture}.json`);
  const runEnd = path.join(dir, `${fixture}-run.json`);
  const run = spawnSync(
    process.execPath,
    [
      "node_modules/vitest/vitest.mjs",
      "run",
      "--config",
      "tests/fixtures/summary/vitest.config.mjs",
      "--reporter=json",
      `--outputFile.json=${report}`,
      "--reporter=./scripts/vitest-run-reporter.mjs",
    ],
    {
      env: { ...process.env, SUMMARY_FIXTURE: fixture, VITEST_RUN_END_FILE: runEnd },
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  const summary = spawnSync(
    process.execPath,
    ["scripts/test-summary.mjs", report, runEnd, String(run.status ?? 1)],
    { encoding: "utf8" },
  );
  const lines = summary.stdout.trim().split("\n");
  return {
    exitCode: run.status,
    summary: lines.at(-1) ?? "",
    output: summary.stdout,
    triple: [report, runEnd, String(run.status ?? 1)],
  };
}

describe("scripts/test-summary.mjs on real vitest runs", () => {
  it("sums several runs (npm test runs the Swarm suite as a run of its own), a failure in any one counting", () => {
    const first = runFixture("mixed");
    const second = runFixture("before-all-throws");
    const summary = spawnSync(
      process.execPath,
      ["scripts/test-summary.mjs", ...first.triple, ...second.triple],
      { encoding: "utf8" },
    );
    expect(summary.stdout.trim().split("\n").at(-1)).toBe("2 passed, 3 failed, 1 skipped");
  });

  it("counts passed, failed and skipped tests of an ordinary run", () => {
    const { exitCode, summary } = runFixture("mixed");
    expect(exitCode).toBe(1);
    expect(summary).toBe("2 passed, 1 failed, 1 skipped");
  });

  it("counts the tests of a file whose beforeAll threw as failed, not skipped", () => {
    expect(runFixture("before-all-throws").summary).toBe("0 passed, 2 failed");
  });

  it("counts a file that failed before collecting any test as one failure", () => {
    expect(runFixture("import-fails").summary).toBe("0 passed, 1 failed");
  });

  it("counts a global set-up that threw (no file ran at all) as a failure", () => {
    const { exitCode, summary, output } = runFixture("global-setup-throws");
    expect(exitCode).toBe(1);
    expect(summary).toBe("0 passed, 1 failed");
    expect(output).toContain("no test file ran");
  });

  it("counts an unhandled rejection outside any test as a failure, though every test passed", () => {
    const { summary, output } = runFixture("unhandled-rejection");
    expect(summary).toBe("2 passed, 1 failed");
    expect(output).toContain("1 error(s) outside any test");
  });

  it("counts the tests a dead worker never finished as failed", () => {
    const { exitCode, summary } = runFixture("worker-dies");
    expect(exitCode).toBe(1);
    // The worker died before it reported anything: all three tests are unfinished, plus the pool's error.
    const [passed, failed] = (/^(\d+) passed, (\d+) failed$/.exec(summary) ?? []).slice(1).map(Number);
    expect(passed).toBe(0);
    expect(failed).toBeGreaterThanOrEqual(3);
  });
});
