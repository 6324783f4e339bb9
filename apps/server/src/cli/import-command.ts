import fs from "node:fs";
import path from "node:path";
import { openDb } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";
import { readEnv } from "../env.js";
import { systemClock } from "../modules/accounts/clock.js";
import type { DetectedFile } from "../modules/imports/file-detection.js";
import { type FileImportReport, importFile, importShippedData } from "../modules/imports/imports.service.js";
import type { MappingOverride } from "../modules/imports/mapping/column-mapping.js";
import { allDivisions } from "../modules/reference/reference.repository.js";
import { RegionDirectory } from "../modules/reference/region-directory.js";
import { WatchesService } from "../modules/watches/watches.service.js";
import { progressPrinter } from "../startup/progress.js";
import { parseArgs, stringOption } from "./args.js";

export const IMPORT_USAGE = `zhichan import                      load all shipped data (data/ of the repo, or --data <dir>)
zhichan import --file <path> --source <tag> [--mapping map.json] [--force] [--export-date YYYY-MM-DD] [--official]
  --export-date: the date the export speaks for (orders sources; default: this import's time)
  --official: the file is official CNIPA data (outranks vendor exports for bibliographic fields)
  options: --db <file> (default $ZHICHAN_HOME/zhichan.db)  --batch-size <rows> (default 1000)
  map.json: {"<header as in the file>": "<field>" | null}, fields: pub_no app_no title abstract claims applicants
  inventors app_date pub_date grant_date app_year patent_type ipc_main ipc_all legal_status applicant_province
  applicant_city applicant_district applicant_address province_code_text region_text agency agent sei_category
  nic_category claims_count cited_by_count title_en abstract_en cpc priority_nos priority_dates cited_refs
  cites_count family_id family_members family_count`;

const KNOWN = new Set(["file", "source", "mapping", "data", "db", "batch-size", "force", "export-date", "official"]);

function printFile(r: FileImportReport): void {
  const name = path.basename(r.file);
  if (r.status === "skipped") {
    process.stdout.write(`  ${name}: skipped — ${r.skippedReason}\n`);
    return;
  }
  const resumed = r.resumedAfterRow ? `, resumed after row ${r.resumedAfterRow}` : "";
  process.stdout.write(
    `  ${name} [${r.source}]: ${r.rowsOk} ok, ${r.rowsBad} bad, ${r.warnings} warnings; ` +
      `${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rowsBad} rejected (${r.seconds.toFixed(1)} s${resumed})\n`,
  );
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .map(([field, n]) => `${field} ${n}`)
      .join(", ");
  if (Object.keys(r.fieldChanges).length) process.stdout.write(`    changed fields: ${list(r.fieldChanges)}\n`);
  if (r.statusEvents) process.stdout.write(`    legal-status changes recorded: ${r.statusEvents}\n`);
  if (Object.keys(r.conflicts).length)
    process.stdout.write(`    conflicts (kept the higher-ranked value): ${list(r.conflicts)}\n`);
  if (r.detected) process.stdout.write(describeDetected(r.detected));
  for (const i of r.firstIssues.slice(0, 5)) process.stdout.write(`    row ${i.row} ${i.severity}: ${i.reason}\n`);
}

/** What the import found: layout, encoding, delimiter, header row, and each column mapped or left unused. */
export function describeDetected(d: DetectedFile): string {
  const delimiter = d.delimiter === null ? "" : `, delimiter ${JSON.stringify(d.delimiter)}`;
  const why = d.layoutEvidence.length ? ` (${d.layoutEvidence.join(", ")})` : "";
  const replaced = d.replacedBytes ? `, ${d.replacedBytes} bytes not UTF-8 replaced` : "";
  const mapped = d.columns.filter((c) => c.field).map((c) => `${c.header} → ${c.field}`);
  return (
    `    layout ${d.layout}${why}; encoding ${d.encoding}${delimiter}${replaced}; header row ${d.headerRow}\n` +
    `    mapped: ${mapped.join(", ") || "none"}\n` +
    `    unused (kept under their header): ${d.unused.join(", ") || "none"}\n`
  );
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
      // the same watch evaluation as a web import: users' alerts do not depend on how the file came in
      const watches = new WatchesService(db, {
        regionResolver: new RegionDirectory(allDivisions(db)).resolve,
        clock: systemClock,
      });
      const report = await importFile(
        db,
        path.resolve(file),
        {
          source,
          mapping,
          batchSize,
          force: options.has("force"),
          exportDate: stringOption(options, "export-date"),
          authority: options.has("official") ? "official" : "vendor",
          onBatchCommitted: (batch) => {
            watches
              .afterBatch(batch)
              .catch((err) => process.stderr.write(`Watches could not be evaluated: ${String(err)}\n`));
          },
        },
        progress,
      );
      await watches.settled();
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
