// Prints the one closing line CI reads: "N passed, N failed" over every project (unit, integration, e2e).
import { existsSync, readFileSync } from "node:fs";

const file = process.argv[2];
if (!file || !existsSync(file)) process.exit(1);
const report = JSON.parse(readFileSync(file, "utf8"));

// A file that failed outside its tests (a beforeAll that threw, an import error) reports its tests as skipped:
// they did not pass, so each counts as failed (at least one per such file).
let failedOutsideTests = 0;
let skippedThere = 0;
for (const suite of report.testResults ?? []) {
  if (suite.status !== "failed" || suite.assertionResults.some((test) => test.status === "failed")) continue;
  const notRun = suite.assertionResults.filter((test) => test.status !== "passed").length;
  failedOutsideTests += Math.max(1, notRun);
  skippedThere += notRun;
}
const failed = report.numFailedTests + failedOutsideTests;
const skipped = report.numPendingTests + report.numTodoTests - skippedThere;
console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
