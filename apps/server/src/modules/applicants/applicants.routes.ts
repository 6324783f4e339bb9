import {
  ApplicantProfile,
  CountUnit,
  EntityActionResult,
  ErrorBody,
  KeepApartBody,
  MergeApplicantBody,
  RenameApplicantBody,
  SplitApplicantBody,
} from "@zhichan/shared";
import { z } from "zod";
import { contextOf } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { ApplicantsService } from "./applicants.service.js";
import type { EntityAdminService } from "./entity-admin.service.js";

const tags = ["applicants"];
const Id = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const curate = { access: { permission: "data:import" as const } };

export function applicantRoutes(app: ZodApp, svc: ApplicantsService, admin: EntityAdminService): void {
  app.get(
    "/api/applicants/:id",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "申请人画像 Applicant portfolio statistics (a merged id answers the surviving entity)",
        params: Id,
        querystring: z.object({ unit: CountUnit.default("invention") }),
        response: { 200: ApplicantProfile, 404: ErrorBody, 400: ErrorBody },
      },
    },
    async (req) =>
      svc.profile(req.params.id, req.query.unit, req.actor?.permissions.has("data:import") ? "curator" : "public"),
  );
  app.post(
    "/api/applicants/:id/merge",
    {
      config: curate,
      schema: {
        tags,
        summary: "合并申请人实体 Merge this entity into another",
        params: Id,
        body: MergeApplicantBody,
        response: { 200: EntityActionResult, ...errors },
      },
    },
    async (req) => admin.merge(contextOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/applicants/:id/split",
    {
      config: curate,
      schema: {
        tags,
        summary: "拆分申请人写法 Move spellings out into a new entity",
        params: Id,
        body: SplitApplicantBody,
        response: { 200: EntityActionResult, ...errors },
      },
    },
    async (req) => admin.split(contextOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/applicants/:id/keep-apart",
    {
      config: curate,
      schema: {
        tags,
        summary: "保持分开（拒绝合并建议）Keep two entities apart (reject a merge suggestion)",
        params: Id,
        body: KeepApartBody,
        response: { 200: EntityActionResult, ...errors },
      },
    },
    async (req) => admin.keepApart(contextOf(req), req.params.id, req.body),
  );
  app.put(
    "/api/applicants/:id/name",
    {
      config: curate,
      schema: {
        tags,
        summary: "修改申请人显示名称 Rename (kept over the automatic name)",
        params: Id,
        body: RenameApplicantBody,
        response: { 200: EntityActionResult, ...errors },
      },
    },
    async (req) => admin.rename(contextOf(req), req.params.id, req.body),
  );
}
