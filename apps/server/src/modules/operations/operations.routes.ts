import {
  AssetValuationQuery,
  AssetValuationReport,
  ErrorBody,
  MarketplaceItem,
  MarketplacePage,
  MarketplaceQuery,
  PledgeTotal,
  PledgeTotalQuery,
  ValuationQuery,
  ValuationReport,
} from "@zhichan/shared";
import { z } from "zod";
import type { ZodApp } from "../../http/zod-app.js";
import type { OperationsService } from "./operations.service.js";

const tags = ["operations"];

export function operationsRoutes(app: ZodApp, ops: OperationsService): void {
  app.get(
    "/api/marketplace",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "交易大厅 Published listings",
        querystring: MarketplaceQuery,
        response: { 200: MarketplacePage, 400: ErrorBody },
      },
    },
    async (req) => ops.marketplace(req.query),
  );

  app.get(
    "/api/marketplace/:id",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "挂牌详情 One published listing",
        params: z.object({
          id: z.coerce
            .number()
            .int()
            .positive()
            .max(2 ** 31),
        }),
        response: { 200: MarketplaceItem, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => ops.listing(req.params.id),
  );

  app.get(
    "/api/pledges/total",
    {
      config: { access: { permission: "dashboard:read" } },
      schema: {
        tags,
        summary: "质押融资登记金额 Registered pledge financing",
        querystring: PledgeTotalQuery,
        response: { 200: PledgeTotal, 400: ErrorBody },
      },
    },
    async (req) => ops.pledgeTotal(req.query),
  );

  app.get(
    "/api/valuations/assets",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "其他知识产权价值评估（申报数据）Declared-input valuation of a trademark, copyright, GI or IC layout",
        querystring: AssetValuationQuery,
        response: { 200: AssetValuationReport, 400: ErrorBody },
      },
    },
    async (req) => ops.assetValuation(req.query),
  );

  app.get(
    "/api/valuations/patents/:id",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "专利价值评估 Patent value indicators (GB/T 42748-2023)",
        params: z.object({ id: z.string().trim().min(1).max(40) }),
        querystring: ValuationQuery,
        response: { 200: ValuationReport, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      const { purpose, ...declared } = req.query;
      return ops.valuation(req.params.id, purpose, declared);
    },
  );
}
