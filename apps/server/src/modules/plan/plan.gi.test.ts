import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb, seedReference } from "../../testing/fixture-db.js";
import { FakeClock, systemClock } from "../accounts/clock.js";
import { AuditService } from "../audit/audit.service.js";
import { GiService } from "../gi/gi.service.js";
import { ReferenceService } from "../reference/reference.service.js";
import { RegistryService } from "../registry/registry.service.js";
import { official } from "../registry/registry.test-support.js";
import { insertTarget } from "./plan.repository.js";
import { PlanService } from "./plan.service.js";

/** Issue #17 item 6: a plan figure of GI products reads the GI register (registered entries of the plan's city). */
let db: Db;
let gi: GiService;
let plan: PlanService;
const city = official(null);

beforeAll(async () => {
  ({ db } = await freshDb());
  seedReference(db);
  const audit = new AuditService(db, systemClock);
  const today = new FakeClock(Date.UTC(2025, 5, 10, 12)); // 2025-06-10
  gi = new GiService(db, audit, today);
  plan = new PlanService(db, new RegistryService(db, audit, today), new ReferenceService(db), audit, today, {
    giFacts: () => gi.planFacts(),
  });
  insertTarget(db, 1, {
    key: "gi_products_test",
    label_zh: "地理标志产品（测试目标）",
    label_en: "GI products (test target)",
    unit: "个",
    target: 4,
    target_year: 2025,
    metric_json: JSON.stringify({ subject: "gi_product", categories: ["gi_product"] }),
    sort: 999,
    baseline_value: null,
    baseline_date: null,
  });
});
afterAll(async () => db.close());

const entry = (name: string, more: Record<string, unknown>) => ({
  name,
  kind: "gi_product" as const,
  stage: "registered" as const,
  prefecture: "郑州市",
  area: "金水区",
  year: 2024,
  ...more,
});

describe("GI products in the plan", () => {
  it("counts registered GI products of the city from the year they were announced, by district", () => {
    const parse = (o: Record<string, unknown>) =>
      ({
        cityCode: null,
        districtCode: null,
        announcement: null,
        recognisedOn: null,
        officialId: null,
        sourceUrl: null,
        notes: null,
        ...o,
      }) as never;
    gi.create(city, parse(entry("测试甲", {})));
    gi.create(city, parse(entry("测试乙", { stage: "publicised" })));
    gi.create(city, parse(entry("测试丙", { kind: "agri_gi" })));
    gi.create(city, parse(entry("测试丁", { prefecture: "开封市", cityCode: "410200", area: null })));
    const t = plan.dashboard(city).targets.find((x) => x.key === "gi_products_test")!;
    expect(t.years.map((y) => y.actual)).toEqual([0, 1, 1]);
    expect(t.actual).toBe(1);
    expect(t.areas.find((a) => a.code === "410105")?.count).toBe(1);
    const scoped = plan.dashboard(official("410172")).targets.find((x) => x.key === "gi_products_test")!;
    expect(scoped.actual).toBe(0);
  });
});
