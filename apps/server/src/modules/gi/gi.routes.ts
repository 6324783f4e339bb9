import { ErrorBody, GiList, GiListQuery, GiMap, GiProduct, GiProductInput } from "@zhichan/shared";
import { z } from "zod";
import { contextOf } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { GiService } from "./gi.service.js";

const tags = ["gi"];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const IdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});
const write = { access: { permission: "registry:write" as const } };

/** The GI register: read by everyone, entered and changed by officials with registry:write (audited). */
export function giRoutes(app: ZodApp, gi: GiService): void {
  app.get(
    "/api/gi",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "地理标志名录 GI register",
        querystring: GiListQuery,
        response: { 200: GiList, ...errors },
      },
    },
    async (req) => gi.list(req.query),
  );
  app.get(
    "/api/gi/map",
    {
      config: { access: "public" },
      schema: { tags, summary: "地理标志分布 GI counts by city and district", response: { 200: GiMap, ...errors } },
    },
    async () => gi.map(),
  );
  app.get(
    "/api/gi/:id",
    {
      config: { access: "public" },
      schema: { tags, summary: "地理标志详情 One GI entry", params: IdParams, response: { 200: GiProduct, ...errors } },
    },
    async (req) => gi.get(req.params.id),
  );
  app.post(
    "/api/gi",
    {
      config: write,
      schema: {
        tags,
        summary: "登记地理标志 Add a GI entry",
        body: GiProductInput,
        response: { 200: GiProduct, ...errors },
      },
    },
    async (req) => gi.create(contextOf(req), req.body),
  );
  app.put(
    "/api/gi/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "修改地理标志 Change a GI entry",
        params: IdParams,
        body: GiProductInput,
        response: { 200: GiProduct, ...errors },
      },
    },
    async (req) => gi.update(contextOf(req), req.params.id, req.body),
  );
}
