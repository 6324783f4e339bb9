import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * One clock (issue #18 item 3): a module reads "now" only from the Clock services.ts injects
 * (modules/accounts/clock.ts), so tests can fix or move the time of every module. This test finds every
 * `Date.now` and every argument-less `new Date()` in the modules' source; `new Date(x)` reads a given time and is
 * fine.
 */

const root = path.resolve(import.meta.dirname, "../../..");
const modulesDir = path.join(root, "apps/server/src/modules");

/** The clock implementation: the one place that reads the machine's time. */
const CLOCK = "apps/server/src/modules/accounts/clock.ts";

/** Test code and the kits and fixtures only tests import (as in architecture.test.ts). */
const TEST_CODE = /\.test\.tsx?$|\.test-kit\.ts$|\.fixture\.ts$|(^|\/)test-support\.ts$|(^|\/)test-files\.ts$/;

const NOT_YET = "not yet converted to the injected clock";
/**
 * Files that still read the machine's time, each with why. Shrink this list as modules are converted; an entry
 * whose file no longer reads the time fails the test, so the list cannot go stale.
 */
const NOT_CONVERTED: Record<string, string> = {
  // imports: under concurrent change by the import hot-path work (see SQL_EXCEPTIONS in architecture.test.ts)
  "apps/server/src/modules/imports/imports.service.ts": `imports ${NOT_YET} (run times and durations)`,
  "apps/server/src/modules/imports/import-runs.service.ts": `imports ${NOT_YET} (run times)`,
  "apps/server/src/modules/imports/reference-data.ts": `imports ${NOT_YET} (run times)`,
  "apps/server/src/modules/imports/applicant-merge.ts": `imports ${NOT_YET} (merge times)`,
  "apps/server/src/modules/imports/applicant-keep-apart.repository.ts": `imports ${NOT_YET} (keep-apart times)`,
  "apps/server/src/modules/imports/web/web-imports.service.ts": `imports ${NOT_YET} (upload and batch times, the rejected-rows XLSX's time)`,
  "apps/server/src/modules/imports/web/staging-area.ts": `imports ${NOT_YET} (the staging sweep's default time)`,
};

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !TEST_CODE.test(f));
}

/** Each place in a source text that reads the machine's time: `Date.now` or `new Date` with no argument. */
export function timeReads(fileName: string, text: string): string[] {
  const src = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (n: ts.Node) => `${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${n.getText()}`;
  const isDate = (e: ts.Expression) => ts.isIdentifier(e) && e.text === "Date";
  const visit = (n: ts.Node) => {
    if (ts.isPropertyAccessExpression(n) && isDate(n.expression) && n.name.text === "now") found.push(at(n));
    if (ts.isNewExpression(n) && isDate(n.expression) && (n.arguments?.length ?? 0) === 0) found.push(at(n));
    ts.forEachChild(n, visit);
  };
  visit(src);
  return found;
}

const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");

describe("one clock", () => {
  it("finds Date.now and new Date() in code, not new Date(x), comments or strings", () => {
    const text = [
      "// new Date() in a comment",
      'const s = "Date.now()";',
      "const a = Date.now();",
      "const b = new Date();",
      "const c = new Date;",
      "const d = new Date(a);",
      "const f = Date.now;",
      "const e = new Date(Date.UTC(2026, 0, 1));",
    ].join("\n");
    expect(timeReads("x.ts", text)).toEqual(["3: Date.now", "4: new Date()", "5: new Date", "7: Date.now"]);
  });

  it("no module reads the machine's time except through the injected clock", () => {
    const offenders: string[] = [];
    for (const f of sourceFiles(modulesDir)) {
      const r = rel(f);
      if (r === CLOCK || r in NOT_CONVERTED) continue;
      for (const hit of timeReads(f, fs.readFileSync(f, "utf8"))) offenders.push(`${r}:${hit}`);
    }
    expect(offenders, "use the Clock from services.ts (modules/accounts/clock.ts: isoNow, isoToday)").toEqual([]);
  });

  it("every file on the not-converted list still reads the time (convert it, then take it off the list)", () => {
    const stale = Object.keys(NOT_CONVERTED).filter(
      (r) =>
        !fs.existsSync(path.join(root, r)) || timeReads(r, fs.readFileSync(path.join(root, r), "utf8")).length === 0,
    );
    expect(stale).toEqual([]);
  });
});
