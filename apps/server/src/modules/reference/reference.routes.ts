import { ErrorBody } from "@zhichan/shared";
import { z } from "zod";
import type { ZodApp } from "../../http/zod-app.js";
import { GEO_NAMES, type ReferenceService } from "./reference.service.js";

export function referenceRoutes(app: ZodApp, svc: ReferenceService): void {
  app.get(
    "/api/geo/:name",
    {
      config: { access: "public" },
      schema: {
        tags: ["reference"],
        summary: "地图边界 GeoJSON of Zhengzhou's districts or Henan's cities (display grade)",
        params: z.object({ name: z.enum(GEO_NAMES) }),
        response: { 200: z.record(z.string(), z.unknown()), 404: ErrorBody, 400: ErrorBody },
      },
    },
    async (req, reply) => {
      reply.header("Cache-Control", "public, max-age=86400");
      return svc.geoJson(req.params.name);
    },
  );

  app.get(
    "/api/ipc",
    {
      config: { access: "public" },
      schema: {
        tags: ["reference"],
        summary: "IPC 分类表的下一级 The children of an IPC code (sections without parent), down to main groups",
        querystring: z.object({
          parent: z
            .string()
            .trim()
            .regex(/^[A-Ha-h](\d\d[A-Za-z]?)?$/, "a section, class or subclass such as H, H01 or H01M")
            .optional(),
        }),
        response: {
          200: z.object({
            parent: z.string().nullable(),
            items: z.array(
              z.object({
                code: z.string(),
                level: z.enum(["section", "class", "subclass", "maingroup"]),
                titleZh: z.string(),
                hasChildren: z.boolean(),
              }),
            ),
          }),
          404: ErrorBody,
          400: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      reply.header("Cache-Control", "public, max-age=86400");
      return svc.ipcChildren(req.query.parent ?? null);
    },
  );

  app.get(
    "/api/ipc/:code",
    {
      config: { access: "public" },
      schema: {
        tags: ["reference"],
        summary: "IPC 分类号中文名 Chinese title of an IPC code",
        params: z.object({ code: z.string().trim().min(1).max(20) }),
        response: { 200: z.object({ code: z.string(), titleZh: z.string() }), 404: ErrorBody, 400: ErrorBody },
      },
    },
    async (req) => svc.ipcTitle(req.params.code),
  );
}
