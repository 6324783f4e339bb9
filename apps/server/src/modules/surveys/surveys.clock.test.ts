import { OrgInput, SurveyInput } from "@zhichan/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb, seedReference } from "../../testing/fixture-db.js";
import { DAY, FakeClock } from "../accounts/clock.js";
import { AuditService } from "../audit/audit.service.js";
import { allDivisions } from "../reference/reference.repository.js";
import { RegionDirectory } from "../reference/region-directory.js";
import { RegistryService } from "../registry/registry.service.js";
import { official } from "../registry/registry.test-support.js";
import { SurveysService } from "./surveys.service.js";

/**
 * Surveys read "now" from the injected clock only (issue #18 item 3): a survey's creation, each answer's submission
 * and the publication time the public list is ordered by all follow the clock.
 */
let db: Db;
let registry: RegistryService;
let surveys: SurveysService;
const clock = new FakeClock(Date.UTC(2025, 5, 10, 12)); // 2025-06-10, noon UTC
const city = official(null);
const CREDIT_CODE = "91410105MA00000001";

beforeAll(async () => {
  ({ db } = await freshDb());
  seedReference(db);
  const audit = new AuditService(db, clock);
  registry = new RegistryService(db, audit, clock);
  surveys = new SurveysService(db, registry, new RegionDirectory(allDivisions(db)), audit, clock);
});
afterAll(async () => db.close());

describe("surveys follow the injected clock", () => {
  it("dates creation, an answer and publication by the clock as it moves", () => {
    const org = registry.createOrg(
      city,
      OrgInput.parse({
        name: "钟表调查代理",
        category: "patent_agency",
        districtCode: "410105",
        creditCode: CREDIT_CODE,
      }),
    );
    const survey = surveys.create(
      city,
      SurveyInput.parse({
        title: "钟表调查",
        periodStart: "2025-01-01",
        periodEnd: "2025-03-31",
        dueDate: "2025-07-31",
        questions: [{ key: "staff", labelZh: "人数", type: "integer", required: true }],
      }),
    );
    expect(survey).toMatchObject({ createdAt: "2025-06-10T12:00:00.000Z", publishedAt: null });
    surveys.transition(city, survey.id, "open");
    clock.advance(DAY); // 2025-06-11
    surveys.respond(city, survey.id, org.id, { staff: 5 }, [CREDIT_CODE]);
    expect(surveys.responses(city, survey.id)[0]).toMatchObject({ submittedAt: "2025-06-11T12:00:00.000Z" });
    surveys.transition(city, survey.id, "closed");
    clock.advance(DAY); // 2025-06-12
    expect(surveys.transition(city, survey.id, "published").publishedAt).toBe("2025-06-12T12:00:00.000Z");
    expect(surveys.published()[0]).toMatchObject({ id: survey.id, publishedAt: "2025-06-12T12:00:00.000Z" });
  });
});
