import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import { importFile } from "./imports.service.js";

let db: Db;
let dir: string;
const write = (name: string, lines: string[]) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join("\n"));
  return file;
};
const row = (pubNo: string) =>
  db.sqlite.prepare("SELECT * FROM patents WHERE pub_no = ?").get(pubNo) as Record<string, unknown>;
const origins = (pubNo: string) =>
  db.sqlite
    .prepare(
      "SELECT s.field, s.source, s.run_id, s.authority FROM patent_field_sources s JOIN patents p ON p.id = s.patent_id WHERE p.pub_no = ? ORDER BY s.field",
    )
    .all(pubNo) as Array<{ field: string; source: string; run_id: number | null; authority: string }>;
const events = (pubNo: string) =>
  db.sqlite
    .prepare(
      "SELECT e.event_date, e.from_value, e.to_value, e.from_raw, e.to_raw, e.source FROM patent_events e JOIN patents p ON p.id = e.patent_id WHERE p.pub_no = ? ORDER BY e.id",
    )
    .all(pubNo);

const HEADER = "公开号,标题,摘要,申请人,法律状态";

beforeAll(async () => {
  ({ db, dir } = await freshDb());
});

describe("updates by field precedence", () => {
  let firstRun: number | null;
  it("a first export inserts rows with one provenance row each", async () => {
    const r = await importFile(
      db,
      write("w1.csv", [HEADER, "CN900000001A,旧标题,旧摘要,甲公司,实质审查", "CN900000002A,不变的标题,,乙公司,有效"]),
      { source: "vendor_x", exportDate: "2024-01-05" },
    );
    firstRun = r.runId;
    expect([r.inserted, r.updated, r.unchanged, r.rowsBad]).toEqual([2, 0, 0, 0]);
    expect(origins("CN900000001A")).toEqual([
      { field: "*", source: "vendor_x", run_id: firstRun, authority: "vendor" },
    ]);
  });

  it("a later export corrects the title, moves the legal status (a dated event) and never blanks a value", async () => {
    const seqBefore = row("CN900000002A").updated_seq;
    const r = await importFile(
      db,
      write("w2.csv", [
        HEADER,
        "CN900000001A,更正后的标题,,甲公司,驳回",
        "CN900000002A,不变的标题,,乙公司,有效",
        "??,坏行,,,",
      ]),
      { source: "vendor_y", exportDate: "2024-03-01" },
    );
    expect([r.inserted, r.updated, r.unchanged, r.rowsBad]).toEqual([0, 1, 1, 1]);
    expect(r.fieldChanges).toEqual({ title: 1, status: 1 });
    expect(r.conflicts).toEqual({});
    expect(r.statusEvents).toBe(1);
    expect(row("CN900000001A")).toMatchObject({
      title: "更正后的标题",
      abstract: "旧摘要",
      status: "rejected",
      status_raw: "驳回",
      sources: "vendor_x;vendor_y",
    });
    expect(row("CN900000002A").updated_seq).toBe(seqBefore); // unchanged rows are not re-indexed
    expect(events("CN900000001A")).toEqual([
      {
        event_date: "2024-03-01",
        from_value: "pending",
        to_value: "rejected",
        from_raw: "实质审查",
        to_raw: "驳回",
        source: "vendor_y",
      },
    ]);
    expect(origins("CN900000001A").map((o) => [o.field, o.source])).toEqual([
      ["*", "vendor_x"],
      ["status", "vendor_y"],
      ["title", "vendor_y"],
    ]);
  });

  it("an older export loses and is counted as a conflict; an official one wins bibliographic fields", async () => {
    const older = await importFile(db, write("w0.csv", [HEADER, "CN900000001A,旧标题,,甲公司,实质审查"]), {
      source: "vendor_old",
      exportDate: "2023-12-01",
    });
    expect([older.updated, older.unchanged]).toEqual([0, 1]); // only its source tag is added
    expect(older.fieldChanges).toEqual({});
    expect(older.conflicts).toEqual({ title: 1, status: 1 });
    expect(row("CN900000001A")).toMatchObject({ title: "更正后的标题", status_raw: "驳回" });

    const official = await importFile(db, write("o.csv", [HEADER, "CN900000001A,官方标题,,甲公司,"]), {
      source: "cnipa",
      authority: "official",
      exportDate: "2023-06-01",
    });
    expect(official.fieldChanges).toEqual({ title: 1 });
    const later = await importFile(db, write("w3.csv", [HEADER, "CN900000001A,厂商的又一标题,,甲公司,"]), {
      source: "vendor_z",
      exportDate: "2025-01-01",
    });
    expect(later.conflicts).toEqual({ title: 1 });
    expect(row("CN900000001A")).toMatchObject({ title: "官方标题", status_raw: "驳回" });
  });

  it("without an export date the import order decides, and a forced re-import of an old file changes nothing", async () => {
    const a = write("n1.csv", [HEADER, "CN900000003A,第一次,,丙公司,公开"]);
    const b = write("n2.csv", [HEADER, "CN900000003A,第二次,,丙公司,授权"]);
    await importFile(db, a, { source: "nd" });
    await importFile(db, b, { source: "nd" });
    expect(row("CN900000003A")).toMatchObject({ title: "第二次", status_raw: "授权" });
    const seq = row("CN900000003A").updated_seq;
    const again = await importFile(db, a, { source: "nd", force: true });
    expect([again.updated, again.unchanged]).toEqual([0, 1]);
    expect(again.conflicts).toEqual({ title: 1, status: 1 });
    expect(row("CN900000003A")).toMatchObject({ title: "第二次", updated_seq: seq });
  });

  it("rejects an export date that is not a date", async () => {
    const f = write("bad-date.csv", [HEADER, "CN900000004A,题,,丁公司,"]);
    await expect(importFile(db, f, { source: "bd", exportDate: "2024/01/01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
