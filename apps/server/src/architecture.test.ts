import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

const importsOf = (file: string) =>
  [...fs.readFileSync(file, "utf8").matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+["']([^"']+)["']/g)].map(
    (m) => m[1],
  );

/** The layer rules of DESIGN.md, checked on every run rather than trusted. */
describe("layer rules", () => {
  it("core imports nothing from the repo, the file system, the network or the database", () => {
    for (const f of sourceFiles(path.join(root, "packages/core/src")))
      for (const i of importsOf(f))
        expect(i.startsWith(".") && !i.includes("node:"), `${path.relative(root, f)} imports ${i}`).toBe(true);
  });

  it("shared depends only on zod", () => {
    for (const f of sourceFiles(path.join(root, "packages/shared/src")))
      for (const i of importsOf(f))
        expect(i === "zod" || i.startsWith("."), `${path.relative(root, f)} imports ${i}`).toBe(true);
  });

  it("web depends on shared, never on core or the server", () => {
    for (const f of sourceFiles(path.join(root, "apps/web/src")))
      for (const i of importsOf(f))
        expect(/^@zhichan\/(core|server)|apps\/server/.test(i), `${path.relative(root, f)} imports ${i}`).toBe(false);
  });

  it("routes never touch the database or a repository", () => {
    for (const f of sourceFiles(path.join(root, "apps/server/src/modules")).filter((f) => f.endsWith(".routes.ts")))
      for (const i of importsOf(f))
        expect(/repository|\/db\/|better-sqlite3|kysely/.test(i), `${path.relative(root, f)} imports ${i}`).toBe(false);
  });
});
