import { AppError } from "@zhichan/core";
import type { RegistryFact } from "@zhichan/core/plan/index.ts";
import { agencyInCity, type CityProfile } from "@zhichan/core/supervision/index.ts";
import {
  type BRAND_LEVELS,
  DERIVED_SOURCE,
  type ImportResult,
  type Org,
  type OrgInput,
  type Person,
  type PersonInput,
  type RegistryKind,
  type RegistryQuery,
} from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { RequestContext } from "../../http/auth-context.js";
import { type Clock, isoNow, isoToday } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import { rowsWorkbook, templateWorkbook } from "./registry.excel.js";
import { parseRegistrySheet } from "./registry.import.js";
import { assertCityWide, assertVisible, assertWritable, canSee, canWrite, scopeFilter } from "./registry.policy.js";
import {
  diff,
  orgWrite,
  parseDates,
  parseList,
  personWrite,
  qualificationDates,
  toOrg,
  toPerson,
} from "./registry.presenter.js";
import * as repo from "./registry.repository.js";

/** A register entry as other modules see it (surveys list the organisations a survey expects). */
export type { OrgRecord } from "./registry.repository.js";

const actorName = (ctx: RequestContext) => ctx.actor?.username ?? null;

type BrandLevel = (typeof BRAND_LEVELS)[number];
/** The registry qualification each brand level stands for. */
const BRAND_QUALIFICATION: Record<BrandLevel, string> = {
  municipal: "municipal_brand_agency",
  provincial: "provincial_brand_agency",
  national: "national_brand_agency",
};

