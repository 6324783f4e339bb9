import { inDistrictScope } from "@zhichan/core/accounts/index.ts";
import { type DeadlineInfo, deadlineOf, type WorkCalendar } from "@zhichan/core/cases/index.ts";
import type { CaseList, CaseQueueQuery } from "@zhichan/shared";
import type { z } from "zod";
import type { Db } from "../../db/connection.js";
import type { Actor } from "../accounts/accounts.policy.js";
import type { Clock } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import type { CaseNotifier } from "./case-notifier.js";
import type { CaseRegistry } from "./case-registry.js";
import { toCaseSummary } from "./cases.presenter.js";
import { type CaseFilter, type CaseRow, findCases, flagDeadline, insertEvent } from "./cases.repository.js";
import type { AcceptedOrgs } from "./org-membership.js";

type Query = z.output<typeof CaseQueueQuery>;

/** Lists of cases: the office's queues (with overdue counts), an applicant's own cases, an assignee's cases. */
export class CaseQueries {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly calendar: WorkCalendar,
    private readonly registry: CaseRegistry,
    private readonly audit: AuditService,
    private readonly notifier: CaseNotifier,
    private readonly acceptedOrgs: AcceptedOrgs,
  ) {}

  /** The office queue: every case in the official's district scope. */
  queue(actor: Actor, q: Query): CaseList {
    const district = actor.district ?? q.district ?? null;
    if (actor.district && q.district && !inDistrictScope(actor.district, q.district)) return this.page([], q);
    return this.page(findCases(this.db, { ...this.base(q), district: q.district ?? district }), q);
  }

  mine(actor: Actor, q: Query): CaseList {
    const orgIds = this.acceptedOrgs(actor.userId).map((o) => o.id);
    return this.page(findCases(this.db, { ...this.base(q), applicantUserId: actor.userId, orgIds }), q);
  }

  assigned(actor: Actor, q: Query): CaseList {
    return this.page(findCases(this.db, { ...this.base(q), assigneeUserId: actor.userId }), q);
  }

  /**
   * Flags cases past their deadline and escalates those past the escalation point, once each: a timeline event,
   * an audit row and (after commit) the notifications the type declares. Run on a timer and on demand.
   */
  sweepDeadlines(): { overdue: number; escalated: number } {
    const now = this.clock.now();
    let overdue = 0;
    let escalated = 0;
    for (const row of findCases(this.db, { states: this.clockedStates() })) {
      const def = this.registry.get(row.type);
      const d = deadlineOf(def, row.state, row.state_entered_at, now, this.calendar);
      const mark = (column: "overdue_flagged_at" | "escalated_at", kind: "overdue" | "escalated") => {
        this.db.sqlite.transaction(() => {
          flagDeadline(this.db, row.id, column, now);
          insertEvent(this.db, {
            case_id: row.id,
            at: now,
            kind,
            actor_id: null,
            actor_name: null,
            transition: null,
            from_state: row.state,
            to_state: row.state,
            body: null,
            details_json: JSON.stringify({ dueAt: d.dueAt, escalateAt: d.escalateAt }),
          });
          this.audit.record({
            action: `case.${kind}`,
            target: `case:${row.id}`,
            details: { state: row.state, dueAt: d.dueAt },
          });
        })();
        this.notifier.deadline(def, row, kind);
      };
      if ((d.status === "overdue" || d.status === "escalated") && row.overdue_flagged_at === null) {
        mark("overdue_flagged_at", "overdue");
        overdue++;
      }
      if (d.status === "escalated" && row.escalated_at === null) {
        mark("escalated_at", "escalated");
        escalated++;
      }
    }
    return { overdue, escalated };
  }

  private clockedStates(): string[] {
    return [
      ...new Set(
        this.registry
          .all()
          .flatMap((d) => d.states.filter((s) => s.deadlineWorkingDays !== undefined).map((s) => s.key)),
      ),
    ];
  }

  private base(q: Query): CaseFilter {
    const types = q.area
      ? this.registry
          .all()
          .filter((d) => d.area === q.area)
          .map((d) => d.key)
      : undefined;
    return { types: q.type ? [q.type] : types, state: q.state, q: q.q };
  }

  private page(rows: CaseRow[], q: Query): CaseList {
    const now = this.clock.now();
    const withDeadline = rows.map((row) => {
      const def = this.registry.get(row.type);
      return { row, def, d: deadlineOf(def, row.state, row.state_entered_at, now, this.calendar) };
    });
    const open = withDeadline.filter((x) => !x.def.states.find((s) => s.key === x.row.state)?.terminal);
    const is = (d: DeadlineInfo, ...s: DeadlineInfo["status"][]) => s.includes(d.status);
    const counts = {
      open: open.length,
      waitingOnOffice: open.filter((x) => x.def.states.find((s) => s.key === x.row.state)?.waitingOn === "official")
        .length,
      dueSoon: open.filter((x) => is(x.d, "due_soon")).length,
      overdue: open.filter((x) => is(x.d, "overdue", "escalated")).length,
      escalated: open.filter((x) => is(x.d, "escalated")).length,
    };
    const filtered =
      q.deadline === "open"
        ? open
        : q.deadline === "overdue"
          ? open.filter((x) => is(x.d, "overdue", "escalated"))
          : q.deadline
            ? open.filter((x) => x.d.status === q.deadline)
            : withDeadline;
    return {
      items: filtered.slice(q.offset, q.offset + q.limit).map((x) => toCaseSummary(x.row, x.def, x.d)),
      total: filtered.length,
      counts,
    };
  }
}
