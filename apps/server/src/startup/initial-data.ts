import type { Db } from "../db/connection.js";
import { importShippedData, isInitialImportDone } from "../modules/imports/imports.service.js";
import { progressPrinter } from "./progress.js";

/** First start: load the real data the project ships in data/; later starts skip straight on. */
export async function ensureInitialData(db: Db, dataDir: string): Promise<void> {
  if (isInitialImportDone(db)) return;
  process.stderr.write(`First start: importing the shipped data from ${dataDir} …\n`);
  const printers = new Map<string, (done: number, total: number) => void>();
  const report = await importShippedData(db, dataDir, (p) => {
    let print = printers.get(p.file);
    if (!print) {
      print = progressPrinter(`导入 Importing ${p.file}`);
      printers.set(p.file, print);
    }
    print(p.done, p.total);
  });
  process.stderr.write(`Import finished: ${JSON.stringify(report.summary ?? report)}\n`);
}
