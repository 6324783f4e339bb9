import { AppError } from "@zhichan/core";
import type { TrainingEnrolment, TrainingEvent, TrainingEventCreate } from "@zhichan/shared";
import type { z } from "zod";
import type { Db } from "../../db/connection.js";
import type { Actor } from "../accounts/accounts.policy.js";
import type { RequestInfo } from "../accounts/auth.service.js";
import type { Clock } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import type { CaseRecordsService } from "../cases/case-records.service.js";
import {
  enrolmentsOf,
  enrolmentsOfUser,
  insertEnrolment,
  insertTrainingEvent,
  setAttendance,
  type TrainingEventRow,
  trainingEvent,
  trainingEvents,
} from "./training.repository.js";

/** Training events: the office publishes them, enterprises and agencies enrol, the office records attendance. */
export class TrainingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    /** Who is filing: the enrolling user's organisation, as the case engine knows it. */
    private readonly cases: CaseRecordsService,
  ) {}

  list(actor: Actor | null): TrainingEvent[] {
    const mine = new Map(actor ? enrolmentsOfUser(this.db, actor.userId).map((e) => [e.event_id, e]) : []);
    return trainingEvents(this.db).map((e) => this.present(e, mine.get(e.id)));
  }

  create(actor: Actor, r: z.output<typeof TrainingEventCreate>, info: RequestInfo): TrainingEvent {
    const id = this.db.sqlite.transaction(() => {
      const eventId = insertTrainingEvent(this.db, {
        title: r.title,
        starts_on: r.startsOn,
        location: r.location,
        capacity: r.capacity,
        description: r.description ?? null,
        created_by: actor.userId,
        created_at: this.clock.now(),
      });
      this.audit.record({
        actorId: actor.userId,
        actorName: actor.username,
        ip: info.ip,
        action: "training.create",
        target: `training:${eventId}`,
      });
      return eventId;
    })();
    return this.present(this.load(id), undefined);
  }

  /** Enrols the caller; full events and second enrolments are refused. */
  enrol(actor: Actor, eventId: number, info: RequestInfo): TrainingEvent {
    this.db.sqlite.transaction(() => {
      const e = this.load(eventId);
      if (e.enrolled >= e.capacity) throw new AppError("CONFLICT", "名额已满 · the event is full");
      const org = this.cases.orgsOfUser(actor.userId)[0];
      const ok = insertEnrolment(this.db, {
        event_id: eventId,
        user_id: actor.userId,
        name: actor.displayName,
        org_name: org?.name ?? null,
        enrolled_at: this.clock.now(),
      });
      if (!ok) throw new AppError("CONFLICT", "已报名 · already enrolled");
      this.audit.record({
        actorId: actor.userId,
        actorName: actor.username,
        ip: info.ip,
        action: "training.enrol",
        target: `training:${eventId}`,
      });
    })();
    return this.list(actor).find((e) => e.id === eventId) as TrainingEvent;
  }

  enrolments(eventId: number): TrainingEnrolment[] {
    this.load(eventId);
    return enrolmentsOf(this.db, eventId).map((e) => ({
      userId: e.user_id,
      name: e.name,
      orgName: e.org_name,
      enrolledAt: e.enrolled_at,
      attended: e.attended === null ? null : e.attended === 1,
    }));
  }

  recordAttendance(
    actor: Actor,
    eventId: number,
    userId: number,
    attended: boolean,
    info: RequestInfo,
  ): TrainingEnrolment[] {
    this.db.sqlite.transaction(() => {
      this.load(eventId);
      if (!setAttendance(this.db, eventId, userId, attended))
        throw new AppError("NOT_FOUND", "该用户未报名 · that user is not enrolled");
      this.audit.record({
        actorId: actor.userId,
        actorName: actor.username,
        ip: info.ip,
        action: "training.attendance",
        target: `training:${eventId}`,
        details: { userId, attended },
      });
    })();
    return this.enrolments(eventId);
  }

  private load(id: number): TrainingEventRow {
    const e = trainingEvent(this.db, id);
    if (!e) throw new AppError("NOT_FOUND", `没有培训活动 ${id} · no training event ${id}`);
    return e;
  }

  private present(
    e: TrainingEventRow,
    mine: { enrolled_at: number; attended: number | null } | undefined,
  ): TrainingEvent {
    return {
      id: e.id,
      title: e.title,
      startsOn: e.starts_on,
      location: e.location,
      capacity: e.capacity,
      description: e.description,
      enrolled: e.enrolled,
      attended: e.attended,
      mine: mine
        ? { enrolledAt: mine.enrolled_at, attended: mine.attended === null ? null : mine.attended === 1 }
        : null,
    };
  }
}
