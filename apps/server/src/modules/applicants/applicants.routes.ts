import { ApplicantProfile, ErrorBody } from "@zhichan/shared";
import { z } from "zod";
import type { ZodApp } from "../../http/zod-app.js";
import type { ApplicantsService } from "./applicants.service.js";

export function applicantRoutes(app: ZodApp, svc: ApplicantsService): void {
  app.get(
    "/api/applicants/:id",
    {
      config: { access: "public" },
      schema: {
        tags: ["applicants"],
        summary: "申请人画像 Applicant portfolio statistics",
        params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }),
        response: { 200: ApplicantProfile, 404: ErrorBody, 400: ErrorBody },
      },
    },
    async (req) => svc.profile(req.params.id),
  );
}
