import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "../../db/connection.js";
import { createServices, type Services } from "../../services.js";
import { freshDb } from "../../testing/fixture-db.js";
import { importFile } from "../imports/imports.service.js";
import { SearchIndex } from "./search-index.js";

// The running server's index follows the database (issue #14 item 5): no restart, no double counts in between.
let db: Db;
let dir: string;
let index: SearchIndex;
let services: Services;

const HEADER = "公开号,标题,申请人,法律状态";
const ROWS = 30;
const write = (name: string, title: (i: number) => string) => {
  const file = path.join(dir, name);
  const rows = Array.from({ length: ROWS }, (_, i) => `CN${910000000 + i}A,${title(i)},实时公司,实质审查`);
  fs.writeFileSync(file, [HEADER, ...rows].join("\n"));
  return file;
};
const total = (q: string) => services.search.search({ q, limit: 10, sort: "relevance" } as never).total;

/** Polls `check` (with the event loop free in between) until it holds or `ms` pass. */
async function eventually(check: () => boolean, ms = 15_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

beforeAll(async () => {
  ({ db, dir } = await freshDb());
  index = SearchIndex.open(db, path.join(dir, "index"));
  services = createServices(db, index);
});
afterAll(async () => {
  await db.close();
});

describe("live index", () => {
  it("finds records imported through the service while queries run, never counting one twice", async () => {
    const seen: number[] = [];
    let importing = true;
    const searching = (async () => {
      while (importing) {
        seen.push(total("AP=实时公司"));
        await new Promise((r) => setImmediate(r));
      }
    })();
    const file = write("live-1.csv", (i) => `实时检索旧标题${i}`);
    await importFile(db, file, { source: "live", batchSize: 5, onBatchCommitted: () => services.search.refreshSoon() });
    expect(await eventually(() => total("AP=实时公司") === ROWS)).toBe(true);
    expect(total("TI=实时检索旧标题")).toBe(ROWS);

    // A later export changes every title: each record is found by its old or its new title, never both or neither.
    const both: number[] = [];
    const updating = (async () => {
      while (importing) {
        const ap = total("AP=实时公司");
        both.push(total("TI=实时检索旧标题") + total("TI=更正后新标题"));
        seen.push(ap);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const later = write("live-2.csv", (i) => `更正后新标题${i}`);
    await importFile(db, later, {
      source: "live2",
      batchSize: 5,
      onBatchCommitted: () => services.search.refreshSoon(),
    });
    expect(await eventually(() => total("TI=更正后新标题") === ROWS)).toBe(true);
    importing = false;
    await Promise.all([searching, updating]);
    expect(total("TI=实时检索旧标题")).toBe(0);
    expect(Math.max(...seen)).toBe(ROWS); // the applicant's total never double-counts a replaced record
    expect(both.every((n) => n === ROWS)).toBe(true); // each record in exactly one version at every query
    expect(both.length).toBeGreaterThan(0);
  }, 60_000);

  it("picks up an import written by another connection (the CLI) by polling", async () => {
    const stop = index.follow(50);
    const cli = openDb(path.join(dir, "test.db"));
    try {
      const file = path.join(dir, "cli.csv");
      fs.writeFileSync(file, `${HEADER}\nCN920000001A,命令行导入的记录,另一进程公司,有效\n`);
      await importFile(cli, file, { source: "cli" });
      expect(await eventually(() => total("TI=命令行导入的记录") === 1)).toBe(true);
    } finally {
      stop();
      await cli.close();
    }
  }, 60_000);
});
