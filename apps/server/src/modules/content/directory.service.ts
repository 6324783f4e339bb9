import { AppError } from "@zhichan/core";
import {
  type DirectoryEntry,
  type DirectoryKind,
  type DirectoryPage,
  type ListingInput,
  type ListingRow,
  ORG_PUBLIC_FIELDS,
  PERSON_PUBLIC_FIELDS,
} from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { RequestContext } from "../../http/auth-context.js";
import type { Clock } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import { listingsOf, saveListing } from "./directory.repository.js";

/** A registry organisation or person as the directories read it (through the registry's service). */
export interface DirectoryRecord {
  id: number;
  name: string;
  category: string;
  status: string;
  districtCode: string | null;
  zone: string | null;
  address?: string | null;
  qualifications: string[];
  brand?: string;
  since?: string | null;
  orgName?: string | null;
}

export interface DirectorySource {
  /** Every organisation (people) the caller's scope shows; `ctx` null-actor = city-wide. */
  orgs(ctx: RequestContext): DirectoryRecord[];
  people(ctx: RequestContext, category: string): DirectoryRecord[];
  /** Throws NOT_FOUND/FORBIDDEN when the record is not in the caller's scope. */
  check(ctx: RequestContext, entity: "org" | "person", id: number): void;
}

const AGENCY_CATEGORIES = ["patent_agency", "trademark_agency", "law_firm", "other_service_agency"];
const isBrand = (r: DirectoryRecord) =>
  r.category === "brand_agency" ||
  (!!r.brand && r.brand !== "none") ||
  r.qualifications.some((q) => q.endsWith("_brand_agency"));

/** Which registry records belong to each public directory. */
const SELECT: Record<Exclude<DirectoryKind, "experts">, (r: DirectoryRecord) => boolean> = {
  agencies: (r) => AGENCY_CATEGORIES.includes(r.category),
  workstations: (r) => r.category === "workstation",
  "brand-agencies": isBrand,
};

const CITY: RequestContext = { actor: null, ip: null, district: null };

/**
 * The public directories: an entry appears only after an official lists it, and shows its name and category plus
 * only the fields the official ticked from an allow-list (ORG_PUBLIC_FIELDS, PERSON_PUBLIC_FIELDS in shared). The
 * public entry is built field by field from that list, so nothing else of a record (certificate numbers, notes,
 * phones, e-mails) can reach it, whatever the registry holds.
 */
export class DirectoryService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly source: DirectorySource,
    private readonly regionName: (code: string) => string | undefined,
  ) {}

  publicList(kind: DirectoryKind): DirectoryPage {
    const entity = kind === "experts" ? "person" : "org";
    const listings = listingsOf(this.db, entity);
    const items: DirectoryEntry[] = [];
    for (const r of this.records(CITY, kind)) {
      const l = listings.get(r.id);
      if (l === undefined || l.published !== 1 || r.status !== "active") continue;
      items.push(this.entry(r, new Set(JSON.parse(l.fields_json) as string[]), entity));
    }
    const byDistrict = new Map<string, number>();
    for (const e of items) if (e.district) byDistrict.set(e.district, (byDistrict.get(e.district) ?? 0) + 1);
    const districts = [...byDistrict].map(([code, count]) => ({ code, name: this.regionName(code) ?? code, count }));
    return { items, districts };
  }

  manageList(ctx: RequestContext, kind: DirectoryKind): ListingRow[] {
    const entity = kind === "experts" ? "person" : "org";
    const listings = listingsOf(this.db, entity);
    return this.records(ctx, kind).map((r) => {
      const l = listings.get(r.id);
      return {
        entity,
        id: r.id,
        name: r.name,
        category: r.category,
        status: r.status,
        published: l?.published === 1,
        fields: l ? (JSON.parse(l.fields_json) as string[]) : [],
        allowedFields: [...(entity === "org" ? ORG_PUBLIC_FIELDS : PERSON_PUBLIC_FIELDS)],
      };
    });
  }

  setListing(ctx: RequestContext, entity: "org" | "person", id: number, input: ListingInput): void {
    const allowed: readonly string[] = entity === "org" ? ORG_PUBLIC_FIELDS : PERSON_PUBLIC_FIELDS;
    const wrong = input.fields.filter((f) => !allowed.includes(f));
    if (wrong.length)
      throw new AppError(
        "BAD_REQUEST",
        `不能公开的字段：${wrong.join("、")} · fields that cannot be published: ${wrong.join(", ")}`,
      );
    this.source.check(ctx, entity, id);
    const fields = [...new Set(input.fields)];
    this.db.sqlite.transaction(() => {
      saveListing(this.db, {
        entity,
        entity_id: id,
        published: input.published ? 1 : 0,
        fields_json: JSON.stringify(fields),
        by: ctx.actor?.userId ?? 0,
        at: this.clock.now(),
      });
      this.audit.record({
        actorId: ctx.actor?.userId ?? null,
        actorName: ctx.actor?.username ?? null,
        ip: ctx.ip,
        action: input.published ? "directory.publish" : "directory.withdraw",
        target: `${entity}:${id}`,
        details: { fields },
      });
    })();
  }

  private records(ctx: RequestContext, kind: DirectoryKind): DirectoryRecord[] {
    if (kind === "experts") return this.source.people(ctx, "expert");
    return this.source.orgs(ctx).filter(SELECT[kind]);
  }

  private entry(r: DirectoryRecord, fields: Set<string>, entity: "org" | "person"): DirectoryEntry {
    const allowed: readonly string[] = entity === "org" ? ORG_PUBLIC_FIELDS : PERSON_PUBLIC_FIELDS;
    const on = (f: string) => allowed.includes(f) && fields.has(f);
    const e: DirectoryEntry = { id: r.id, name: r.name, category: r.category };
    if (on("district") && r.districtCode) {
      e.district = r.districtCode;
      e.districtName = this.regionName(r.districtCode) ?? r.districtCode;
    }
    if (on("zone") && r.zone) e.zone = r.zone;
    if (on("address") && r.address) e.address = r.address;
    if (on("qualifications") && r.qualifications.length) e.qualifications = r.qualifications;
    if (on("brand") && r.brand && r.brand !== "none") e.brand = r.brand;
    if (on("since") && r.since) e.since = r.since;
    if (on("orgName") && r.orgName) e.orgName = r.orgName;
    return e;
  }
}
