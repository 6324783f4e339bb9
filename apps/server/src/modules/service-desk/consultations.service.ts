import crypto from "node:crypto";
import { AppError } from "@zhichan/core";
import { inDistrictScope } from "@zhichan/core/accounts/index.ts";
import type { WorkCalendar } from "@zhichan/core/cases/index.ts";
import type { AskQuestionRequest, Consultation, ConsultQueue, District } from "@zhichan/shared";
import type { z } from "zod";
import type { Db } from "../../db/connection.js";
import type { Actor } from "../accounts/accounts.policy.js";
import type { Clock } from "../accounts/clock.js";
import type { DataCipher } from "../accounts/data-cipher.js";
import type { RateLimiter } from "../accounts/rate-limiter.js";
import type { AuditService } from "../audit/audit.service.js";
import type { MailService } from "../mail/mail.service.js";
import { maskEmail } from "../mail/mail-address.js";
import { mailEscalation, type SupervisorLookup } from "./consultation-escalation.js";
import {
  answerQueue,
  type ConsultRow,
  consultationById,
  consultationByTokenHash,
  consultationsOfAsker,
  escalatedOpen,
  insertConsultation,
  markEscalated,
  markOverdue,
  overdueNotEscalated,
  type QueueStatus,
  saveAnswer,
} from "./consultations.repository.js";
import { ratingOf } from "./ratings.repository.js";

/** Working days to answer a question, and after the deadline until it is escalated. */
export const ANSWER_WORKING_DAYS = 5;
export const ESCALATE_AFTER_WORKING_DAYS = 2;
/** Questions per hour from one address without an account (captcha-free, so counted), and per signed-in person. */
export const PUBLIC_ASKS_PER_HOUR = 5;
export const USER_ASKS_PER_HOUR = 20;
/** Officials who decide cases also answer questions (within their district scope). */
export const ANSWER_PERMISSION = "case:decide";

export interface RoutingSources {
  /** The registry's active workstations (rights protection questions go to the asker's district's one). */
  workstations(): { id: number; name: string; districtCode: string | null }[];
  /** An active agency from the registry, with its credit code (its members answer). */
  agency(id: number): { id: number; name: string; code: string | null; districtCode: string | null } | null;
  /** The credit code of a registry organisation (workstation or agency). */
  orgCode(id: number): string | null;
  /** The registry organisation with this credit code (its id), if any. */
  orgIdByCode(code: string): number | null;
  /** Active holders of the answering permission whose district scope covers this district (consultation-escalation.ts). */
  officialsCovering: SupervisorLookup;
  /** Credit codes of the account organisations the person is an accepted member of. */
  memberCodes(userId: number): string[];
  /** The city's county-level districts (the accounts module's list), the only districts a question may name. */
  districts(): District[];
}

export interface ConsultDeps {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  cipher: DataCipher;
  mail: MailService;
  audit: AuditService;
  limiter: RateLimiter;
  routing: RoutingSources;
}

const hash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/**
 * 咨询: questions from the public or signed-in users, routed by topic and district, answered within working days
 * and escalated when late; the asker is told by e-mail (their account's, or the contact they left) when answered.
 * Only the asker and those who may answer can read a question; everyone else gets 404.
 */
export class ConsultationsService {
  constructor(private readonly d: ConsultDeps) {}

