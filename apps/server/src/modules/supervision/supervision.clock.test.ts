import { OrgInput } from "@zhichan/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb, seedReference } from "../../testing/fixture-db.js";
import { DAY, FakeClock } from "../accounts/clock.js";
import { AuditService } from "../audit/audit.service.js";
import { allDivisions } from "../reference/reference.repository.js";
import { RegionDirectory } from "../reference/region-directory.js";
import { RegistryService } from "../registry/registry.service.js";
import { official } from "../registry/registry.test-support.js";
import { SignalsService } from "./signals.service.js";
import { SupervisionService } from "./supervision.service.js";

/**
 * Credit grades are evaluated on the injected clock's day (issue #18 item 3): a violation dated after it is refused,
 * and one leaves the three-year look-back window when the clock, not the machine's time, passes it.
 */
let db: Db;
let supervision: SupervisionService;
let signals: SignalsService;
let orgId: number;
const clock = new FakeClock(Date.UTC(2025, 5, 10, 12)); // 2025-06-10, noon UTC
const city = official(null);

beforeAll(async () => {
  ({ db } = await freshDb());
  seedReference(db);
  const audit = new AuditService(db, clock);
  const registry = new RegistryService(db, audit, clock);
  supervision = new SupervisionService(db, registry, new RegionDirectory(allDivisions(db)), audit, clock);
  signals = new SignalsService(db, clock);
  const agency = {
    name: "郑州时钟专利代理事务所",
    category: "patent_agency",
    districtCode: "410105",
    since: "2020-01-01",
  };
  orgId = registry.createOrg(city, OrgInput.parse(agency)).id;
});
afterAll(async () => db.close());

const violation = (date: string) => ({
  kind: "abnormal_filing",
  date,
  points: null,
  description: "代理非正常专利申请，经核查属实",
  evidence: null,
});

describe("supervision on the injected clock", () => {
  it("refuses a violation dated after the clock's day and grades as of that day", () => {
    expect(() => supervision.addViolation(city, orgId, violation("2025-06-11"))).toThrow(/晚于今天/);
    const graded = supervision.addViolation(city, orgId, violation("2025-06-10"));
    expect(graded).toMatchObject({ asOf: "2025-06-10", score: 80, grade: "C" });
  });

  it("drops the violation from the grade once the clock is past the three-year window", () => {
    clock.advance(3 * 366 * DAY); // 2028-06-12
    expect(supervision.credit(city, orgId)).toMatchObject({ asOf: "2028-06-12", score: 100, grade: "A" });
  });

  it("stamps the abnormal-filing signals with the clock's time", async () => {
    expect((await signals.signals()).computedAt).toBe(new Date(clock.now()).toISOString());
  });
});
