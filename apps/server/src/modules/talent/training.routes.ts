import {
  ErrorBody,
  TrainingAttendanceRequest,
  TrainingEnrolment,
  TrainingEvent,
  TrainingEventCreate,
} from "@zhichan/shared";
import { z } from "zod";
import { actorOf, requestInfo } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { TrainingService } from "./training.service.js";

const tags = ["talent"];
const Id = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function trainingRoutes(app: ZodApp, training: TrainingService): void {
  app.get(
    "/api/training/events",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "培训活动 Training events",
        response: { 200: z.object({ items: z.array(TrainingEvent) }) },
      },
    },
    async (req) => ({ items: training.list(req.actor) }),
  );

  app.post(
    "/api/training/events",
    {
      config: { access: { permission: "case:decide" } },
      schema: {
        tags,
        summary: "发布培训 Publish a training event",
        body: TrainingEventCreate,
        response: { 200: TrainingEvent, ...errors },
      },
    },
    async (req) => training.create(actorOf(req), req.body, requestInfo(req)),
  );

  app.post(
    "/api/training/events/:id/enrol",
    {
      config: { access: { permission: "case:apply" } },
      schema: { tags, summary: "报名 Enrol", params: Id, response: { 200: TrainingEvent, ...errors } },
    },
    async (req) => training.enrol(actorOf(req), req.params.id, requestInfo(req)),
  );

  app.get(
    "/api/training/events/:id/enrolments",
    {
      config: { access: { permission: "case:read" } },
      schema: {
        tags,
        summary: "报名名单 Enrolments",
        params: Id,
        response: { 200: z.object({ items: z.array(TrainingEnrolment) }), ...errors },
      },
    },
    async (req) => ({ items: training.enrolments(req.params.id) }),
  );

  app.post(
    "/api/training/events/:id/attendance",
    {
      config: { access: { permission: "case:decide" } },
      schema: {
        tags,
        summary: "签到 Record attendance",
        params: Id,
        body: TrainingAttendanceRequest,
        response: { 200: z.object({ items: z.array(TrainingEnrolment) }), ...errors },
      },
    },
    async (req) => ({
      items: training.recordAttendance(
        actorOf(req),
        req.params.id,
        req.body.userId,
        req.body.attended,
        requestInfo(req),
      ),
    }),
  );
}
