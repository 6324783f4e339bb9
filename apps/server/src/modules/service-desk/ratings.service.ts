import { AppError } from "@zhichan/core";
import type { RateRequest, ServiceQuality } from "@zhichan/shared";
import type { z } from "zod";
import type { Db } from "../../db/connection.js";
import type { Actor } from "../accounts/accounts.policy.js";
import type { Clock } from "../accounts/clock.js";
import type { AppointmentsService } from "./appointments.service.js";
import type { ConsultationsService } from "./consultations.service.js";
import { averagesByService, averagesByWindow, badRatings, insertRating, ratingOf } from "./ratings.repository.js";

/** A closed case the caller applied for, as the case engine sees it (null: not theirs or no such case). */
export type ClosedCaseLookup = (
  actor: Actor,
  caseId: number,
) => { type: string; district: string | null; closed: boolean } | null;

/**
 * 好差评: one rating (1–5 and a comment) per answered consultation, attended appointment and closed case, by the
 * person served; officials read averages per service and per window and the bad ratings (1–2) in their district.
 */
export class RatingsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly consultations: ConsultationsService,
    private readonly appointments: AppointmentsService,
    private readonly closedCase: ClosedCaseLookup,
  ) {}

  rate(actor: Actor | null, req: z.output<typeof RateRequest>): { score: number; comment: string | null } {
    let serviceKey: string;
    let windowId: number | null = null;
    let district: string | null = null;
    let userId: number | null = actor?.userId ?? null;
    if (req.subject === "consultation") {
      const c = this.consultations.forRating(actor, req.id, req.token);
      serviceKey = `consultation:${c.topic}`;
      district = c.district_code;
      userId = c.asker_user_id;
    } else if (req.subject === "appointment") {
      const a = this.appointments.forRating(actor, req.id);
      serviceKey = "appointment";
      windowId = a.window.id;
      district = a.window.district_code;
    } else {
      if (!actor) throw new AppError("UNAUTHENTICATED", "请先登录 · please sign in");
      const c = this.closedCase(actor, req.id);
      if (!c) throw new AppError("NOT_FOUND", "没有这个案件 · no such case");
      if (!c.closed) throw new AppError("CONFLICT", "办结后才能评价 · you can rate a case once it is closed");
      serviceKey = `case:${c.type}`;
      district = c.district;
    }
    const comment = req.comment?.length ? req.comment : null;
    const ok = insertRating(this.db, {
      subject_kind: req.subject,
      subject_id: req.id,
      user_id: userId,
      score: req.score,
      comment,
      service_key: serviceKey,
      window_id: windowId,
      district_code: district,
      created_at: this.clock.now(),
    });
    if (!ok) throw new AppError("CONFLICT", "已经评价过了 · this has already been rated");
    return { score: req.score, comment };
  }

  /** The case page's 好差评 box: only the case's applicant gets an answer (anyone else: 404, as for the case). */
  caseRating(
    actor: Actor,
    caseId: number,
  ): { closed: boolean; rating: { score: number; comment: string | null } | null } {
    const c = this.closedCase(actor, caseId);
    if (!c) throw new AppError("NOT_FOUND", "没有这个案件 · no such case");
    return { closed: c.closed, rating: ratingOf(this.db, "case", caseId) };
  }

  quality(actor: Actor): z.infer<typeof ServiceQuality> {
    const scope = actor.district;
    return {
      byService: averagesByService(this.db, scope),
      byWindow: averagesByWindow(this.db, scope),
      bad: badRatings(this.db, scope).map((b) => ({ ...b, at: new Date(b.at).toISOString() })),
    };
  }
}
