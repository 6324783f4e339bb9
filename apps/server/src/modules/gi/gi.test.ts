import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import { FakeClock, systemClock } from "../accounts/clock.js";
import { AuditService } from "../audit/audit.service.js";
import { readCsv } from "../imports/readers/csv-reader.js";
import { readFileBytes } from "../imports/readers/file-bytes.js";
import { kindAndStage, yearNamed } from "./gi.facts.js";
import { loadShippedGi, SHIPPED_GI_FILE } from "./gi.load.js";
import { GiService } from "./gi.service.js";

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../../data");
let db: Db;
let gi: GiService;
/** The first start's clock: the loaded entries carry its time, not the machine's. */
const loadClock = new FakeClock(Date.UTC(2024, 0, 2, 8));

/** The real division table of Henan (the shipped file), which the register's codes are resolved against. */
function loadHenanDivisions(db: Db) {
  const [header, ...rows] = readCsv(readFileBytes(path.join(DATA, "regions/henan_divisions.csv.gz")))
    .rows as string[][];
  const at = (k: string) => header.indexOf(k);
  const insert = db.sqlite.prepare(
    "INSERT OR IGNORE INTO divisions (code, name, level, parent_code) VALUES (?, ?, ?, ?)",
  );
  for (const r of rows)
    if (r[at("level")] !== "township")
      insert.run(r[at("code")], r[at("name")], r[at("level")], r[at("parent_code")] || null);
}

beforeAll(async () => {
  ({ db } = await freshDb());
  loadHenanDivisions(db);
  gi = new GiService(db, new AuditService(db, systemClock), systemClock);
});
afterAll(async () => db.close());

describe("the shipped GI facts (data/gi/henan_gi_facts.csv.gz)", () => {
  it("loads every fact once, coded to its city and, where the area is one county, its district", () => {
    const shipped = (readCsv(readFileBytes(path.join(DATA, SHIPPED_GI_FILE))).rows as string[][]).slice(1);
    expect(shipped.filter((r) => r[0]).length).toBe(43);
    expect(loadShippedGi(db, DATA, loadClock)).toEqual({ status: "done", added: 43 });
    expect(loadShippedGi(db, DATA, loadClock)).toEqual({ status: "skipped", added: 0 });
    const all = gi.list({ limit: 200, offset: 0 });
    expect(all.total).toBe(43);
    const byName = new Map(all.items.map((g) => [g.name, g]));
    expect(new Set(all.items.map((g) => g.updatedAt))).toEqual(new Set(["2024-01-02T08:00:00.000Z"]));
    expect(byName.get("登封芥菜")).toMatchObject({
      kind: "gi_product",
      stage: "registered",
      cityCode: "410100",
      districtCode: "410185",
      year: 2025,
      source: "shipped",
      sourceUrl: "https://www.hnjjbs.com/article/2025-11/176292989436543.html",
    });
    expect(byName.get("郑州樱桃沟樱桃")).toMatchObject({
      kind: "agri_gi",
      stage: "publicised",
      districtCode: "410103",
    });
    expect(byName.get("灵宝苹果")).toMatchObject({ kind: "gi_mark", cityCode: "411200", districtCode: "411282" });
    // several counties are not one district; a prefecture outside the city table is the province-direct 济源
    expect(byName.get("南阳艾")).toMatchObject({ cityCode: "411300", districtCode: null });
    expect(byName.get("济源冬凌草")).toMatchObject({ cityCode: "419001", stage: "reviewed" });
    expect(byName.get("冯桥红薯")).toMatchObject({ cityCode: null, districtCode: null });
    // every shipped GI type is read (none left to a guess)
    for (const r of shipped) if (r[0]) expect(kindAndStage(r[1]), r[0]).not.toBeNull();
  });

  it("counts them for the map by city and by the plan city's districts", () => {
    const m = gi.map();
    expect(m.total).toBe(43);
    const zz = m.byCity.find((c) => c.code === "410100");
    expect(zz).toMatchObject({ name: "郑州市", all: 9, registered: 6 });
    expect(m.byDistrict.find((d) => d.code === "410185")).toMatchObject({ name: "登封市", all: 1 });
    expect(m.cityWide).toEqual({ registered: 2, all: 2 }); // 郑州黄河鲤鱼, 茶亭沟红薯
  });

  it("makes plan facts that count from the announced year, not before", () => {
    const f = gi.planFacts().find((x) => x.districtCode === "410185");
    expect(f).toMatchObject({ subject: "gi_product", category: "gi_product", status: "active", since: "2025-12-31" });
    expect(gi.planFacts().filter((x) => x.status === "candidate").length).toBe(
      gi.list({ limit: 200, offset: 0 }).items.filter((x) => x.stage !== "registered").length,
    );
  });

  it("keeps an official's change when the shipped file is loaded again", () => {
    const entry = gi.list({ q: "中牟西瓜", limit: 5, offset: 0 }).items[0];
    const ctx = { actor: null, ip: null, district: null };
    gi.update(ctx, entry.id, {
      name: "中牟西瓜",
      kind: "gi_product",
      stage: "registered",
      prefecture: "郑州市",
      cityCode: null,
      area: "中牟县",
      districtCode: null,
      announcement: "CNIPA第646号公告",
      year: 2025,
      recognisedOn: "2025-11-05",
      officialId: null,
      sourceUrl: null,
      notes: "已核对公告",
    });
    db.sqlite.prepare("DELETE FROM import_runs WHERE source = 'reference:gi_products'").run();
    expect(loadShippedGi(db, DATA, loadClock)).toEqual({ status: "done", added: 0 });
    expect(gi.get(entry.id)).toMatchObject({ recognisedOn: "2025-11-05", notes: "已核对公告", districtCode: "410122" });
  });
});

describe("reading a GI type and a year", () => {
  it("tells registered products, marks and agricultural GIs in publicity or review apart", () => {
    expect(kindAndStage("地理标志产品 + 地理标志商标")).toEqual({ kind: "gi_product", stage: "registered" });
    expect(kindAndStage("农产品地理标志(专家评审通过)")).toEqual({ kind: "agri_gi", stage: "reviewed" });
    expect(kindAndStage("某种标志")).toBeNull();
    expect(yearNamed("CNIPA第646号/第650号公告(2025)")).toBe(2025);
    expect(yearNamed("", "国家质检总局地理标志产品保护公告")).toBeNull();
  });
});

it("ships its SOURCE.txt beside the data", () => {
  expect(fs.readFileSync(path.join(DATA, "gi/SOURCE.txt"), "utf8")).toContain("source_url");
});
