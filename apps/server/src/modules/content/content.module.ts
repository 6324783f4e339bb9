import os from "node:os";
import path from "node:path";
import type { RegistryQuery } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { Clock } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import { AttachmentStore } from "../cases/attachment-store.js";
import type { RegistryService } from "../registry/registry.service.js";
import { ContentService } from "./content.service.js";
import { ContentFiles } from "./content-files.js";
import { type DirectoryRecord, DirectoryService } from "./directory.service.js";
import { GuidesService } from "./guides.service.js";

export interface ContentServices {
  items: ContentService;
  guides: GuidesService;
  directory: DirectoryService;
}

const list = (json: string): string[] => {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

/**
 * Content (notices, policies, news), 办事指南 and the public directories. Files live in `content-files/` beside the
 * database (ZHICHAN_HOME), apart from the case attachments, so each has its own life cycle.
 */
export function createContentServices(
  db: Db,
  deps: {
    clock: Clock;
    audit: AuditService;
    registry: RegistryService;
    caseTypes: () => readonly string[];
    regionName: (code: string) => string | undefined;
    filesDir?: string;
  },
): ContentServices {
  const file = db.sqlite.name;
  const dir =
    deps.filesDir ??
    (file && file !== ":memory:"
      ? path.join(path.dirname(file), "content-files")
      : path.join(os.tmpdir(), "zhichan-content-files"));
  const files = new ContentFiles(db, deps.clock, new AttachmentStore(path.resolve(dir)));
  const { registry } = deps;
  const directory = new DirectoryService(
    db,
    deps.clock,
    deps.audit,
    {
      orgs: (ctx) =>
        registry.listOrgRecords(ctx, {}).map(
          (o): DirectoryRecord => ({
            id: o.id,
            name: o.name,
            category: o.category,
            status: o.status,
            districtCode: o.district_code,
            zone: o.zone,
            address: o.address,
            qualifications: list(o.qualifications),
            brand: o.brand,
            since: o.since,
          }),
        ),
      people: (ctx, category) =>
        registry.listPeople(ctx, { category, page: 1, pageSize: 1_000_000 } as RegistryQuery).items.map((p) => ({
          id: p.id,
          name: p.name,
          category: p.category,
          status: p.status,
          districtCode: p.districtCode,
          zone: p.zone,
          qualifications: p.qualifications,
          orgName: p.orgName,
        })),
      check: (ctx, entity, id) => {
        if (entity === "org") registry.orgRecord(ctx, id);
        else registry.getPerson(ctx, id);
      },
    },
    deps.regionName,
  );
  return {
    items: new ContentService(db, deps.clock, deps.audit, files),
    guides: new GuidesService(db, deps.clock, deps.audit, files, deps.caseTypes),
    directory,
  };
}
