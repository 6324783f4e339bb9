import { AppError } from "@zhichan/core";
import type { FastifyRequest } from "fastify";
import type { Actor } from "../modules/accounts/accounts.policy.js";
import type { RequestInfo } from "../modules/accounts/auth.service.js";
import "./auth-types.js";

/**
 * The caller as services see it. Route handlers pass it on explicitly, so a service can check district scope
 * (actor.district; see inDistrictScope in core) without knowing about HTTP.
 */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError("UNAUTHENTICATED", "请先登录 · please sign in");
  return req.actor;
}

export function requestInfo(req: FastifyRequest): RequestInfo {
  const agent = req.headers["user-agent"];
  return { ip: req.ip ?? null, userAgent: typeof agent === "string" && agent ? agent.slice(0, 256) : null };
}

/** What a service needs to know about the caller: who, from where, and for officials the district scope. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  /** null = city-wide (or not an official); check records with inDistrictScope from core. */
  district: string | null;
}

export function contextOf(req: FastifyRequest): RequestContext {
  return { actor: req.actor, ip: req.ip ?? null, district: req.actor?.district ?? null };
}
