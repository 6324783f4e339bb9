import { AppError } from "@zhichan/core";
import { type ValuationPurpose, valueDeclaredAsset, valuePatent } from "@zhichan/core/cases/index.ts";
import {
  type AssetValuationQuery,
  type AssetValuationReport,
  type MarketplaceItem,
  type MarketplaceQuery,
  normaliseAssetNumber,
  type PatentDetail,
  type PledgeTotal,
  type ValuationReport,
} from "@zhichan/shared";
import type { z } from "zod";
import type { Db } from "../../db/connection.js";
import type { Clock } from "../accounts/clock.js";
import type { CaseHooksByType } from "../cases/case-hooks.js";
import type { CaseRecordsService, CaseRow } from "../cases/case-records.service.js";
import { parseJsonObject } from "../cases/cases.presenter.js";
import { insertPledgeRegistration, pledgeRegistrationNos, pledgeTotals, releasePledge } from "./pledges.repository.js";

/** How operations reaches the patent record: through the patents service, by id, publication or application no. */
export type PatentLookup = (key: string) => PatentDetail | null;

/**
 * Operations: transfer/licence/auction listings and their public marketplace, pledge financing (whose registered
 * amounts feed the plan's 1.2 billion yuan target), and patent valuation after GB/T 42748-2023.
 */
