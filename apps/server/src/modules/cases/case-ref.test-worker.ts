// Files cases into a shared database from a process of its own, for case-ref.test.ts: it says "ready" once its
// connection is open and starts filing on "go", so that all the processes' INSERTs race.
import { openDb } from "../../db/connection.js";
import { insertCase, type NewCase } from "./cases.repository.js";

const [file, count] = [process.argv[2], Number(process.argv[3])];
const db = openDb(file);
process.once("message", async (row: NewCase) => {
  const filed: { id: number; ref: string }[] = [];
  for (let i = 0; i < count; i++) filed.push(db.sqlite.transaction(() => insertCase(db, row, 2026))());
  await db.close();
  process.send?.(filed, () => process.exit(0));
});
process.send?.("ready");
