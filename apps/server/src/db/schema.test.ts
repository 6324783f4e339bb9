import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb } from "../testing/fixture-db.js";
import type { Db } from "./connection.js";

/**
 * schema.ts is the one schema the repositories' types come from; this test holds it to the database the real
 * migrations build: the same tables, the same columns, `| null` exactly where the column may hold NULL,
 * `Generated<…>` only where the database fills the value in, and number/string matching the column's affinity.
 * (SQLite now; the same comparison against information_schema once PostgreSQL exists, issue #19.)
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCHEMA_FILES = ["schema.ts", "schema-service-desk.ts"].map((f) => path.join(HERE, f));
/** Tables the migrator and SQLite keep for themselves. */
const NOT_APP_TABLES = new Set(["kysely_migration", "kysely_migration_lock", "sqlite_sequence"]);

interface TypedColumn {
  nullable: boolean;
  generated: boolean;
  kind: "number" | "string" | "other";
}
type TypedTables = Map<string, Map<string, TypedColumn>>;

/** Reads `interface Database` (and the interfaces it extends or names) from the schema files' syntax trees. */
function schemaTables(files: string[]): TypedTables {
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  for (const file of files) {
    const src = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    for (const st of src.statements) if (ts.isInterfaceDeclaration(st)) interfaces.set(st.name.text, st);
  }
  const tables: TypedTables = new Map();
  const visit = (name: string) => {
    const decl = interfaces.get(name);
    if (!decl) throw new Error(`interface ${name} is not declared in the schema files`);
    for (const h of decl.heritageClauses ?? []) for (const t of h.types) visit(t.expression.getText());
    for (const m of decl.members) {
      if (!ts.isPropertySignature(m) || !m.type) continue;
      tables.set(propName(m), columnsOf(m.type, interfaces));
    }
  };
  visit("Database");
  return tables;
}

function propName(m: ts.PropertySignature): string {
  return ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : m.name.getText();
}

function columnsOf(type: ts.TypeNode, interfaces: Map<string, ts.InterfaceDeclaration>): Map<string, TypedColumn> {
  let members: ts.NodeArray<ts.TypeElement>;
  if (ts.isTypeLiteralNode(type)) members = type.members;
  else if (ts.isTypeReferenceNode(type) && interfaces.has(type.typeName.getText()))
    members = (interfaces.get(type.typeName.getText()) as ts.InterfaceDeclaration).members;
  else throw new Error(`a table's type must be a type literal or an interface of the schema files: ${type.getText()}`);
  const cols = new Map<string, TypedColumn>();
  for (const m of members) if (ts.isPropertySignature(m) && m.type) cols.set(propName(m), column(m.type));
  return cols;
}

function column(type: ts.TypeNode): TypedColumn {
  let t = type;
  let generated = false;
  if (ts.isTypeReferenceNode(t) && t.typeName.getText() === "Generated" && t.typeArguments?.length === 1) {
    generated = true;
    t = t.typeArguments[0] as ts.TypeNode;
  }
  const parts = ts.isUnionTypeNode(t) ? [...t.types] : [t];
  const isNull = (p: ts.TypeNode) => ts.isLiteralTypeNode(p) && p.literal.kind === ts.SyntaxKind.NullKeyword;
  const rest = parts.filter((p) => !isNull(p));
  const kinds = new Set(
    rest.map((p) =>
      p.kind === ts.SyntaxKind.NumberKeyword
        ? "number"
        : p.kind === ts.SyntaxKind.StringKeyword || (ts.isLiteralTypeNode(p) && ts.isStringLiteral(p.literal))
          ? "string"
          : "other",
    ),
  );
  const kind = kinds.size === 1 ? ([...kinds][0] as TypedColumn["kind"]) : "other";
  return { nullable: rest.length < parts.length, generated, kind };
}

interface DbColumn {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

/** SQLite's affinity rules (datatype3.html §3.1), reduced to what a TypeScript column type can say. */
function affinityKind(declared: string): TypedColumn["kind"] {
  const d = declared.toUpperCase();
  if (d.includes("INT")) return "number";
  if (d.includes("CHAR") || d.includes("CLOB") || d.includes("TEXT")) return "string";
  if (d === "" || d.includes("BLOB")) return "other";
  return "number"; // REAL, FLOA, DOUB and NUMERIC
}

/** Every difference between schema.ts and the database, one line each; empty when they agree. */
function schemaDrift(db: Db, typed: TypedTables): string[] {
  const drift: string[] = [];
  const dbTables = (
    db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  )
    .map((r) => r.name)
    .filter((n) => !NOT_APP_TABLES.has(n));
  for (const t of dbTables) if (!typed.has(t)) drift.push(`${t}: a table in the database, not in schema.ts`);
  for (const t of typed.keys()) if (!dbTables.includes(t)) drift.push(`${t}: in schema.ts, no such table`);
  for (const t of dbTables) {
    const cols = typed.get(t);
    if (!cols) continue;
    const info = db.sqlite.prepare(`SELECT * FROM pragma_table_info(?)`).all(t) as DbColumn[];
    for (const c of info) {
      const tc = cols.get(c.name);
      if (!tc) {
        drift.push(`${t}.${c.name}: a column in the database, not in schema.ts`);
        continue;
      }
      // A primary-key column is never NULL in practice (INTEGER PRIMARY KEY is the rowid).
      const dbNullable = c.notnull === 0 && c.pk === 0;
      if (tc.nullable !== dbNullable)
        drift.push(
          `${t}.${c.name}: ${dbNullable ? "may be NULL" : "NOT NULL"}, schema.ts says${tc.nullable ? "" : " not"} | null`,
        );
      const rowid = c.pk === 1 && c.type.toUpperCase() === "INTEGER" && info.filter((x) => x.pk > 0).length === 1;
      if (tc.generated && c.dflt_value === null && !rowid)
        drift.push(`${t}.${c.name}: Generated<> in schema.ts, but the column has no default`);
      const kind = affinityKind(c.type);
      if (tc.kind !== kind)
        drift.push(`${t}.${c.name}: ${c.type || "no type"} in the database, ${tc.kind} in schema.ts`);
    }
    for (const name of cols.keys())
      if (!info.some((c) => c.name === name)) drift.push(`${t}.${name}: in schema.ts, no such column`);
  }
  return drift;
}

describe("schema.ts against the migrated database", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDb());
  });
  afterAll(async () => {
    await db.close();
  });

  it("types every table and column the migrations create, and nothing else", () => {
    expect(schemaDrift(db, schemaTables(SCHEMA_FILES))).toEqual([]);
  });

  it("reports a column a migration adds without schema.ts, a lost NOT NULL, and a table schema.ts lacks", async () => {
    const other = (await freshDb()).db;
    const typed = schemaTables(SCHEMA_FILES);
    const before = schemaDrift(other, typed);
    other.sqlite.exec("ALTER TABLE surveys ADD COLUMN archived_at TEXT");
    other.sqlite.exec("CREATE TABLE extra_things (id INTEGER PRIMARY KEY, label TEXT NOT NULL)");
    const orgs = typed.get("registry_orgs") as Map<string, TypedColumn>;
    orgs.set("zone", { ...(orgs.get("zone") as TypedColumn), nullable: false });
    const after = schemaDrift(other, typed);
    await other.close();
    expect(after.filter((line) => !before.includes(line))).toEqual([
      "extra_things: a table in the database, not in schema.ts",
      "registry_orgs.zone: may be NULL, schema.ts says not | null",
      "surveys.archived_at: a column in the database, not in schema.ts",
    ]);
  });
});
