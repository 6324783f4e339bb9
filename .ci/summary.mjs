// Prints vitest's JSON results as the one plain line CI reads: "N passed, N failed, N skipped".
import fs from "node:fs";

const file = process.argv[2];
if (!fs.existsSync(file)) {
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const r = JSON.parse(fs.readFileSync(file, "utf8"));
const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
const skipped = r.numPendingTests + (r.numTodoTests ?? 0);
console.log(`${r.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || r.numPassedTests === 0 ? 1 : 0);