export class OperationsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly patent: PatentLookup,
    private readonly cases: CaseRecordsService,
  ) {}

  /**
   * Registered pledge financing in yuan, for a year (CST registration date) and a district (prefix match on the
   * six-digit code of the applying enterprise). Read by the plan dashboard.
   */
  registeredPledgeAmountYuan(f: { year?: number; district?: string } = {}): number {
    return pledgeTotals(this.db, f).reduce((s, r) => s + r.amountYuan, 0);
  }

  /** Registration numbers of the pledge cases, so a pledge also entered in the plan's register counts once. */
  pledgeRegistrationNos(): Set<string> {
    return pledgeRegistrationNos(this.db);
  }

  pledgeTotal(f: { year?: number; district?: string }): PledgeTotal {
    const byYear = pledgeTotals(this.db, f);
    return {
      amountYuan: byYear.reduce((s, r) => s + r.amountYuan, 0),
      count: byYear.reduce((s, r) => s + r.count, 0),
      byYear,
    };
  }

  hooks(): CaseHooksByType {
    return {
      ip_listing: {
        onCreate: ({ form }) => {
          if (form.assetType !== "patent") return {};
          const p = this.patent(String(form.assetNumber));
          return { patentId: p?.id ?? null, checks: { patentFound: !!p, patentStatus: p?.status ?? null } };
        },
      },
      listing_enquiry: {
        onCreate: ({ cases, form, org, actor }) => {
          const listing = cases.find(Number(form.listingId));
          if (listing?.type !== "ip_listing" || listing.state !== "published")
            throw new AppError("BAD_REQUEST", "没有这个已发布的挂牌 · no such published listing", {
              listingId: form.listingId,
            });
          if (listing.applicant_user_id === actor.userId || (org && org.id === listing.org_id))
            throw new AppError("BAD_REQUEST", "不能对自己的挂牌询价 · you cannot enquire about your own listing");
          return {
            counterparty: { userId: listing.applicant_user_id, orgId: listing.org_id },
            checks: { listing: { id: listing.id, ref: listing.ref, title: listing.title, owner: listing.org_name } },
          };
        },
      },
      pledge_financing: {
        onCreate: ({ form }) => {
          // patents are looked up in the platform's records; other rights have no register here to check against
          if ((form.assetType ?? "patent") !== "patent") return {};
          const found = pledgedNumbers(form).map((n) => ({ pubNo: n, patent: this.patent(n) }));
          return {
            checks: {
              patents: found.map((f) => ({ pubNo: f.pubNo, found: !!f.patent, status: f.patent?.status ?? null })),
            },
          };
        },
        // runs inside the transition's transaction: this.db is the same connection
        onTransition: ({ row, transition, input, now }) => {
          if (transition === "release") return releasePledge(this.db, row.id, now);
          if (transition !== "register" || !input) return;
          const form = parseJsonObject(row.form_json) ?? {};
          const on = String(input.registeredOn);
          insertPledgeRegistration(this.db, {
            case_id: row.id,
            registration_no: String(input.registrationNo),
            registered_on: on,
            year: Number(on.slice(0, 4)),
            amount_yuan: Number(input.amountYuan),
            district_code: row.district_code,
            pledgor: String(form.pledgor ?? ""),
            bank: String(form.bank ?? ""),
            term_months: Number(form.termMonths ?? 0),
            asset_type: String(form.assetType ?? "patent"),
            patents_json: JSON.stringify(pledgedNumbers(form)),
          });
        },
      },
    };
  }

  marketplace(q: z.output<typeof MarketplaceQuery>): { items: MarketplaceItem[]; total: number } {
    const rows = this.cases.published("ip_listing", q.q).filter((r) => {
      const f = parseJsonObject(r.form_json) ?? {};
      return (!q.listingKind || f.listingKind === q.listingKind) && (!q.assetType || f.assetType === q.assetType);
    });
    return { items: rows.slice(q.offset, q.offset + q.limit).map((r) => this.item(r)), total: rows.length };
  }

  listing(id: number): MarketplaceItem {
    const [row] = this.cases.published("ip_listing").filter((r) => r.id === id);
    if (!row) throw new AppError("NOT_FOUND", `没有已发布的挂牌 ${id} · no published listing ${id}`);
    return this.item(row);
  }

  valuation(key: string, purpose: ValuationPurpose, declared: Record<string, number | undefined>): ValuationReport {
    const p = this.patent(key);
    if (!p) throw new AppError("NOT_FOUND", `没有找到专利 ${key} · no patent ${key}`);
    const v = valuePatent(
      {
        type: p.type,
        status: p.status,
        appDate: p.applicationDate,
        claimsCount: p.claimsCount,
        citedByCount: p.citedByCount,
        ipcAll: p.ipc.map((i) => i.code),
        seiCodes: p.sei.map((s) => s.code),
      },
      purpose,
      this.clock.now(),
      declared,
    );
    return { patent: { id: p.id, pubNo: p.publicationNumber, title: p.title }, ...v };
  }

  /** A right the platform holds no records of: the owner's declared facts and judgements, weighed as for patents. */
  assetValuation(q: z.output<typeof AssetValuationQuery>): AssetValuationReport {
    const { type, number, niceClass, status, since, purpose, ...declared } = q;
    const v = valueDeclaredAsset({ type, status, since: since ?? null }, purpose, this.clock.now(), declared);
    return { asset: { type, number: normaliseAssetNumber(type, number), niceClass: niceClass ?? null }, ...v };
  }

  private item(r: CaseRow): MarketplaceItem {
    const f = parseJsonObject(r.form_json) ?? {};
    const p = r.patent_id ? this.patent(String(r.patent_id)) : null;
    return {
      id: r.id,
      ref: r.ref,
      title: r.title,
      listingKind: String(f.listingKind),
      assetType: String(f.assetType),
      assetNumber: String(f.assetNumber),
      niceClass: typeof f.niceClass === "number" ? f.niceClass : null,
      assetTitle: String(f.assetTitle),
      priceYuan: typeof f.priceYuan === "number" ? f.priceYuan : null,
      negotiable: f.negotiable !== false,
      description: typeof f.description === "string" ? f.description : null,
      orgName: r.org_name,
      patent: p ? { id: p.id, pubNo: p.publicationNumber, title: p.title, status: p.status } : null,
      publishedAt: r.state_entered_at,
    };
  }
}

/** The numbers a pledge form lists (forms from before migration 027 named them `patents`). */
function pledgedNumbers(form: Record<string, unknown>): string[] {
  const list = form.assetNumbers ?? form.patents ?? [];
  return Array.isArray(list) ? list.map(String) : [];
}
