import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb, plainUser } from "../../testing/fixture-db.js";
import { systemClock } from "../accounts/clock.js";
import { DataCipher } from "../accounts/data-cipher.js";
import { type CommittedBatch, importFile } from "../imports/imports.service.js";
import { MailService } from "../mail/mail.service.js";
import { WatchesService } from "./watches.service.js";

let db: Db;
let dir: string;
let now = new Date("2026-03-02T02:00:00Z");
let svc: WatchesService;
let mail: MailService;
const batches: CommittedBatch[] = [];

const NS =
  'xmlns:business="http://www.sipo.gov.cn/XMLSchema/business" xmlns:base="http://www.sipo.gov.cn/XMLSchema/base"';
const prs = (appNo: string, code: string, value: string, date: string) => `
 <business:PRSRecord>
  <business:ApplicationReference><base:DocumentID><base:DocNumber>${appNo}</base:DocNumber></base:DocumentID></business:ApplicationReference>
  <business:PRSCode>${code}</business:PRSCode><business:PRSValue>${value}</business:PRSValue>
  <business:PRSInformation></business:PRSInformation>
  <business:PRSPublicationDate><base:Date>${date}</base:Date></business:PRSPublicationDate>
 </business:PRSRecord>`;

/** Imports a small file the way the server does: each committed batch is evaluated against the watches. */
async function load(name: string, content: string, exportDate = "2024-01-01") {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return importFile(db, file, {
    source: name,
    batchSize: 2,
    exportDate,
    onBatchCommitted: (b) => {
      batches.push(b);
      void svc.afterBatch(b);
    },
  }).then(async (report) => {
    await svc.settled();
    return report;
  });
}
const csv = (rows: string[]) => ["公开号,申请号,标题,申请人,法律状态", ...rows].join("\n");
const user = (name: string) => plainUser(db, name, Date.now());
const patentId = (pubNo: string) =>
  db.sqlite.prepare("SELECT id FROM patents WHERE pub_no = ?").pluck().get(pubNo) as number;
const applicantOf = (pubNo: string) =>
  db.sqlite
    .prepare("SELECT applicant_id FROM patent_applicants WHERE patent_id = ? AND position = 0")
    .pluck()
    .get(patentId(pubNo)) as number;

let alice: number;
let bob: number;

beforeAll(async () => {
  ({ db, dir } = await freshDb());
  mail = new MailService(db, new DataCipher(Buffer.alloc(32, 7)), { now: () => now.getTime() }, null);
  svc = new WatchesService(db, { clock: { now: () => now.getTime() }, mail });
  alice = user("alice");
  bob = user("bob");
  await load(
    "base.csv",
    csv([
      "CN100000001A,CN202310000001.0,一种锂电池正极材料,甲电池公司,实质审查",
      "CN100000002A,CN202310000002.0,一种无人机,乙航空公司,实质审查",
    ]),
  );
});
afterAll(() => db?.close());

describe("saved searches and history", () => {
  it("saves a query with its unit and sort, lists and deletes it; history keeps the newest 50 without repeats", () => {
    const s = svc.saveSearch(alice, { name: "电池", q: "TI=电池", group: "invention", sort: "date_desc" });
    expect(s).toMatchObject({ name: "电池", q: "TI=电池", group: "invention", sort: "date_desc", watchId: null });
    expect(svc.searches(alice).items.map((x) => x.id)).toEqual([s.id]);
    svc.deleteSearch(alice, s.id);
    expect(svc.searches(alice).items).toEqual([]);

    for (let i = 0; i < 55; i++) svc.recordHistory(alice, { q: `q${i}` });
    svc.recordHistory(alice, { q: "q54" }); // the same as the newest: moved, not repeated
    const h = svc.history(alice).items;
    expect(h).toHaveLength(50);
    expect(h[0].q).toBe("q54");
    expect(h.at(-1)?.q).toBe("q5");
    svc.deleteHistory(alice, h[0].id);
    expect(svc.history(alice).items[0].q).toBe("q53");
    svc.deleteHistory(alice, null);
    expect(svc.history(alice).items).toEqual([]);
  });

  it("checks the query before saving it", () => {
    const strict = new WatchesService(db, {
      clock: systemClock,
      checkQuery: (q) => {
        if (q.includes("((")) throw new Error("bad query");
      },
    });
    expect(() => strict.saveSearch(alice, { name: "x", q: "((电池" })).toThrow("bad query");
    expect(svc.searches(alice).items).toEqual([]);
  });
});

