import crypto from "node:crypto";
import { AppError } from "@zhichan/core";
import {
  checkRewardEligibility,
  drawExperts,
  type ExpertCandidate,
  type RewardCategory,
} from "@zhichan/core/cases/index.ts";
import type { ExpertCreateRequest, ExpertDrawRequest, ExpertDrawResult, ExpertInfo } from "@zhichan/shared";
import type { z } from "zod";
import type { Db } from "../../db/connection.js";
import type { Actor } from "../accounts/accounts.policy.js";
import type { RequestInfo } from "../accounts/auth.service.js";
import type { Clock } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import type { CaseHooksByType } from "../cases/case-hooks.js";
import type { CaseRecordsService } from "../cases/case-records.service.js";
import { allExperts, type ExpertRow, insertDraw, insertExpert } from "./experts.repository.js";

/** Where experts come from; the platform's own table until the registry holds experts with declared conflicts. */
export interface ExpertSource {
  all(): ExpertInfo[];
  add(e: z.output<typeof ExpertCreateRequest>, at: number): ExpertInfo;
}

const list = (s: string): string[] => {
  try {
    const v = JSON.parse(s);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

const toInfo = (r: ExpertRow): ExpertInfo => ({
  id: r.id,
  name: r.name,
  orgName: r.org_name,
  fields: list(r.fields_json),
  declaredConflicts: list(r.conflicts_json),
  active: r.active === 1,
  userId: r.user_id,
});

export function tableExpertSource(db: Db): ExpertSource {
  return {
    all: () => allExperts(db).map(toInfo),
    add: (e, at) => {
      const id = insertExpert(db, {
        name: e.name,
        org_name: e.orgName ?? null,
        fields_json: JSON.stringify(e.fields),
        conflicts_json: JSON.stringify(e.declaredConflicts),
        user_id: e.userId ?? null,
        created_at: at,
      });
      return toInfo(allExperts(db).find((x) => x.id === id) as ExpertRow);
    },
  };
}

/** What talent rewards ask of the registry (wired in services.ts; absent: no registry facts, nothing recorded). */
export interface TalentRegistry {
  /** The registry record of an applicant's organisation (its account organisation's credit code), if active. */
  registryOrg(userId: number, accountOrgId: number): { id: number; districtCode: string | null } | null;
  /** The organisation's brand-agency qualification held on `date`. */
  brandQualification(
    registryOrgId: number,
    date: string,
  ): { held: boolean; level: string | null; since: string | null };
  /** Creates the rewarded person, or adds the reward's qualification to the one already registered. */
  recordRewardedPerson(p: RewardedPerson): { personId: number; created: boolean };
}
export interface RewardedPerson {
  name: string;
  category: "patent_attorney" | "ip_engineer";
  qualification: string | null;
  orgId: number | null;
  districtCode: string | null;
  /** YYYY-MM-DD of the approval */
  since: string;
  caseRef: string;
}

/** The rewards that go to a person, and what the registry records of them once approved. */
const PERSON_REWARDS: Record<
  string,
  (form: Record<string, unknown>) => Pick<RewardedPerson, "category" | "qualification">
> = {
  attorney_first_practice: () => ({ category: "patent_attorney", qualification: "practising" }),
  ip_engineer: (form) => ({
    category: "ip_engineer",
    qualification: form.engineerTitle === "senior" ? "senior_title" : null,
  }),
};

const cstDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** Talent: reward eligibility on application, the registry's people on approval, the audited draw of experts. */
export class TalentService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly experts: ExpertSource,
    private readonly cases: CaseRecordsService,
    private readonly cityCode = "4101",
    private readonly registry: TalentRegistry | null = null,
  ) {}

  hooks(): CaseHooksByType {
    return {
      talent_reward: {
        onCreate: ({ form, org, actor }) => {
          const today = cstDate(this.clock.now());
          const category = form.category as RewardCategory;
          const reg = org ? (this.registry?.registryOrg(actor.userId, org.id) ?? null) : null;
          // the brand-agency reward reads the registry's brand qualification, never the applicant's declaration
          const brand = reg ? this.registry!.brandQualification(reg.id, today) : null;
          const check = checkRewardEligibility(
            category,
            {
              source: category === "brand_agency" ? "registry" : "declared",
              cityCode: this.cityCode,
              attorneyExamYear: form.attorneyExamYear as number | undefined,
              firstPracticeDistrict: (form.firstPracticeDistrict as string | undefined) ?? org?.district_code ?? null,
              engineerTitle: form.engineerTitle as "intermediate" | "senior" | undefined,
              yearsInCityAgency: form.yearsInCityAgency as number | undefined,
              agencyDistrict: reg?.districtCode ?? (org?.kind === "agency" ? org.district_code : null),
              brandQualification: {
                found: reg !== null,
                level: brand?.held ? brand.level : null,
                since: brand?.since ?? null,
              },
              overseasCases: form.overseasCases as number | undefined,
            },
            Number(today.slice(0, 4)),
          );
          return { checks: { eligibility: check } };
        },
        // An approved reward to a person puts that person in the registry (or dates the reward's qualification on
        // the one already there), so the plan's talent figures count them from the approval.
        onTransition: ({ row, transition, now }) => {
          if (transition !== "approve" || !this.registry) return;
          const form = JSON.parse(row.form_json) as Record<string, unknown>;
          const reward = PERSON_REWARDS[String(form.category)];
          if (!reward) return; // the brand-agency and overseas rewards go to organisations
          const reg = row.org_id !== null ? this.registry.registryOrg(row.applicant_user_id, row.org_id) : null;
          this.registry.recordRewardedPerson({
            name: String(form.personName),
            ...reward(form),
            orgId: reg?.id ?? null,
            districtCode: reg?.districtCode ?? (form.firstPracticeDistrict as string | undefined) ?? row.district_code,
            since: cstDate(now),
            caseRef: row.ref,
          });
        },
      },
    };
  }

  listExperts(): ExpertInfo[] {
    return this.experts.all();
  }

  addExpert(actor: Actor, e: z.output<typeof ExpertCreateRequest>, info: RequestInfo): ExpertInfo {
    return this.db.sqlite.transaction(() => {
      const x = this.experts.add(e, this.clock.now());
      this.audit.record({
        actorId: actor.userId,
        actorName: actor.username,
        ip: info.ip,
        action: "expert.create",
        target: `expert:${x.id}`,
      });
      return x;
    })();
  }

  /** Draws experts excluding conflicts; the draw (seed, drawn, excluded with reasons) goes to the audit log. */
  draw(actor: Actor, req: z.output<typeof ExpertDrawRequest>, info: RequestInfo): ExpertDrawResult {
    const partyOrgs = [...req.partyOrgs];
    if (req.caseId !== undefined) {
      const c = this.cases.find(req.caseId);
      if (!c) throw new AppError("NOT_FOUND", `没有案件 ${req.caseId} · no case ${req.caseId}`);
      if (c.org_name) partyOrgs.push(c.org_name);
    }
    const pool = this.experts.all();
    const candidates: ExpertCandidate[] = pool.map((e) => ({
      id: e.id,
      orgName: e.orgName,
      fields: e.fields,
      active: e.active,
      declaredConflicts: e.declaredConflicts,
    }));
    const seed = crypto.randomBytes(4).readUInt32BE(0);
    const r = drawExperts(candidates, { count: req.count, field: req.field, partyOrgs }, seed);
    const drawId = this.db.sqlite.transaction(() => {
      const id = insertDraw(this.db, {
        at: this.clock.now(),
        actor_id: actor.userId,
        case_id: req.caseId ?? null,
        seed,
        request_json: JSON.stringify({ ...req, partyOrgs }),
        drawn_json: JSON.stringify(r.drawn),
        excluded_json: JSON.stringify(r.excluded),
      });
      this.audit.record({
        actorId: actor.userId,
        actorName: actor.username,
        ip: info.ip,
        action: "expert.draw",
        target: req.caseId ? `case:${req.caseId}` : `draw:${id}`,
        details: {
          drawId: id,
          seed,
          drawn: r.drawn,
          excluded: r.excluded,
          eligible: r.eligible,
          field: req.field ?? null,
        },
      });
      return id;
    })();
    const byId = new Map(pool.map((e) => [e.id, e]));
    return {
      drawId,
      seed,
      drawn: r.drawn.map((id) => byId.get(id) as ExpertInfo),
      excluded: r.excluded,
      eligible: r.eligible,
    };
  }
}
