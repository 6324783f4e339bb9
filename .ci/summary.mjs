// Prints vitest's JSON results as the one plain line CI reads: "N passed, N failed, N skipped".
import fs from "node:fs";

const file = process.argv[2];
if (!fs.existsSync(file)) {
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const r = JSON.parse(fs.readFileSync(file, "utf8"));
// A file that fails to load has no failing test but fails the run: count it so the line never says 0 failed.
const failed = r.numFailedTests || (r.success ? 0 : Math.max(1, r.numFailedTestSuites));
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`${r.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || r.numPassedTests === 0 ? 1 : 0);
