import {
  AnswerRequest,
  AskQuestionRequest,
  AskQuestionResponse,
  CaseRatingStatus,
  Consultation,
  ConsultQueue,
  ConsultQueueQuery,
  DistrictList,
  ErrorBody,
  RateRequest,
  Rating,
  ServiceQuality,
  TokenParams,
} from "@zhichan/shared";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { actorOf } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { ServiceDeskServices } from "./service-desk.module.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const tags = ["service-desk"];
const IdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
/** On a public route: the caller if fully signed in, else nobody (a half-signed-in session asks as the public). */
const signedIn = (req: FastifyRequest) => (req.actor?.stage === "ok" ? req.actor : null);

/** 咨询 and 好差评 (ratings of consultations, appointments and closed cases; the service-quality page). */
export function consultationRoutes(app: ZodApp, s: ServiceDeskServices): void {
  app.post(
    "/api/consultations",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "提出咨询 Ask a question (public: name and contact; limited per hour)",
        body: AskQuestionRequest,
        response: { 200: AskQuestionResponse, ...errors },
      },
    },
    async (req) => s.consultations.ask(signedIn(req), req.body, req.ip ?? null),
  );

  app.get(
    "/api/consultations/districts",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "可选区县 The districts a question may name (Zhengzhou's county-level divisions; public)",
        response: { 200: DistrictList, ...errors },
      },
    },
    async () => s.consultations.districts(),
  );

  app.get(
    "/api/consultations/by-token/:token",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "凭链接查看咨询 A question by the asker's private link",
        params: TokenParams,
        response: { 200: Consultation, ...errors },
      },
    },
    async (req) => s.consultations.byToken(req.params.token),
  );

  app.get(
    "/api/consultations/mine",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "我的咨询 My questions", response: { 200: z.array(Consultation), ...errors } },
    },
    async (req) => s.consultations.mine(actorOf(req)),
  );

  app.get(
    "/api/consultations/queue",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "待答复的咨询 Questions I may answer (officials in scope, the routed workstation or agency)",
        querystring: ConsultQueueQuery,
        response: { 200: ConsultQueue, ...errors },
      },
    },
    async (req) => s.consultations.queue(actorOf(req), req.query),
  );

  app.get(
    "/api/consultations/:id",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "咨询详情 A question", params: IdParams, response: { 200: Consultation, ...errors } },
    },
    async (req) => s.consultations.get(actorOf(req), req.params.id),
  );

  app.post(
    "/api/consultations/:id/answer",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "答复咨询 Answer a question",
        params: IdParams,
        body: AnswerRequest,
        response: { 200: Consultation, ...errors },
      },
    },
    async (req) => s.consultations.answer(actorOf(req), req.params.id, req.body.answer, req.ip ?? null),
  );

  app.post(
    "/api/ratings",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "好差评 Rate a consultation, appointment or closed case (1–5)",
        body: RateRequest,
        response: { 200: Rating, ...errors },
      },
    },
    async (req) => s.ratings.rate(signedIn(req), req.body),
  );

  app.get(
    "/api/ratings/case/:id",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "案件评价状态 Whether the caller's case is closed and its rating, for the case page",
        params: IdParams,
        response: { 200: CaseRatingStatus, ...errors },
      },
    },
    async (req) => s.ratings.caseRating(actorOf(req), req.params.id),
  );

  app.get(
    "/api/service-quality",
    {
      config: { access: { permission: "supervision:read" } },
      schema: {
        tags,
        summary: "服务质量 Averages per service and window, bad ratings (district scope)",
        response: { 200: ServiceQuality, ...errors },
      },
    },
    async (req) => s.ratings.quality(actorOf(req)),
  );
}
