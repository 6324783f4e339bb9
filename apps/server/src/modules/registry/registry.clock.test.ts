import { OrgInput } from "@zhichan/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import { DAY, FakeClock } from "../accounts/clock.js";
import { AuditService } from "../audit/audit.service.js";
import { RegistryService } from "./registry.service.js";
import { official } from "./registry.test-support.js";

/**
 * The registry reads "now" from the injected clock only (issue #18 item 3): a record's created and changed times,
 * its history, the day an undated record and an undated qualification count from (what the plan reads), and the day
 * a brand qualification is granted all follow the clock, so the plan and the registry agree on "today".
 */
let db: Db;
let registry: RegistryService;
const clock = new FakeClock(Date.UTC(2025, 5, 10, 12)); // 2025-06-10, noon UTC
const city = official(null);

beforeAll(async () => {
  ({ db } = await freshDb());
  registry = new RegistryService(db, new AuditService(db, clock), clock);
});
afterAll(async () => db.close());

describe("the registry follows the injected clock", () => {
  it("dates a new undated record, its qualification and its history by the clock", () => {
    const org = registry.createOrg(
      city,
      OrgInput.parse({ name: "钟表甲代理", category: "patent_agency", districtCode: "410105", qualifications: ["q1"] }),
    );
    expect(org).toMatchObject({ createdAt: "2025-06-10T12:00:00.000Z", updatedAt: "2025-06-10T12:00:00.000Z" });
    expect(org.qualificationSince).toEqual({ q1: "2025-06-10" });
    const fact = registry.facts().find((f) => f.subject === "org")!;
    expect(fact).toMatchObject({ since: "2025-06-10", qualificationSince: { q1: "2025-06-10" } });
    expect(registry.getOrg(city, org.id).history.map((h) => h.at)).toEqual(["2025-06-10T12:00:00.000Z"]);
  });

  it("dates a change and a brand grant by the clock once it has moved", () => {
    const org = registry.createOrg(city, OrgInput.parse({ name: "钟表乙代理", category: "patent_agency" }));
    clock.advance(2 * DAY); // 2025-06-12
    const changed = registry.updateOrg(
      city,
      org.id,
      OrgInput.parse({ name: "钟表乙代理", category: "patent_agency", notes: "改" }),
    );
    expect(changed).toMatchObject({ createdAt: org.createdAt, updatedAt: "2025-06-12T12:00:00.000Z" });
    clock.advance(DAY); // 2025-06-13
    registry.setBrand(city, org.id, "municipal", "approved");
    expect(registry.holdsBrandQualification(org.id, "2025-06-13")).toMatchObject({ held: true, since: "2025-06-13" });
    expect(registry.holdsBrandQualification(org.id, "2025-06-12").held).toBe(false);
  });
});
