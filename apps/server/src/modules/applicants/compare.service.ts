import { AppError } from "@zhichan/core";
import { applicantPortfolio } from "@zhichan/core/analytics/compare.ts";
import type { CompareResponse, CountUnit } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { AnalyticsStore } from "../analytics/analytics-store.js";
import type { SearchService } from "../search/search.service.js";
import { divisionNames, findApplicant } from "./applicants.repository.js";

/**
 * Two to five applicant entities side by side (issue #16 item 5): each one's documents are the search engine's hits
 * of `APID=id` in the unit asked for (inventions or publications), their figures come from the analytics columns.
 */
export class ApplicantCompareService {
  constructor(
    private readonly db: Db,
    private readonly search: SearchService,
    private readonly store: AnalyticsStore,
  ) {}

  compare(ids: number[], unit: CountUnit): CompareResponse {
    // a merged (absorbed) id stands for the entity it went into, as on the profile page
    const rows = ids.map((id) => {
      const asked = findApplicant(this.db, id);
      const row = asked?.merged_into ? findApplicant(this.db, asked.merged_into) : asked;
      if (!row) throw new AppError("NOT_FOUND", `没有找到申请人 ${id} · no applicant with id ${id}`, { id });
      return row;
    });
    const distinct = new Set(rows.map((r) => r.id));
    if (distinct.size !== rows.length)
      throw new AppError("BAD_REQUEST", "同一申请人不能比较两次 · the same applicant is listed twice", {
        ids: rows.map((r) => r.id),
      });
    const snap = this.store.current();
    const name = (key: string) => snap.applicantName.get(key) ?? key;
    const portfolios = rows.map((r) => {
      const hits: number[] = [];
      for (const hit of this.search.hitIds(`APID=${r.id}`, unit)) {
        const row = snap.row(hit);
        if (row >= 0) hits.push(row);
      }
      return applicantPortfolio(snap.cols, Int32Array.from(hits), String(r.id));
    });
    const codes = [...new Set(portfolios.flatMap((p) => p.regions.map((x) => x.code)))];
    const names = divisionNames(this.db, [...codes, ...codes.map((c) => c.slice(0, 2))]);
    // a municipality's city-level division is called 市辖区: its province (北京市) says where
    const place = (c: string) =>
      names.get(c) === "市辖区" ? (names.get(c.slice(0, 2)) ?? null) : (names.get(c) ?? null);
    return {
      unit,
      applicants: rows.map((r, i) => {
        const query = `APID=${r.id}`;
        const p = portfolios[i];
        return {
          id: r.id,
          name: r.name,
          regionCode: r.region_code,
          query,
          ...p,
          regions: p.regions.map((x) => ({ ...x, name: place(x.code) })),
          coApplicants: p.coApplicants.map((c) => ({ id: Number(c.code), name: name(c.code), count: c.count })),
        };
      }),
    };
  }
}
