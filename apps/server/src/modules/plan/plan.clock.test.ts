import { OrgInput } from "@zhichan/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb, seedReference } from "../../testing/fixture-db.js";
import { DAY, FakeClock } from "../accounts/clock.js";
import { AuditService } from "../audit/audit.service.js";
import { ReferenceService } from "../reference/reference.service.js";
import { RegistryService } from "../registry/registry.service.js";
import { official } from "../registry/registry.test-support.js";
import { PlanService } from "./plan.service.js";

/**
 * The plan reads "today" from the injected clock only (issue #18 item 3): the running plan year, the live figures,
 * the future-date check of the pledge register and the publication time all move when the clock moves.
 */
let db: Db;
let plan: PlanService;
const clock = new FakeClock(Date.UTC(2024, 5, 30, 12)); // 2024-06-30, noon UTC
const city = official(null);

/** A patent agency in 金水区, the contract's defaults for the rest. */
const agency = (name: string, since: string) =>
  OrgInput.parse({ name, category: "patent_agency", districtCode: "410105", since });

beforeAll(async () => {
  ({ db } = await freshDb());
  seedReference(db);
  const audit = new AuditService(db, clock);
  const registry = new RegistryService(db, audit, clock);
  plan = new PlanService(db, registry, new ReferenceService(db), audit, clock);
  registry.createOrg(city, agency("甲代理", "2023-03-01"));
  registry.createOrg(city, agency("乙代理", "2025-02-01"));
});
afterAll(async () => db.close());

const agencies = () => plan.dashboard(city).targets.find((t) => t.key === "patent_agencies")!;

describe("the plan follows the injected clock", () => {
  it("counts as of the clock's day, and a plan year opens only when the clock reaches it", () => {
    expect(plan.dashboard(city).asOf).toBe("2024-06-30");
    // 乙 is registered from 2025-02-01: not yet in force on the clock's day, and 2025 has not begun
    expect(agencies()).toMatchObject({ actual: 1 });
    expect(agencies().years.map((y) => y.actual)).toEqual([1, 1, null]);

    clock.advance(246 * DAY); // 2025-03-03
    expect(plan.dashboard(city).asOf).toBe("2025-03-03");
    expect(agencies()).toMatchObject({ actual: 2 });
    expect(agencies().years.map((y) => y.actual)).toEqual([1, 1, 2]);
  });

  it("refuses a pledge registered after the clock's day, and takes it once the clock has reached that day", () => {
    const input = {
      registrationNo: "Y2025410000001",
      registeredOn: "2025-03-04",
      pledgor: "甲代理",
      pledgee: "某银行",
      patents: ["202210000001.1"],
      amountYuan: 1_000_000,
      districtCode: "410105",
    };
    expect(() => plan.pledges.register(city, input)).toThrow(/晚于今天/);
    clock.advance(DAY); // 2025-03-04
    expect(plan.pledges.register(city, input).recordedAt).toBe(new Date(clock.now()).toISOString());
  });

  it("stamps a publication with the clock's time", () => {
    expect(plan.publish(city, true).publishedAt).toBe(new Date(clock.now()).toISOString());
    expect(plan.dashboard(city).publishedAt).toBe("2025-03-04T12:00:00.000Z");
  });
});
