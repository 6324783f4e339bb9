import { ErrorBody } from "@zhichan/shared";
import { IpcBrowseRequest, IpcBrowseResponse, IpcFindRequest, IpcFindResponse } from "@zhichan/shared/search-assist.ts";
import type { ZodApp } from "../../http/zod-app.js";
import type { IpcBrowseService } from "./ipc-browse.service.js";

const errors = { 400: ErrorBody, 404: ErrorBody, 500: ErrorBody };

export function ipcBrowseRoutes(app: ZodApp, svc: IpcBrowseService): void {
  app.get(
    "/api/search/ipc-tree",
    {
      config: { access: "public" },
      schema: {
        tags: ["search"],
        summary:
          "IPC 分类导航 One level of the IPC tree (sections without parent, down to main groups) with the hits of " +
          "the query q under each code (q empty: every patent)",
        querystring: IpcBrowseRequest,
        response: { 200: IpcBrowseResponse, ...errors },
      },
    },
    async (req) => svc.browse(req.query.parent, req.query),
  );

  app.get(
    "/api/search/ipc-tree/find",
    {
      config: { access: "public" },
      schema: {
        tags: ["search"],
        summary: "按名称查找 IPC IPC codes (to main groups) whose Chinese title holds every word, with hits under q",
        querystring: IpcFindRequest,
        response: { 200: IpcFindResponse, ...errors },
      },
    },
    async (req) => svc.find(req.query.words, req.query),
  );
}
