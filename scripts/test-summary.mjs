// Prints the one closing line CI reads: "N passed, N failed" over every project (unit, integration, e2e, swarm).
// Usage: node scripts/test-summary.mjs <vitest JSON report> <run-end file> <vitest exit code> [more triples, one per run]
// A failed run never reads "0 failed": every way vitest can fail outside a test counts as at least one failure.
import { existsSync, readFileSync } from "node:fs";

const readJson = (file) => {
  try {
    return file && existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
  } catch {
    return null;
  }
};

/** The counts of a run from vitest's JSON report, the run-end record and vitest's exit code. */
export function countRun(report, runEnd, exitCode) {
  const files = report?.testResults ?? [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const reasons = [];
  for (const file of files) {
    const tests = file.assertionResults ?? [];
    const failedHere = tests.filter((test) => test.status === "failed").length;
    // "pending" in the final report: the test started or was queued and never finished (its worker died).
    const unfinished = tests.filter((test) => test.status === "pending").length;
    const notRun = tests.filter((test) => test.status === "skipped" || test.status === "todo").length;
    passed += tests.filter((test) => test.status === "passed").length;
    failed += failedHere + unfinished;
    if (unfinished > 0) reasons.push(`${unfinished} test(s) never finished in ${file.name}`);
    if (file.status === "failed" && failedHere === 0) {
      // The file failed outside its tests (a beforeAll that threw, an import error): its tests did not pass.
      failed += Math.max(1, notRun);
      reasons.push(`${file.name} failed outside its tests`);
    } else {
      skipped += notRun;
    }
  }
  const unhandled = runEnd?.unhandledErrors?.length ?? 0;
  failed += unhandled;
  if (unhandled > 0) reasons.push(`${unhandled} error(s) outside any test`);
  if (!report) reasons.push("no JSON report was written");
  else if (files.length === 0) reasons.push("no test file ran (a global set-up failed?)");
  if (!runEnd) reasons.push("the run did not end normally (no run-end record)");
  const runFailed =
    !report || files.length === 0 || !runEnd || runEnd.reason === "failed" || (exitCode ?? 0) !== 0;
  if (runFailed && failed === 0) {
    failed = 1;
    if (reasons.length === 0) reasons.push(`vitest ended with ${runEnd?.reason ?? `exit code ${exitCode}`}`);
  }
  return { passed, failed, skipped, reasons };
}

/** Several runs' counts as one (npm test runs the Swarm suite after the others, as a run of its own). */
export function sumRuns(runs) {
  return runs.reduce(
    (sum, run) => ({
      passed: sum.passed + run.passed,
      failed: sum.failed + run.failed,
      skipped: sum.skipped + run.skipped,
      reasons: [...sum.reasons, ...run.reasons],
    }),
    { passed: 0, failed: 0, skipped: 0, reasons: [] },
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Triples: <report> <run-end> <exit code>, one per run.
  const args = process.argv.slice(2);
  const runs = [];
  for (let i = 0; i < args.length; i += 3) {
    const exitCode = args[i + 2];
    runs.push(
      countRun(
        readJson(args[i]),
        readJson(args[i + 1]),
        exitCode === undefined ? undefined : Number(exitCode),
      ),
    );
  }
  const counts = sumRuns(runs);
  for (const reason of counts.reasons) console.log(`[summary] ${reason}`);
  const skipped = counts.skipped ? `, ${counts.skipped} skipped` : "";
  console.log(`${counts.passed} passed, ${counts.failed} failed${skipped}`);
}
