import { GiProductInput } from "@zhichan/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb, seedReference } from "../../testing/fixture-db.js";
import { DAY, FakeClock } from "../accounts/clock.js";
import { AuditService } from "../audit/audit.service.js";
import { official } from "../registry/registry.test-support.js";
import { GiService } from "./gi.service.js";

/**
 * An entry's times come from the injected clock (issue #18 item 3), and the plan reads them: an entry with no
 * recognition date or year counts from the day it was entered, a revoked one ends on the day it was revoked.
 */
let db: Db;
let gi: GiService;
const clock = new FakeClock(Date.UTC(2025, 5, 10, 12)); // 2025-06-10, noon UTC
const city = official(null);

beforeAll(async () => {
  ({ db } = await freshDb());
  seedReference(db);
  gi = new GiService(db, new AuditService(db, clock), clock);
});
afterAll(async () => db.close());

describe("GI entries on the injected clock", () => {
  it("dates an undated entry from the clock's day, and its revocation too", () => {
    const input = GiProductInput.parse({ name: "时钟大枣", kind: "gi_product", stage: "registered", area: "金水区" });
    const created = gi.create(city, input);
    expect(created.updatedAt).toBe("2025-06-10T12:00:00.000Z");
    expect(gi.planFacts()).toEqual([expect.objectContaining({ since: "2025-06-10", ended: null })]);

    clock.advance(30 * DAY);
    gi.update(city, created.id, { ...input, stage: "revoked" });
    expect(gi.planFacts()).toEqual([expect.objectContaining({ since: "2025-06-10", ended: "2025-07-10" })]);
  });
});
