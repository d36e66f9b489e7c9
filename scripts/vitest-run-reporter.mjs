// A vitest reporter that records how the run ended: vitest's JSON report leaves out errors outside any test
// (an unhandled rejection, a worker that died) and a run that aborted before any file (a global set-up that threw).
// scripts/test-summary.mjs reads both files.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export default class RunEndReporter {
  constructor(options = {}) {
    this.outputFile = options.outputFile ?? process.env.VITEST_RUN_END_FILE ?? "test-results/vitest-run.json";
  }

  onTestRunEnd(_modules, unhandledErrors, reason) {
    const errors = [...(unhandledErrors ?? [])].map((error) => String(error?.message ?? error).slice(0, 500));
    mkdirSync(path.dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile, JSON.stringify({ reason, unhandledErrors: errors }));
  }
}