  ask(
    actor: Actor | null,
    req: z.output<typeof AskQuestionRequest>,
    ip: string | null,
  ): { consultation: Consultation; token: string } {
    const now = this.d.clock.now();
    const key = actor ? `consult:user:${actor.userId}` : `consult:ip:${ip ?? "?"}`;
    const wait = this.d.limiter.hit(key, actor ? USER_ASKS_PER_HOUR : PUBLIC_ASKS_PER_HOUR, 3_600_000);
    if (wait)
      throw new AppError(
        "RATE_LIMITED",
        `提问过于频繁，请 ${Math.ceil(wait / 60)} 分钟后再试 · too many questions: retry later`,
      );
    const name = req.name ?? actor?.displayName;
    if (!name || (!actor && !req.email && !req.phone))
      throw new AppError("BAD_REQUEST", "请留下姓名和邮箱或手机号，以便答复 · leave your name and an e-mail or phone", {
        field: (req.name ?? actor) ? "email" : "name",
      });
    if (req.district && !this.d.routing.districts().some((x) => x.code === req.district))
      throw new AppError("BAD_REQUEST", "请从郑州市的区县中选择 · choose one of Zhengzhou's districts", {
        field: "district",
      });
    const route = this.route(req);
    const token = crypto.randomBytes(24).toString("base64url");
    const contact = req.email ?? req.phone ?? null;
    const id = insertConsultation(this.d.db, {
      token_hash: hash(token),
      token_enc: this.d.cipher.encrypt(token),
      asker_user_id: actor?.userId ?? null,
      asker_name: name,
      contact_kind: req.email ? "email" : req.phone ? "phone" : null,
      contact_enc: contact ? this.d.cipher.encrypt(contact) : null,
      contact_mask: req.email
        ? maskEmail(req.email)
        : req.phone
          ? `${req.phone.slice(0, 3)}****${req.phone.slice(7)}`
          : null,
      language: req.language,
      topic: req.topic,
      district_code: req.district ?? null,
      question: req.question,
      routed_kind: route.kind,
      routed_org_id: route.orgId,
      routed_name: route.name,
      status: "open",
      due_at: this.d.calendar.deadline(now, ANSWER_WORKING_DAYS),
      created_at: now,
    });
    return { consultation: this.view(consultationById(this.d.db, id)!), token };
  }

  /**
   * The bell's in-app notice of escalations: the open escalated questions the caller supervises (the same officials
   * the escalation e-mail goes to, consultation-escalation.ts), newest escalation first; each question once, and it
   * leaves the bell when answered.
   */
  escalatedNotices(actor: Actor, limit = 20): { id: number; question: string; at: number }[] {
    if (!actor.permissions.has(ANSWER_PERMISSION)) return [];
    return escalatedOpen(this.d.db, actor.district, limit).map((r) => ({
      id: r.id,
      question: r.question,
      at: r.escalated_at!,
    }));
  }

  /** The districts a question may name, for the form (public: anyone may ask). */
  districts(): { districts: District[] } {
    return { districts: this.d.routing.districts() };
  }

  /** The asker's own questions. */
  mine(actor: Actor): Consultation[] {
    return consultationsOfAsker(this.d.db, actor.userId).map((r) => this.view(r));
  }

  /** Questions the caller may answer, one page at a time: officials in district scope, routed orgs' members. */
  queue(actor: Actor, q: { status?: QueueStatus; page: number; pageSize: number }): ConsultQueue {
    const orgIds = this.d.routing
      .memberCodes(actor.userId)
      .map((c) => this.d.routing.orgIdByCode(c))
      .filter((id): id is number => id !== null);
    const scope = { official: actor.permissions.has(ANSWER_PERMISSION), district: actor.district, orgIds };
    const { rows, total } = answerQueue(this.d.db, scope, q.status, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: rows.map((r) => this.view(r)), total, page: q.page, pageSize: q.pageSize };
  }

  get(actor: Actor, id: number): Consultation {
    return this.view(this.readable(actor, id));
  }

  byToken(token: string): Consultation {
    const row = consultationByTokenHash(this.d.db, hash(token));
    if (!row) throw new AppError("NOT_FOUND", "没有这个咨询 · no such question");
    return this.view(row);
  }

  /** The row for a rating: answered, and the caller is its asker (by account or private link). */
  forRating(actor: Actor | null, id: number, token?: string): ConsultRow {
    const row = consultationById(this.d.db, id);
    const mine = row && ((actor && row.asker_user_id === actor.userId) || (token && row.token_hash === hash(token)));
    if (!row || !mine) throw new AppError("NOT_FOUND", "没有这个咨询 · no such question");
    if (row.status !== "answered")
      throw new AppError("CONFLICT", "答复后才能评价 · you can rate a question once it is answered");
    return row;
  }

  answer(actor: Actor, id: number, text: string, ip: string | null): Consultation {
    const row = this.readable(actor, id);
    if (!this.mayAnswer(actor, row, new Set(this.d.routing.memberCodes(actor.userId))))
      throw new AppError(
        "FORBIDDEN",
        "只有受理方可以答复 · only the office or organisation it was routed to may answer",
      );
    const now = this.d.clock.now();
    if (!saveAnswer(this.d.db, id, { answer: text, by: actor.userId, byName: actor.displayName, at: now }))
      throw new AppError("CONFLICT", "该咨询已答复 · this question has already been answered");
    this.d.audit.record({
      action: "consultation.answer",
      outcome: "success",
      actorId: actor.userId,
      actorName: actor.username,
      target: `consultation:${id}`,
      ip,
    });
    const done = consultationById(this.d.db, id)!;
    this.notifyAnswered(done, text);
    return this.view(done);
  }

