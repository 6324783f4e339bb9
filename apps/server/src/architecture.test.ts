import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const modulesDir = path.join(root, "apps/server/src/modules");

/** Test code and the kits and fixtures only tests import: they build real collaborators, as services.ts does. */
const TEST_CODE = /\.test\.tsx?$|\.test-kit\.ts$|\.fixture\.ts$|(^|\/)test-support\.ts$|(^|\/)test-files\.ts$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(e.name) && !TEST_CODE.test(p)) out.push(p);
  }
  return out;
}

interface Import {
  spec: string;
  /** `import type …` / `export type … from`: no runtime dependency. */
  typeOnly: boolean;
}

/**
 * Every module a file names: static imports and re-exports (`import … from`, `export … from`, across lines), bare
 * side-effect imports (`import "x"`) and dynamic `import("x")`.
 */
export function importsOf(text: string): Import[] {
  const out: Import[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(import|export)(\s+type\b)?[^'"]*?\bfrom\s+["']([^"']+)["']/g))
    out.push({ spec: m[3] as string, typeOnly: !!m[2] });
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+["']([^"']+)["']/g))
    out.push({ spec: m[1] as string, typeOnly: false });
  for (const m of text.matchAll(/\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g))
    out.push({ spec: m[1] as string, typeOnly: false });
  return out;
}
const specsOf = (file: string) => importsOf(fs.readFileSync(file, "utf8")).map((i) => i.spec);

/** SQL in TypeScript: a prepared or executed statement (better-sqlite3) or a Kysely query builder call. */
const SQL =
  /\.prepare\(|\bsqlite\.exec\(|\.(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql`/;

/** Where SQL belongs: repositories, and the database infrastructure around them. */
const SQL_HOME = [
  /\.repository\.ts$/,
  /^apps\/server\/src\/db\//, // the connection, schema and migrations
  /^apps\/server\/src\/backup\//, // copies and counts the whole database (VACUUM INTO, every table), below the modules
  /^apps\/server\/src\/testing\//, // builds test databases
];

/**
 * Files that still hold SQL outside a repository, each with why. Shrink this list; never grow it without a reason a
 * reviewer would accept.
 */
const SQL_EXCEPTIONS: Record<string, string> = {
  // The importer's bulk write path: statements prepared once per run and executed per row or per pair inside the
  // batch transaction, interleaved with the resolution logic. The CSV batch-insert work was changing these files
  // while this rule came in; their statements move to repositories once that lands.
  "apps/server/src/modules/imports/applicant-evidence.ts":
    "reads every linked patent's evidence once per run; under concurrent change by the import hot-path work",
  "apps/server/src/modules/imports/entity-refresh.ts":
    "re-resolves the entities a batch touched; under concurrent change by the import hot-path work",
  "apps/server/src/modules/imports/applicant-merge.ts":
    "the merge engine: a dozen statements prepared once, run per merged pair between union-find steps",
  "apps/server/src/modules/imports/display-names.ts":
    "the display-name refresh over all entities after an import, one bulk pass with prepared statements",
  "apps/server/src/modules/imports/reference-data.ts":
    "the first-start loader of the shipped reference tables: parsing each data/ file and its inserts interleave",
};

const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");
const moduleOf = (f: string) => path.relative(modulesDir, f).split(path.sep)[0];

/** Resolves a relative specifier to the .ts file it names (sources import `./x.js`). */
function resolveSource(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [
    base.replace(/\.js$/, ".ts"),
    base.replace(/\.js$/, ".tsx"),
    `${base}.ts`,
    path.join(base, "index.ts"),
  ])
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return null;
}

/** A module's front door: its services, its wiring and an index. */
const FACADE = /(\.service|\.module)\.ts$|\/index\.ts$/;
/** Never reached from outside the module, not even for a type. */
const PRIVATE = /\.(repository|routes)\.ts$/;

/** Reaches the database: holds SQL or imports (at run time) the driver, Kysely, db/ or a repository. */
function reachesDatabase(file: string): boolean {
  const text = fs.readFileSync(file, "utf8");
  if (SQL.test(text)) return true;
  return importsOf(text).some(
    (i) => !i.typeOnly && /^(better-sqlite3|kysely)$|\/db\/|\.repository(\.js)?$/.test(i.spec),
  );
}

/**
 * A module reaches another only through its service. From modules/X, a file of modules/Y (Y ≠ X) may be named
 * - if it is Y's facade (`*.service.ts`, `*.module.ts`, `index.ts`), or
 * - if it never reaches the database (a value, rule or helper: the clock, a policy, a cipher, a file reader), or
 * - by `import type`, if it is not a repository or routes file (a collaborator's interface, wired in services.ts).
 * A repository or routes file of another module is never named.
 */
export function crossModuleViolation(from: string, spec: string, typeOnly: boolean): string | null {
  if (!spec.startsWith(".")) return null;
  const target = resolveSource(from, spec);
  if (!target?.startsWith(modulesDir + path.sep) || moduleOf(target) === moduleOf(from)) return null;
  if (PRIVATE.test(target)) return "another module's repository or routes";
  if (FACADE.test(target) || typeOnly) return null;
  return reachesDatabase(target) ? "another module's data access (not its service)" : null;
}

/** The layer rules of DESIGN.md, checked on every run rather than trusted. */
describe("layer rules", () => {
  it("core imports nothing from the repo, the file system, the network or the database", () => {
    for (const f of sourceFiles(path.join(root, "packages/core/src")))
      for (const i of specsOf(f))
        expect(i.startsWith(".") && !i.includes("node:"), `${rel(f)} imports ${i}`).toBe(true);
  });

  it("shared depends only on zod", () => {
    for (const f of sourceFiles(path.join(root, "packages/shared/src")))
      for (const i of specsOf(f)) expect(i === "zod" || i.startsWith("."), `${rel(f)} imports ${i}`).toBe(true);
  });

  it("web depends on shared, never on core or the server", () => {
    for (const f of sourceFiles(path.join(root, "apps/web/src")))
      for (const i of specsOf(f))
        expect(/^@zhichan\/(core|server)|apps\/server/.test(i), `${rel(f)} imports ${i}`).toBe(false);
  });

  it("routes never touch the database or a repository", () => {
    for (const f of sourceFiles(modulesDir).filter((f) => f.endsWith(".routes.ts")))
      for (const i of specsOf(f))
        expect(/repository|\/db\/|better-sqlite3|kysely/.test(i), `${rel(f)} imports ${i}`).toBe(false);
  });

  it("a module reaches another only through its service", () => {
    const found: string[] = [];
    for (const f of sourceFiles(modulesDir))
      for (const i of importsOf(fs.readFileSync(f, "utf8"))) {
        const why = crossModuleViolation(f, i.spec, i.typeOnly);
        if (why) found.push(`${rel(f)} imports ${i.spec}: ${why}`);
      }
    expect(found).toEqual([]);
  });

  it("SQL lives in repositories and the database infrastructure", () => {
    const found: string[] = [];
    for (const f of sourceFiles(path.join(root, "apps/server/src"))) {
      const r = rel(f);
      if (SQL_HOME.some((h) => h.test(r)) || r in SQL_EXCEPTIONS) continue;
      if (SQL.test(fs.readFileSync(f, "utf8"))) found.push(r);
    }
    expect(found).toEqual([]);
  });

  it("every SQL exception still holds SQL (an exception that is no longer needed is removed)", () => {
    for (const [file, reason] of Object.entries(SQL_EXCEPTIONS)) {
      expect(reason.length, file).toBeGreaterThan(20);
      expect(SQL.test(fs.readFileSync(path.join(root, file), "utf8")), `${file} holds no SQL any more`).toBe(true);
    }
  });
});

describe("the import scan", () => {
  it("sees static, type, re-exported, side-effect and dynamic imports across lines", () => {
    const text = [
      'import { a } from "./a.js";',
      "import type {\n  B,\n} from './b.js';",
      'export { c } from "./c.js";',
      'export * from "./d.js";',
      'import "./e.js";',
      'const f = await import("./f.js");',
      "const g = () => import(\n  './g.js'\n);",
    ].join("\n");
    expect(importsOf(text)).toEqual(
      expect.arrayContaining([
        { spec: "./a.js", typeOnly: false },
        { spec: "./b.js", typeOnly: true },
        { spec: "./c.js", typeOnly: false },
        { spec: "./d.js", typeOnly: false },
        { spec: "./e.js", typeOnly: false },
        { spec: "./f.js", typeOnly: false },
        { spec: "./g.js", typeOnly: false },
      ]),
    );
    expect(importsOf(text)).toHaveLength(7);
  });

  it("refuses another module's repository, even for a type, and a dynamic import of its data access", () => {
    const from = path.join(modulesDir, "operations/operations.service.ts");
    expect(crossModuleViolation(from, "../cases/cases.repository.js", true)).toMatch(/repository/);
    expect(crossModuleViolation(from, "../search/search.routes.js", false)).toMatch(/routes/);
    expect(crossModuleViolation(from, "../imports/applicant-merge.js", false)).toMatch(/data access/);
    expect(crossModuleViolation(from, "../cases/cases.service.js", false)).toBeNull();
    expect(crossModuleViolation(from, "../accounts/clock.js", false)).toBeNull();
    expect(crossModuleViolation(from, "./pledges.repository.js", false)).toBeNull();
  });

  it("finds SQL in a statement and in a Kysely call, not in a regular expression's exec", () => {
    expect(SQL.test('db.sqlite.prepare("SELECT 1")')).toBe(true);
    expect(SQL.test("db.sqlite.exec(`CREATE TABLE t (a)`)")).toBe(true);
    expect(SQL.test('db.kysely.selectFrom("cases")')).toBe(true);
    expect(SQL.test("/x/.exec(s)")).toBe(false);
  });
});
