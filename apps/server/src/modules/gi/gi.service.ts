import { AppError } from "@zhichan/core";
import { inDistrictScope } from "@zhichan/core/accounts/roles.ts";
import type { RegistryFact } from "@zhichan/core/plan/index.ts";
import type { GiList, GiListQuery, GiMap, GiProduct, GiProductInput } from "@zhichan/shared";
import type { z } from "zod";
import type { Db } from "../../db/connection.js";
import type { RequestContext } from "../../http/auth-context.js";
import { type Clock, isoNow } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import { resolveCodes } from "./gi.facts.js";
import * as repo from "./gi.repository.js";

/**
 * The geographical-indication register: public reads (list, entry, counts for the map) and officials' entries and
 * changes (audited; an official of one district only within it). The plan counts GI products from here.
 */
export class GiService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    /** When an entry was created or changed (the plan dates an undated entry from its creation). */
    private readonly clock: Clock,
    /** The plan's city as a four-digit code (4101): its districts are the map's second level. */
    private readonly cityCode: () => string = () => "4101",
  ) {}

  list(q: z.output<typeof GiListQuery>): GiList {
    const { rows, total } = repo.listGi(this.db, q, q.limit, q.offset);
    return { items: rows.map(toProduct), total };
  }

  get(id: number): GiProduct {
    const r = repo.findGi(this.db, id);
    if (!r) throw new AppError("NOT_FOUND", `没有地理标志 ${id} · no GI entry ${id}`);
    return toProduct(r);
  }

  map(): GiMap {
    const city = this.cityCode();
    const rows = repo.allGi(this.db).filter((r) => r.stage !== "revoked");
    const count = (pick: (r: repo.GiRow) => string | null) => {
      const m = new Map<string, { registered: number; all: number }>();
      for (const r of rows) {
        const k = pick(r);
        if (!k) continue;
        const c = m.get(k) ?? { registered: 0, all: 0 };
        c.all++;
        if (r.stage === "registered") c.registered++;
        m.set(k, c);
      }
      return m;
    };
    const byCity = count((r) => r.city_code);
    const inCity = (r: repo.GiRow) => r.city_code === `${city}00`;
    const byDistrict = count((r) => (inCity(r) ? r.district_code : null));
    const names = repo.divisionNames(this.db, [
      ...[...byCity.keys()].map((c) => (c.endsWith("00") ? c.slice(0, 4) : c)),
      ...byDistrict.keys(),
    ]);
    const cityWide = rows.filter((r) => inCity(r) && !r.district_code);
    return {
      cityCode: `${city}00`,
      byCity: [...byCity].map(([code, c]) => ({
        code,
        name: names.get(code.endsWith("00") ? code.slice(0, 4) : code) ?? code,
        ...c,
      })),
      byDistrict: [...byDistrict].map(([code, c]) => ({ code, name: names.get(code) ?? code, ...c })),
      cityWide: {
        registered: cityWide.filter((r) => r.stage === "registered").length,
        all: cityWide.length,
      },
      total: rows.length,
    };
  }

  create(ctx: RequestContext, input: z.output<typeof GiProductInput>): GiProduct {
    const fields = this.withCodes(input);
    this.assertScope(ctx, fields.district_code);
    if (repo.findGiByName(this.db, input.name))
      throw new AppError("CONFLICT", `名录中已有 ${input.name} · ${input.name} is already in the register`);
    const now = isoNow(this.clock);
    const id = this.db.sqlite.transaction(() => {
      const newId = repo.insertGi(this.db, {
        ...fields,
        gi_type_raw: null,
        event: null,
        source: "official",
        created_at: now,
        updated_at: now,
        updated_by: ctx.actor?.username ?? null,
      });
      this.record(ctx, "registry.gi_created", newId, { name: input.name, kind: input.kind, stage: input.stage });
      return newId;
    })();
    return this.get(id);
  }

  update(ctx: RequestContext, id: number, input: z.output<typeof GiProductInput>) {
    const before = repo.findGi(this.db, id);
    if (!before) throw new AppError("NOT_FOUND", `没有地理标志 ${id} · no GI entry ${id}`);
    this.assertScope(ctx, before.district_code);
    const fields = this.withCodes(input);
    this.assertScope(ctx, fields.district_code);
    const other = repo.findGiByName(this.db, input.name);
    if (other && other.id !== id)
      throw new AppError("CONFLICT", `名录中已有 ${input.name} · ${input.name} is already in the register`);
    this.db.sqlite.transaction(() => {
      repo.updateGi(this.db, id, {
        ...fields,
        updated_at: isoNow(this.clock),
        updated_by: ctx.actor?.username ?? null,
      });
      const changed = Object.fromEntries(
        Object.entries(fields).filter(([k, v]) => before[k as keyof repo.GiRow] !== v),
      );
      this.record(ctx, "registry.gi_updated", id, { name: before.name, changed });
    })();
    return this.get(id);
  }

  /**
   * Register entries as plan facts: registered GI products of the plan's city, each from the day it was recognised
   * (else the end of the year its announcement names, else the day it was entered), so none counts back into
   * years before it existed.
   */
  planFacts(): RegistryFact[] {
    return repo.allGi(this.db).map((r) => ({
      subject: "gi_product",
      category: r.kind,
      qualifications: [],
      status: r.stage === "registered" ? "active" : r.stage === "revoked" ? "closed" : "candidate",
      since: r.recognised_on ?? (r.year ? `${r.year}-12-31` : r.created_at.slice(0, 10)),
      ended: r.stage === "revoked" ? r.updated_at.slice(0, 10) : null,
      districtCode: r.district_code ?? r.city_code,
      zone: null,
    }));
  }

  private withCodes(input: z.output<typeof GiProductInput>) {
    const resolved = resolveCodes(repo.divisionsForCodes(this.db), input.prefecture, input.area);
    return {
      name: input.name,
      kind: input.kind,
      stage: input.stage,
      prefecture: input.prefecture,
      city_code: input.cityCode ?? resolved.cityCode,
      area: input.area,
      district_code: input.districtCode ?? resolved.districtCode,
      announcement: input.announcement,
      year: input.year,
      recognised_on: input.recognisedOn,
      official_id: input.officialId,
      source_url: input.sourceUrl,
      notes: input.notes,
    };
  }

  /** An official of one district enters and changes only entries within it. */
  private assertScope(ctx: RequestContext, district: string | null) {
    if (!inDistrictScope(ctx.district, district))
      throw new AppError("FORBIDDEN", "只能登记或修改本辖区的地理标志 · only GI entries within your district");
  }

  private record(ctx: RequestContext, action: string, id: number, details: Record<string, unknown>) {
    this.audit.record({
      action,
      actorId: ctx.actor?.userId ?? null,
      actorName: ctx.actor?.username ?? null,
      target: `gi_product:${id}`,
      ip: ctx.ip,
      details,
    });
  }
}

export function toProduct(r: repo.GiRow): GiProduct {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    stage: r.stage,
    giTypeRaw: r.gi_type_raw,
    prefecture: r.prefecture,
    cityCode: r.city_code,
    area: r.area,
    districtCode: r.district_code,
    event: r.event,
    announcement: r.announcement,
    year: r.year,
    recognisedOn: r.recognised_on,
    officialId: r.official_id,
    sourceUrl: r.source_url,
    source: r.source,
    notes: r.notes,
    updatedAt: r.updated_at,
  };
}