/** Registry of organisations and people: district-scoped reads and writes, history, Excel in and out. */
export class RegistryService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    /** Dates every record's creation, change and history, and a new record's qualifications. */
    private readonly clock: Clock,
    /** The city whose agencies are offered as candidates (division code; Zhengzhou by default). */
    private readonly city: { code: string; agencyCodePrefixes?: string[] } = { code: "4101" },
  ) {}

  listOrgs(ctx: RequestContext, q: RegistryQuery): { total: number; items: Org[] } {
    const { total, rows } = repo.listOrgs(this.db, this.filter(ctx, q), q.pageSize, (q.page - 1) * q.pageSize);
    const filings = repo.patentFilingsByAgency(
      this.db,
      rows.map((r) => r.name),
    );
    return { total, items: rows.map((r) => toOrg(r, filings.get(r.name) ?? null)) };
  }

  listPeople(ctx: RequestContext, q: RegistryQuery): { total: number; items: Person[] } {
    const { total, rows } = repo.listPeople(this.db, this.filter(ctx, q), q.pageSize, (q.page - 1) * q.pageSize);
    return { total, items: rows.map(toPerson) };
  }

  getOrg(ctx: RequestContext, id: number) {
    const r = assertVisible(ctx, repo.findOrg(this.db, id), `org:${id}`);
    const filings = repo.patentFilingsByAgency(this.db, [r.name]).get(r.name) ?? null;
    return {
      org: toOrg(r, filings),
      history: this.history("org", id),
      people: repo.peopleOfOrg(this.db, id).map(toPerson),
    };
  }

  /** The raw record for other modules' services (supervision, surveys), after the same scope check. */
  orgRecord(ctx: RequestContext, id: number): repo.OrgRecord {
    return assertVisible(ctx, repo.findOrg(this.db, id), `org:${id}`);
  }

  listOrgRecords(ctx: RequestContext, filter: { categories?: string[]; status?: string }): repo.OrgRecord[] {
    const out: repo.OrgRecord[] = [];
    for (const category of filter.categories ?? [undefined]) {
      const { rows } = repo.listOrgs(
        this.db,
        { category, status: filter.status, scope: scopeFilter(ctx) },
        repo.ALL_ROWS,
        0,
      );
      out.push(...rows);
    }
    return out;
  }

  /** For aggregates the caller filters by scope itself. */
  orgRecordUnscoped(id: number): repo.OrgRecord | undefined {
    return repo.findOrg(this.db, id);
  }

  /** An agency user's own registry record, matched by the credit code of the account's organisation. */
  orgByCreditCode(code: string): repo.OrgRecord | undefined {
    return repo.findOrgByCreditCode(this.db, code);
  }

  /** The registry record named like a patent-data agency (any category of service agency). */
  orgByAgencyName(name: string): repo.OrgRecord | undefined {
    return repo.findOrgByName(this.db, name, "patent_agency");
  }

  /** The district of the organisation of exactly this name, when the registry has one (and only one) district for it. */
  orgDistrictByName(name: string): string | null {
    const districts = new Set(repo.findOrgsByExactName(this.db, name).map((o) => o.district_code));
    return districts.size === 1 ? ([...districts][0] ?? null) : null;
  }

  isVisible(ctx: RequestContext, r: repo.OrgRecord): boolean {
    return canSee(ctx, r);
  }

  /**
   * Sets an organisation's brand level after an approved application (called inside the caller's transaction); the
   * brand qualification counts from `on`, the day of the decision.
   */
  setBrand(ctx: RequestContext, id: number, level: BrandLevel, reason: string, on = isoToday(this.clock)): void {
    const before = this.orgRecord(ctx, id);
    const quals = [...new Set([...parseList(before.qualifications), BRAND_QUALIFICATION[level]])];
    const dates = qualificationDates(quals, { [BRAND_QUALIFICATION[level]]: on }, before.qualification_dates, on);
    const row: repo.OrgWrite = {
      ...before,
      brand: level,
      qualifications: JSON.stringify(quals),
      qualification_dates: dates,
    };
    const t = isoNow(this.clock);
    repo.updateOrg(this.db, id, row, t);
    this.addHistory("org", id, t, actorName(ctx), "brand_granted", { ...diff(before, row), reason });
  }

  /** Whether the organisation holds a brand-agency qualification on `date` (the talent reward's check). */
  holdsBrandQualification(id: number, date: string): { held: boolean; level: string | null; since: string | null } {
    const r = repo.findOrg(this.db, id);
    if (r?.status !== "active") return { held: false, level: null, since: null };
    const dates = parseDates(r.qualification_dates);
    const quals = parseList(r.qualifications);
    for (const level of ["national", "provincial", "municipal"] as const) {
      const q = BRAND_QUALIFICATION[level];
      const since = dates[q] ?? r.created_at.slice(0, 10);
      if (quals.includes(q) && since <= date) return { held: true, level, since };
    }
    return { held: false, level: null, since: null };
  }

  /**
   * A person whose talent reward was approved (called inside the case transition's transaction): the person of that
   * name, category and organisation gets the reward's qualification dated `since` (a date it already had is kept);
   * without one, a new active record is made. The history names the case.
   */
  recordRewardedPerson(p: {
    name: string;
    category: string;
    qualification: string | null;
    orgId: number | null;
    districtCode: string | null;
    since: string;
    caseRef: string;
  }): { personId: number; created: boolean } {
    const t = isoNow(this.clock);
    const existing = repo.findPersonByNameAndOrg(this.db, p.name, p.category, p.orgId);
    const quals = [
      ...new Set([...parseList(existing?.qualifications ?? "[]"), ...(p.qualification ? [p.qualification] : [])]),
    ];
    const dates = qualificationDates(quals, {}, existing?.qualification_dates, p.since);
    if (existing) {
      const { org_name: _o, ...plain } = existing;
      const row: repo.PersonWrite = { ...plain, qualifications: JSON.stringify(quals), qualification_dates: dates };
      repo.updatePerson(this.db, existing.id, row, t);
      this.addHistory("person", existing.id, t, p.caseRef, "reward_recorded", { ...diff(plain, row), case: p.caseRef });
      return { personId: existing.id, created: false };
    }
    const row: repo.PersonWrite = {
      name: p.name,
      category: p.category,
      org_id: p.orgId,
      certificate_no: null,
      district_code: p.districtCode,
      zone: null,
      qualifications: JSON.stringify(quals),
      qualification_dates: dates,
      status: "active",
      since: p.since,
      ended: null,
      source: "manual",
      notes: `人才奖励 ${p.caseRef} 准予后登记 · recorded on the approval of talent reward ${p.caseRef}`,
    };
    const id = repo.insertPerson(this.db, row, t);
    this.addHistory("person", id, t, p.caseRef, "reward_recorded", { ...diff({}, row), case: p.caseRef });
    return { personId: id, created: true };
  }

  getPerson(ctx: RequestContext, id: number) {
    const r = assertVisible(ctx, repo.findPerson(this.db, id), `person:${id}`);
    return { person: toPerson(r), history: this.history("person", id) };
  }

  createOrg(ctx: RequestContext, input: OrgInput): Org {
    assertWritable(ctx, input);
    this.checkDates(input);
    if (input.creditCode && repo.findOrgByCreditCode(this.db, input.creditCode))
      throw new AppError("CONFLICT", `统一社会信用代码已登记 · credit code ${input.creditCode} is already registered`);
    const row = orgWrite(input, "manual", isoToday(this.clock));
    const id = this.db.sqlite.transaction(() => {
      const t = isoNow(this.clock);
      const newId = repo.insertOrg(this.db, row, t);
      this.addHistory("org", newId, t, actorName(ctx), "created", diff({}, row));
      this.record(ctx, "registry.org_created", `org:${newId}`);
      return newId;
    })();
    return toOrg(repo.findOrg(this.db, id)!);
  }

  updateOrg(ctx: RequestContext, id: number, input: OrgInput): Org {
    const before = assertVisible(ctx, repo.findOrg(this.db, id), `org:${id}`);
    assertWritable(ctx, input);
    this.checkDates(input);
    if (input.creditCode) {
      const other = repo.findOrgByCreditCode(this.db, input.creditCode);
      if (other && other.id !== id)
        throw new AppError("CONFLICT", `统一社会信用代码已属于另一机构 · credit code belongs to org ${other.id}`);
    }
    // Confirming a derived candidate keeps its provenance visible in the history, and makes it a manual record.
    const row = orgWrite(
      input,
      before.source === DERIVED_SOURCE && input.status !== "candidate" ? "manual" : before.source,
      isoToday(this.clock),
      before.qualification_dates,
    );
    this.db.sqlite.transaction(() => {
      const t = isoNow(this.clock);
      repo.updateOrg(this.db, id, row, t);
      const action = before.status === "candidate" && input.status !== "candidate" ? "confirmed" : "updated";
      this.addHistory("org", id, t, actorName(ctx), action, diff(before, row));
      this.record(ctx, `registry.org_${action}`, `org:${id}`);
    })();
    return toOrg(repo.findOrg(this.db, id)!);
  }

  createPerson(ctx: RequestContext, input: PersonInput): Person {
    assertWritable(ctx, input);
    this.checkDates(input);
    if (input.orgId !== null) this.orgRecord(ctx, input.orgId);
    const row = personWrite(input, "manual", isoToday(this.clock));
    const id = this.db.sqlite.transaction(() => {
      const t = isoNow(this.clock);
      const newId = repo.insertPerson(this.db, row, t);
      this.addHistory("person", newId, t, actorName(ctx), "created", diff({}, row));
      this.record(ctx, "registry.person_created", `person:${newId}`);
      return newId;
    })();
    return toPerson(repo.findPerson(this.db, id)!);
  }

  updatePerson(ctx: RequestContext, id: number, input: PersonInput): Person {
    const before = assertVisible(ctx, repo.findPerson(this.db, id), `person:${id}`);
    assertWritable(ctx, input);
    this.checkDates(input);
    if (input.orgId !== null) this.orgRecord(ctx, input.orgId);
    const row = personWrite(input, before.source, isoToday(this.clock), before.qualification_dates);
    this.db.sqlite.transaction(() => {
      const t = isoNow(this.clock);
      repo.updatePerson(this.db, id, row, t);
      const { org_name: _o, ...plain } = before;
      this.addHistory("person", id, t, actorName(ctx), "updated", diff(plain, row));
      this.record(ctx, "registry.person_updated", `person:${id}`);
    })();
    return toPerson(repo.findPerson(this.db, id)!);
  }

  template(kind: RegistryKind): Promise<Buffer> {
    return templateWorkbook(kind);
  }

  async exportWorkbook(ctx: RequestContext, kind: RegistryKind, q: RegistryQuery): Promise<Buffer> {
    const f = this.filter(ctx, q);
    if (kind === "orgs") {
      const rows = repo.listOrgs(this.db, f, repo.ALL_ROWS, 0).rows.map((r) => toOrg(r));
      return rowsWorkbook(
        kind,
        rows.map((o) => ({ ...o, qualifications: o.qualifications.join("；"), source: o.source })),
        [
          { header: "来源", field: "source", hint: "" },
          { header: "登记编号", field: "id", hint: "" },
        ],
      );
    }
    const rows = repo.listPeople(this.db, f, repo.ALL_ROWS, 0).rows.map(toPerson);
    return rowsWorkbook(
      kind,
      rows.map((p) => ({ ...p, qualifications: p.qualifications.join("；") })),
      [
        { header: "所属机构", field: "orgName", hint: "" },
        { header: "来源", field: "source", hint: "" },
      ],
    );
  }

  /**
   * Imports a workbook: every row is checked first; if any row is wrong nothing is written and every error is
   * returned with its Excel row number and column. Rows with a known credit code / certificate number update.
   */
  async importWorkbook(ctx: RequestContext, kind: RegistryKind, bytes: Uint8Array): Promise<ImportResult> {
    const parsed = await parseRegistrySheet(kind, bytes, {
      orgIdByCreditCode: (code) => {
        const o = repo.findOrgByCreditCode(this.db, code);
        return o && canSee(ctx, o) ? o.id : null;
      },
      inScope: (r) => canWrite(ctx, r),
    });
    if (parsed.errors.length > 0) return { inserted: 0, updated: 0, errors: parsed.errors, rejected: true };
    let inserted = 0;
    let updated = 0;
    this.db.sqlite.transaction(() => {
      const t = isoNow(this.clock);
      for (const item of parsed.rows) {
        let outcome: "inserted" | "updated";
        if (item.kind === "org") {
          const existing = item.input.creditCode ? repo.findOrgByCreditCode(this.db, item.input.creditCode) : undefined;
          outcome = this.upsertImported(ctx, item.row, t, {
            entity: "org",
            label: "机构",
            existing,
            row: orgWrite(item.input, "import", t.slice(0, 10), existing?.qualification_dates),
            update: repo.updateOrg,
            insert: repo.insertOrg,
          });
        } else {
          const existing = item.input.certificateNo
            ? repo.findPersonByCertificate(this.db, item.input.certificateNo)
            : undefined;
          outcome = this.upsertImported(ctx, item.row, t, {
            entity: "person",
            label: "人员",
            existing,
            row: personWrite(item.input, "import", t.slice(0, 10), existing?.qualification_dates),
            update: repo.updatePerson,
            insert: repo.insertPerson,
          });
        }
        if (outcome === "inserted") inserted++;
        else updated++;
      }
      this.record(ctx, "registry.imported", kind, { inserted, updated });
    })();
    return { inserted, updated, errors: [], rejected: false };
  }

  /** One imported row: update the record the natural key finds (if in scope) or insert it; history either way. */
  private upsertImported<R extends object>(
    ctx: RequestContext,
    rowNo: number,
    t: string,
    op: {
      entity: "org" | "person";
      label: string;
      existing: (Parameters<typeof canSee>[1] & { id: number }) | undefined;
      row: R;
      update: (db: Db, id: number, row: R, now: string) => unknown;
      insert: (db: Db, row: R, now: string) => number;
    },
  ): "inserted" | "updated" {
    const { existing, row } = op;
    if (existing && !canSee(ctx, existing)) throw new AppError("FORBIDDEN", `第 ${rowNo} 行：该${op.label}不在本辖区`);
    const id = existing ? existing.id : op.insert(this.db, row, t);
    if (existing) op.update(this.db, id, row, t);
    this.addHistory(op.entity, id, t, actorName(ctx), "imported", diff(existing ?? {}, row));
    return existing ? "updated" : "inserted";
  }

  /**
   * Offers the agencies named in the patent data as candidates (city-wide officials only): category patent agency,
   * district unknown, status candidate, source "derived from patent data". Only the city's own agencies are offered
   * (agency code, address or name place them there: core/supervision/agency-city.ts); they count toward no target
   * until an official confirms them.
   */
  deriveCandidates(ctx: RequestContext): { added: number; alreadyKnown: number; outsideCity: number } {
    assertCityWide(ctx, "从专利数据生成候选机构 derive candidates");
    const profile = this.cityProfile();
    let added = 0;
    let alreadyKnown = 0;
    let outsideCity = 0;
    this.db.sqlite.transaction(() => {
      const t = isoNow(this.clock);
      for (const a of repo.patentAgencies(this.db)) {
        if (repo.findOrgByName(this.db, a.agency, "patent_agency")) {
          alreadyKnown++;
          continue;
        }
        const basis = agencyInCity({ name: a.agency, code: a.code, address: a.address }, profile);
        if (!basis) {
          outsideCity++;
          continue;
        }
        const row: repo.OrgWrite = {
          name: a.agency,
          category: "patent_agency",
          credit_code: null,
          district_code: null,
          zone: null,
          address: a.address,
          qualifications: "[]",
          qualification_dates: "{}",
          status: "candidate",
          since: null,
          ended: null,
          brand: "none",
          source: DERIVED_SOURCE,
          notes: `专利数据中作为代理机构出现 ${a.n} 次 · named as agency on ${a.n} patents`,
        };
        const id = repo.insertOrg(this.db, row, t);
        this.addHistory("org", id, t, actorName(ctx), "derived", {
          source: DERIVED_SOURCE,
          filings: a.n,
          inCityBy: basis,
          agencyCode: a.code,
        });
        added++;
      }
      this.record(ctx, "registry.candidates_derived", null, { added, outsideCity });
    })();
    return { added, alreadyKnown, outsideCity };
  }

  private cityProfile(): CityProfile {
    const names = repo.cityNames(this.db, this.city.code);
    if (!names.city)
      throw new AppError(
        "CONFLICT",
        `区划表中没有城市 ${this.city.code} · city ${this.city.code} is not in the divisions`,
      );
    return {
      name: names.city,
      provinceCode: this.city.code.slice(0, 2),
      divisionNames: names.divisions,
      agencyCodePrefixes: this.city.agencyCodePrefixes,
    };
  }

  /** Every registry record as a fact for the plan's figures (all districts: the caller filters by area). */
  facts(): RegistryFact[] {
    return repo.registryFacts(this.db).map((r) => ({
      subject: r.subject,
      category: r.category,
      qualifications: parseList(r.qualifications),
      // a qualification recorded before its dates were (migration 020) counts from the day the record was entered
      qualificationSince: Object.fromEntries(
        parseList(r.qualifications).map((q) => [q, parseDates(r.qualification_dates)[q] ?? r.entered]),
      ),
      status: r.status,
      since: r.since,
      ended: r.ended,
      districtCode: r.district_code,
      zone: r.zone,
    }));
  }

  counts() {
    return repo.registryCounts(this.db);
  }

  private filter(ctx: RequestContext, q: Partial<RegistryQuery>): repo.ListFilter {
    return {
      q: q.q,
      category: q.category,
      status: q.status,
      district: q.district,
      zone: q.zone,
      source: q.source,
      scope: scopeFilter(ctx),
    };
  }

  /** One line of a record's history: who changed what, when (shown on the record's page). */
  private addHistory(
    entity: "org" | "person",
    entityId: number,
    at: string,
    actor: string | null,
    action: string,
    changes: object,
  ): void {
    repo.addHistory(this.db, { entity, entityId, at, actor, action, changes });
  }

  private history(entity: "org" | "person", id: number) {
    return repo
      .historyOf(this.db, entity, id)
      .map((h) => ({ at: h.at, actor: h.actor, action: h.action, changes: JSON.parse(h.changes_json) }));
  }

  private checkDates(i: { since: string | null; ended: string | null; status: string }): void {
    if (i.since && i.ended && i.ended < i.since)
      throw new AppError("BAD_REQUEST", "终止日期早于生效日期 · end date before start date");
  }

  private record(ctx: RequestContext, action: string, target: string | null, details?: Record<string, unknown>): void {
    this.audit.record({
      action,
      actorId: ctx.actor?.userId ?? null,
      actorName: actorName(ctx),
      target,
      ip: ctx.ip,
      details: details ?? null,
    });
  }
}
