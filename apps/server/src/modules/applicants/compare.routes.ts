import { CompareRequest, CompareResponse, ErrorBody } from "@zhichan/shared";
import type { ZodApp } from "../../http/zod-app.js";
import type { ApplicantCompareService } from "./compare.service.js";

/** Applicant comparison over public patent data: public like the applicant profile. */
export function compareRoutes(app: ZodApp, svc: ApplicantCompareService): void {
  app.get(
    "/api/applicants/compare",
    {
      config: { access: "public" },
      schema: {
        tags: ["applicants"],
        summary:
          "申请人对比 Two to five applicant entities side by side (ids=1,2,…): filings per year, IPC, legal status, " +
          "regions, inventors, co-applicants, citations; counted in inventions unless unit=publication",
        querystring: CompareRequest,
        response: { 200: CompareResponse, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => svc.compare(req.query.ids, req.query.unit),
  );
}
