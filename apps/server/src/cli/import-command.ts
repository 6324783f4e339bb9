import fs from "node:fs";
import path from "node:path";
import { openDb } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";
import { readEnv } from "../env.js";
import { type FileImportReport, importFile, importShippedData } from "../modules/imports/imports.service.js";
import type { MappingOverride } from "../modules/imports/mapping/column-mapping.js";
import { progressPrinter } from "../startup/progress.js";
import { parseArgs, stringOption } from "./args.js";

export const IMPORT_USAGE = `zhichan import                      load all shipped data (data/ of the repo, or --data <dir>)
zhichan import --file <path> --source <tag> [--mapping map.json] [--force]
  options: --db <file> (default $ZHICHAN_HOME/zhichan.db)  --batch-size <rows> (default 1000)
  map.json: {"<header as in the file>": "<field>" | null}, fields: pub_no app_no title abstract claims applicants
  inventors app_date pub_date grant_date app_year patent_type ipc_main ipc_all legal_status applicant_province
  applicant_city applicant_district applicant_address province_code_text agency agent sei_category nic_category
  claims_count cited_by_count`;

const KNOWN = new Set(["file", "source", "mapping", "data", "db", "batch-size", "force"]);

function printFile(r: FileImportReport): void {
  const name = path.basename(r.file);
  if (r.status === "skipped") {
    process.stdout.write(`  ${name}: skipped — ${r.skippedReason}\n`);
    return;
  }
  const resumed = r.resumedAfterRow ? `, resumed after row ${r.resumedAfterRow}` : "";
  process.stdout.write(
    `  ${name} [${r.source}]: ${r.rowsOk} ok, ${r.rowsBad} bad, ${r.warnings} warnings; ` +
      `${r.inserted} new, ${r.updated} merged, ${r.unchanged} unchanged (${r.seconds.toFixed(1)} s${resumed})\n`,
  );
  for (const i of r.firstIssues.slice(0, 5)) process.stdout.write(`    row ${i.row} ${i.severity}: ${i.reason}\n`);
}

/** `zhichan import …`: loads files into the database, printing progress to stderr and a short report to stdout. */
export async function runImportCommand(argv: string[]): Promise<void> {
  const { options } = parseArgs(argv);
  for (const k of options.keys()) if (!KNOWN.has(k)) throw new Error(`unknown option --${k}\n${IMPORT_USAGE}`);
  const env = readEnv();
  const dbFile = path.resolve(stringOption(options, "db") ?? env.dbFile);
  fs.mkdirSync(path.dirname(dbFile), { recursive: true, mode: 0o700 }); // a new ZHICHAN_HOME is private
  const batchSize = Number(stringOption(options, "batch-size") ?? 1000);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("--batch-size must be a positive integer");
  const db = openDb(dbFile);
  try {
    await migrateToLatest(db.kysely);
    const printers = new Map<string, (done: number, total: number) => void>();
    const progress = (p: { file: string; done: number; total: number }) => {
      let print = printers.get(p.file);
      if (!print) {
        print = progressPrinter(`  ${p.file}`);
        printers.set(p.file, print);
      }
      print(p.done, p.total);
    };
    const file = stringOption(options, "file");
    if (file) {
      const source = stringOption(options, "source");
      if (!source) throw new Error(`--file needs --source <tag>\n${IMPORT_USAGE}`);
      const mappingFile = stringOption(options, "mapping");
      const mapping = mappingFile ? (JSON.parse(fs.readFileSync(mappingFile, "utf8")) as MappingOverride) : undefined;
      const report = await importFile(
        db,
        path.resolve(file),
        { source, mapping, batchSize, force: options.has("force") },
        progress,
      );
      process.stdout.write(`Imported into ${dbFile}\n`);
      printFile(report);
      return;
    }
    const dataDir = path.resolve(stringOption(options, "data") ?? env.dataDir);
    const report = await importShippedData(db, dataDir, progress, batchSize);
    process.stdout.write(`Imported ${dataDir} into ${dbFile}\n`);
    for (const r of report.reference)
      process.stdout.write(`  ${r.table}: ${r.rows} rows${r.status === "skipped" ? " (unchanged, skipped)" : ""}\n`);
    for (const r of report.files) printFile(r);
    const s = report.summary;
    process.stdout.write(
      `Total: ${s.patents} patents, ${s.applicants} applicants (${s.aliases} spellings), ${s.links} links; ` +
        `${s.rowsOk} rows ok, ${s.rowsBad} bad, ${s.warnings} warnings in ${s.seconds.toFixed(1)} s\n`,
    );
  } finally {
    await db.close();
  }
}
