import type { Db } from "../db/connection.js";
import { systemClock } from "../modules/accounts/clock.js";
import { loadShippedGi } from "../modules/gi/gi.load.js";
import { importShippedData, isInitialImportDone } from "../modules/imports/imports.service.js";
import { progressPrinter } from "./progress.js";

/** First start: load the real data the project ships in data/; later starts skip straight on. */
export async function ensureInitialData(db: Db, dataDir: string): Promise<void> {
  if (!isInitialImportDone(db)) {
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
  // The GI register's shipped facts, after the division table they are coded against; once per version of the
  // file, so a data directory from before the register gains them on its next start (officials' edits stay).
  const gi = loadShippedGi(db, dataDir, systemClock); // first start, before the services and their clock exist
  if (gi.status === "done") process.stderr.write(`GI register: ${gi.added} shipped entries added\n`);
}
