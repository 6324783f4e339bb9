import { AppError } from "@zhichan/core";
import type { PatentDetail } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { ReferenceService } from "../reference/reference.service.js";
import type { RegionDirectory } from "../reference/region-directory.js";
import { toPatentDetail } from "./patents.presenter.js";
import {
  findPatent,
  patentApplicants,
  patentIdsByPubNo,
  patentLegalEvents,
  patentStatusEvents,
} from "./patents.repository.js";

export class PatentsService {
  constructor(
    private readonly db: Db,
    private readonly regions: RegionDirectory,
    private readonly seiName: (code: string) => string | undefined,
    private readonly reference: ReferenceService,
  ) {}

  /** By row id, publication number or application number; NOT_FOUND names what was looked for. */
  get(key: string): PatentDetail {
    const row = findPatent(this.db, key);
    if (!row)
      throw new AppError(
        "NOT_FOUND",
        `没有找到专利 ${key} · no patent with id, publication or application number "${key}"`,
      );
    const codes = (row.ipc_all ?? row.ipc_main ?? "").split(";").filter(Boolean);
    // Subgroup titles are not in the in-memory table; fall back to the main group's title.
    const titles = this.reference.ipcTitles([...codes, ...codes.map((c) => c.replace(/\/\d+$/, "/00"))]);
    for (const c of codes)
      if (!titles.has(c)) {
        const group = titles.get(c.replace(/\/\d+$/, "/00"));
        if (group) titles.set(c, group);
      }
    return toPatentDetail(row, {
      applicants: patentApplicants(this.db, row.id),
      events: patentStatusEvents(this.db, row.id),
      legalEvents: patentLegalEvents(this.db, row.id),
      ipcTitles: titles,
      regionName: (c) => this.regions.name(c),
      seiName: this.seiName,
      idsByPubNo: patentIdsByPubNo(this.db, [
        ...(row.cited_refs ?? "").split(";").filter(Boolean),
        ...(row.family_members ?? "").split(";").filter(Boolean),
      ]),
    });
  }

  /** The row id behind any accepted key; NOT_FOUND when there is none. */
  resolveId(key: string): number {
    return this.get(key).id;
  }
}
