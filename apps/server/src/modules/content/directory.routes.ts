import { DirectoryKind, DirectoryPage, ErrorBody, ListingInput, ListingRow, OkResponse } from "@zhichan/shared";
import { z } from "zod";
import { contextOf } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { DirectoryService } from "./directory.service.js";

const tags = ["directory"];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const KindParams = z.object({ kind: DirectoryKind });

/** The public directories (drawn from the registry) and the officials' choice of what each entry publishes. */
export function directoryRoutes(app: ZodApp, directory: DirectoryService): void {
  app.get(
    "/api/directory/:kind",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "公开名录 Public directory",
        params: KindParams,
        response: { 200: DirectoryPage, ...errors },
      },
    },
    async (req) => directory.publicList(req.params.kind),
  );
  app.get(
    "/api/directory/manage/:kind",
    {
      config: { access: { permission: "registry:write" } },
      schema: {
        tags,
        summary: "名录公开设置 What each entry publishes",
        params: KindParams,
        response: { 200: z.object({ items: z.array(ListingRow) }), ...errors },
      },
    },
    async (req) => ({ items: directory.manageList(contextOf(req), req.params.kind) }),
  );
  app.put(
    "/api/directory/manage/:entity/:id",
    {
      config: { access: { permission: "registry:write" } },
      schema: {
        tags,
        summary: "设置公开 Publish an entry and choose its fields",
        params: z.object({
          entity: z.enum(["org", "person"]),
          id: z.coerce
            .number()
            .int()
            .positive()
            .max(2 ** 31),
        }),
        body: ListingInput,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (req) => {
      directory.setListing(contextOf(req), req.params.entity, req.params.id, req.body);
      return { ok: true as const };
    },
  );
}