  /** Flags late questions overdue, and escalates them two working days later (main.ts, every 10 minutes). */
  sweepDeadlines(): { overdue: number; escalated: number } {
    const now = this.d.clock.now();
    const overdue = markOverdue(this.d.db, now);
    let escalated = 0;
    for (const r of overdueNotEscalated(this.d.db)) {
      if (now < this.d.calendar.deadline(r.due_at - 1, ESCALATE_AFTER_WORKING_DAYS)) continue;
      if (!markEscalated(this.d.db, r.id, now)) continue; // another sweep got there first: it tells the supervisors
      escalated++;
      this.d.audit.record({ action: "consultation.escalate", outcome: "success", target: `consultation:${r.id}` });
      mailEscalation(this.d.mail, this.d.routing.officialsCovering, r);
    }
    return { overdue, escalated };
  }

  private notifyAnswered(row: ConsultRow, text: string): void {
    const short = row.question.length > 40 ? `${row.question.slice(0, 40)}…` : row.question;
    const m = {
      kind: "consultation" as const,
      subject: { zh: "您的咨询已答复", en: "Your question has been answered" },
      text: {
        zh: `您的咨询“${short}”已由${row.answered_by_name ?? "受理方"}答复：\n\n${text}\n\n欢迎在平台上对本次答复作出评价。`,
        en: `Your question "${short}" was answered by ${row.answered_by_name ?? "the office"}:\n\n${text}\n\nPlease rate the answer on the platform.`,
      },
    };
    if (row.asker_user_id !== null)
      this.d.mail.enqueueForUser(row.asker_user_id, { ...m, link: `/consult?q=${row.id}` });
    else if (row.contact_kind === "email" && row.contact_enc) {
      const link = `/consult/q/${this.d.cipher.decrypt(row.token_enc)}`;
      this.d.mail.enqueueToAddress(this.d.cipher.decrypt(row.contact_enc), row.language as "zh" | "en", { ...m, link });
    }
  }

  private route(req: z.output<typeof AskQuestionRequest>): {
    kind: "office" | "workstation" | "agency";
    orgId: number | null;
    name: string | null;
  } {
    if (req.agencyId !== undefined) {
      const a = this.d.routing.agency(req.agencyId);
      if (!a) throw new AppError("BAD_REQUEST", "没有这家服务机构 · no such service agency", { field: "agencyId" });
      return { kind: "agency", orgId: a.id, name: a.name };
    }
    if (req.topic === "protection" && req.district) {
      const w = this.d.routing.workstations().find((x) => x.districtCode === req.district);
      if (w) return { kind: "workstation", orgId: w.id, name: w.name };
    }
    return { kind: "office", orgId: null, name: null };
  }

  private mayAnswer(actor: Actor, r: ConsultRow, codes: Set<string>): boolean {
    if (actor.permissions.has(ANSWER_PERMISSION) && inDistrictScope(actor.district, r.district_code)) return true;
    if (r.routed_org_id === null) return false;
    const code = this.d.routing.orgCode(r.routed_org_id);
    return code !== null && codes.has(code);
  }

  /** The asker, or someone who may answer it; anyone else is told it does not exist. */
  private readable(actor: Actor, id: number): ConsultRow {
    const row = consultationById(this.d.db, id);
    if (
      !row ||
      (row.asker_user_id !== actor.userId &&
        !this.mayAnswer(actor, row, new Set(this.d.routing.memberCodes(actor.userId))))
    )
      throw new AppError("NOT_FOUND", "没有这个咨询 · no such question");
    return row;
  }

  private view(r: ConsultRow): Consultation {
    return {
      id: r.id,
      topic: r.topic as Consultation["topic"],
      district: r.district_code,
      question: r.question,
      askerName: r.asker_name,
      contact: r.contact_mask,
      routedTo: { kind: r.routed_kind as "office", name: r.routed_name },
      status: r.status as "open",
      dueAt: iso(r.due_at)!,
      overdue: r.overdue_at !== null,
      escalated: r.escalated_at !== null,
      answer: r.answer,
      answeredBy: r.answered_by_name,
      answeredAt: iso(r.answered_at),
      createdAt: iso(r.created_at)!,
      rating: ratingOf(this.d.db, "consultation", r.id),
    };
  }
}
