import type { WorkCalendar } from "@zhichan/core/cases/index.ts";
import type { Db } from "../../db/connection.js";
import type { Clock } from "../accounts/clock.js";
import type { DataCipher } from "../accounts/data-cipher.js";
import { RateLimiter } from "../accounts/rate-limiter.js";
import type { AuditService } from "../audit/audit.service.js";
import type { MailService } from "../mail/mail.service.js";
import { AppointmentsService } from "./appointments.service.js";
import { ConsultationsService, type RoutingSources } from "./consultations.service.js";
import { type ClosedCaseLookup, RatingsService } from "./ratings.service.js";

export interface ServiceDeskServices {
  consultations: ConsultationsService;
  appointments: AppointmentsService;
  ratings: RatingsService;
}

/** Consultation, appointments and 好差评 (modules/service-desk); e-mail goes through the mail module's outbox. */
export function createServiceDesk(
  db: Db,
  d: {
    clock: Clock;
    calendar: WorkCalendar;
    cipher: DataCipher;
    audit: AuditService;
    mail: MailService;
    routing: RoutingSources;
    displayName(userId: number): string | null;
    closedCase: ClosedCaseLookup;
  },
): ServiceDeskServices {
  // its own counter: questions per hour, apart from the per-minute request limits of the API
  const limiter = new RateLimiter(() => d.clock.now());
  const consultations = new ConsultationsService({ db, ...d, limiter });
  const appointments = new AppointmentsService({
    db,
    clock: d.clock,
    audit: d.audit,
    mail: d.mail,
    displayName: d.displayName,
  });
  return {
    consultations,
    appointments,
    ratings: new RatingsService(db, d.clock, consultations, appointments, d.closedCase),
  };
}
