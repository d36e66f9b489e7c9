// Prints the one closing line CI reads: "N passed, N failed" over every project (unit, integration, e2e).
import { existsSync, readFileSync } from "node:fs";

const file = process.argv[2];
if (!file || !existsSync(file)) process.exit(1);
const report = JSON.parse(readFileSync(file, "utf8"));
const failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
