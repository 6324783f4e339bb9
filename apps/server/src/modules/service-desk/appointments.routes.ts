import {
  Appointment,
  BookRequest,
  CreateSlotsRequest,
  CreateWindowRequest,
  ErrorBody,
  ServiceWindow,
  Slot,
  SlotsQuery,
} from "@zhichan/shared";
import { z } from "zod";
import { actorOf } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { AppointmentsService } from "./appointments.service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ["service-desk"];
const IdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

/** 预约: windows and slots (public to read), bookings (signed in), the officials' side (case permissions). */
export function appointmentRoutes(app: ZodApp, s: AppointmentsService): void {
  app.get(
    "/api/service-windows",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "服务窗口和工作站 Bookable windows",
        response: { 200: z.array(ServiceWindow), ...errors },
      },
    },
    async () => s.windows(),
  );

  app.post(
    "/api/service-windows",
    {
      config: { access: { permission: "case:decide" } },
      schema: {
        tags,
        summary: "设立服务窗口 Open a window (officials, own district)",
        body: CreateWindowRequest,
        response: { 200: ServiceWindow, ...errors },
      },
    },
    async (req) => s.createWindow(actorOf(req), req.body, req.ip ?? null),
  );

  app.get(
    "/api/service-windows/:id/slots",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "可预约时段 A window's slots with places left",
        params: IdParams,
        querystring: SlotsQuery,
        response: { 200: z.array(Slot), ...errors },
      },
    },
    async (req) => s.slots(req.params.id, req.query.from, req.query.days),
  );

  app.post(
    "/api/service-windows/:id/slots",
    {
      config: { access: { permission: "case:decide" } },
      schema: {
        tags,
        summary: "开放预约时段 Open slots on a day (officials, own district)",
        params: IdParams,
        body: CreateSlotsRequest,
        response: { 200: z.array(Slot), ...errors },
      },
    },
    async (req) => s.createSlots(actorOf(req), req.params.id, req.body, req.ip ?? null),
  );

  app.get(
    "/api/service-windows/:id/appointments",
    {
      config: { access: { permission: "case:read" } },
      schema: {
        tags,
        summary: "某日预约名单 A window's bookings on a day (officials, own district)",
        params: IdParams,
        querystring: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
        response: { 200: z.array(Appointment), ...errors },
      },
    },
    async (req) => s.bookings(actorOf(req), req.params.id, req.query.date),
  );

  app.post(
    "/api/appointments",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "预约 Book a slot", body: BookRequest, response: { 200: Appointment, ...errors } },
    },
    async (req) => s.book(actorOf(req), req.body.slotId, req.body.purpose),
  );

  app.get(
    "/api/appointments/mine",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "我的预约 My appointments", response: { 200: z.array(Appointment), ...errors } },
    },
    async (req) => s.mine(actorOf(req)),
  );

  app.post(
    "/api/appointments/:id/cancel",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "取消预约 Cancel", params: IdParams, response: { 200: Appointment, ...errors } },
    },
    async (req) => s.cancel(actorOf(req), req.params.id),
  );
}