describe("watch evaluation after each import batch", () => {
  it("reports a watched search's new hits from exactly the batch's inserted records, each record once", async () => {
    const s = svc.saveSearch(alice, { name: "锂电池", q: "TI=电池", watch: true });
    const other = svc.saveSearch(bob, { name: "无人机", q: "TI=无人机", watch: true });
    expect(s.watchId).not.toBeNull();
    const before = batches.length;
    // five rows in batches of two: one run, three batches; CN100000001A is an update, not a new hit
    const r = await load(
      "new.csv",
      csv([
        "CN100000001A,CN202310000001.0,一种锂电池正极材料,甲电池公司,授权",
        "CN100000003A,CN202310000003.0,一种固态电池,甲电池公司,实质审查",
        "CN100000004A,CN202310000004.0,一种电池管理系统,丙公司,实质审查",
        "CN100000005A,CN202310000005.0,一种无人机电池,乙航空公司,实质审查",
        "CN100000006A,CN202310000006.0,一种车灯,丁公司,实质审查",
      ]),
    );
    expect(batches.length - before).toBe(3);
    const alerts = svc.alerts(alice).items.filter((a) => a.kind === "new_hits");
    expect(alerts).toHaveLength(1); // one alert for the run, however many batches found hits
    const detail = svc.alert(alice, alerts[0].id);
    expect(detail.records.map((x) => x.publicationNumber).sort()).toEqual([
      "CN100000003A",
      "CN100000004A",
      "CN100000005A",
    ]);
    expect(detail.searchQuery?.split(" ").sort()).toEqual(["CN100000003A", "CN100000004A", "CN100000005A"]);
    expect(detail).toMatchObject({ title: "锂电池", recordCount: 3, unread: true, watchKind: "search" });
    const bobs = svc.alerts(bob).items;
    expect(bobs).toHaveLength(1);
    expect(svc.alert(bob, bobs[0].id).records.map((x) => x.publicationNumber)).toEqual(["CN100000005A"]);
    expect(r.inserted).toBe(4);

    // the same records again (a forced re-import) are no new hits
    const again = await load("new-again.csv", fs.readFileSync(path.join(dir, "new.csv"), "utf8"));
    expect(again.inserted).toBe(0);
    expect(svc.alerts(alice).items.filter((a) => a.kind === "new_hits")).toHaveLength(1);
    svc.unwatch(bob, other.watchId!);
  });

  it("reports legal-status events of a watched patent and of a watched applicant's patents", async () => {
    svc.watch(bob, { kind: "patent", patentId: patentId("CN100000002A") });
    svc.watch(alice, { kind: "applicant", applicantId: applicantOf("CN100000003A") });
    await load(
      "prs.xml",
      `<?xml version="1.0" encoding="UTF-8"?><business:PRSRecords ${NS}>${[
        prs("CN202310000002.0", "AV01", "专利权的主动放弃", "20260301"),
        prs("CN202310000003.0", "PE01", "专利权质押合同登记的生效", "20260301"),
        prs("CN202310000006.0", "TR01", "专利权的转移", "20260301"),
      ].join("")}</business:PRSRecords>`,
      "2026-03-01",
    );
    const bobAlert = svc.alerts(bob).items.find((a) => a.kind === "legal_events");
    expect(bobAlert).toMatchObject({ title: "CN100000002A", watchKind: "patent", recordCount: 1 });
    const bobRecords = svc.alert(bob, bobAlert!.id).records;
    expect(bobRecords[0]).toMatchObject({ publicationNumber: "CN100000002A", status: "lapsed" });
    expect(bobRecords[0].event).toMatchObject({ kind: "legal_status", date: "2026-03-01" });

    const aliceAlert = svc.alerts(alice).items.find((a) => a.kind === "legal_events");
    expect(aliceAlert).toMatchObject({ title: "甲电池公司", watchKind: "applicant" });
    const records = svc.alert(alice, aliceAlert!.id).records;
    // only the applicant's patent; the transfer of 丁公司's patent is nobody's watch
    expect(records.map((x) => x.publicationNumber)).toEqual(["CN100000003A"]);
    expect(records[0].event).toMatchObject({ kind: "legal_event", value: "PE01" });
  });

  it("sums up each finished day in one digest per user, once", () => {
    expect(svc.sweepDigests()).toEqual([]); // the day is not over yet
    mail.updateMySettings(alice, { email: "alice@example.org", language: "en" });
    now = new Date("2026-03-03T01:00:00Z");
    const made = svc.sweepDigests();
    expect(made.map((d) => d.userId).sort()).toEqual([alice, bob].sort());
    const digest = svc.alerts(alice).items.find((a) => a.kind === "digest");
    expect(digest).toMatchObject({ title: "2026-03-02", alertCount: 2 });
    const listed = svc.alert(alice, digest!.id).records.map((x) => x.publicationNumber);
    expect([...new Set(listed)].sort()).toEqual(["CN100000003A", "CN100000004A", "CN100000005A"]);
    expect(svc.sweepDigests()).toEqual([]);
    // e-mailed to alice, who gave an address, in her language, once; bob gave none
    const rows = mail.outbox().rows.filter((r) => r.kind === "alert");
    expect(rows.map((r) => r.subject)).toEqual(["[Zhichan] Patent alerts digest 2026-03-02"]);
  });
});

describe("one user's rows are invisible to another", () => {
  it("answers 404 for another user's saved search, watch, history entry and alert, and changes nothing", () => {
    const s = svc.saveSearch(bob, { name: "bob's", q: "TI=车灯", watch: true });
    svc.recordHistory(bob, { q: "bob only" });
    const bobAlert = svc.alerts(bob).items[0];
    const bobHistory = svc.history(bob).items[0];
    const attempts = [
      () => svc.deleteSearch(alice, s.id),
      () => svc.unwatch(alice, s.watchId!),
      () => svc.watch(alice, { kind: "search", savedSearchId: s.id }),
      () => svc.alert(alice, bobAlert.id),
      () => svc.deleteAlert(alice, bobAlert.id),
      () => svc.deleteHistory(alice, bobHistory.id),
    ];
    for (const attempt of attempts) expect(attempt).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    svc.markAlertsRead(alice, 2 ** 40);
    expect(svc.alerts(bob).items[0].unread).toBe(bobAlert.unread);
    expect(svc.searches(alice).items.some((x) => x.id === s.id)).toBe(false);
    expect(svc.searches(bob).items.map((x) => x.id)).toContain(s.id);
    expect(svc.history(bob).items[0].id).toBe(bobHistory.id);
    expect(svc.alert(bob, bobAlert.id).id).toBe(bobAlert.id);
  });
});
