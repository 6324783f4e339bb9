import { ErrorBody, ExpertCreateRequest, ExpertDrawRequest, ExpertDrawResult, ExpertInfo } from "@zhichan/shared";
import { z } from "zod";
import { actorOf, requestInfo } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { TalentService } from "./talent.service.js";

const tags = ["talent"];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export function talentRoutes(app: ZodApp, talent: TalentService): void {
  app.get(
    "/api/experts",
    {
      config: { access: { permission: "case:read" } },
      schema: {
        tags,
        summary: "专家库 Experts",
        response: { 200: z.object({ items: z.array(ExpertInfo) }), ...errors },
      },
    },
    async () => ({ items: talent.listExperts() }),
  );

  app.post(
    "/api/experts",
    {
      config: { access: { permission: "case:decide" } },
      schema: {
        tags,
        summary: "添加专家 Add an expert",
        body: ExpertCreateRequest,
        response: { 200: ExpertInfo, ...errors },
      },
    },
    async (req) => talent.addExpert(actorOf(req), req.body, requestInfo(req)),
  );

  app.post(
    "/api/experts/draw",
    {
      config: { access: { permission: "case:decide" } },
      schema: {
        tags,
        summary: "随机抽取专家 Random draw excluding conflicts (audited)",
        body: ExpertDrawRequest,
        response: { 200: ExpertDrawResult, ...errors },
      },
    },
    async (req) => talent.draw(actorOf(req), req.body, requestInfo(req)),
  );
}
