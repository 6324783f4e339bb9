import type { MailService } from "../mail/mail.service.js";
import type { ConsultRow } from "./consultations.repository.js";

const TOPIC_NAMES: Record<string, { zh: string; en: string }> = {
  patent: { zh: "专利", en: "patents" },
  trademark: { zh: "商标", en: "trademarks" },
  copyright: { zh: "版权", en: "copyright" },
  protection: { zh: "维权保护", en: "rights protection" },
  operations: { zh: "运营", en: "IP operations" },
  talent: { zh: "人才", en: "talent" },
  other: { zh: "其他", en: "other" },
};

/**
 * Who is told when a question is escalated: the officials who supervise its routing — every holder of the answering
 * permission whose district scope covers the question's district. City-wide officials supervise every routing (the
 * city office, each district's workstation, the agencies); a district's officials supervise questions naming their
 * district (its office work and its workstation). A question naming no district goes to the city-wide officials only.
 * The routed workstation's or agency's members are not told again: the deadline they missed was their reminder.
 */
export type SupervisorLookup = (district: string | null) => number[];

/**
 * E-mails each supervisor once per question (the outbox's dedupe key holds even if a sweep runs twice); the in-app
 * notice is the escalated question itself, which the bell lists while it stays open (consultations.service.ts).
 */
export function mailEscalation(mail: MailService, supervisors: SupervisorLookup, row: ConsultRow): number {
  const short = row.question.length > 60 ? `${row.question.slice(0, 60)}…` : row.question;
  const topic = TOPIC_NAMES[row.topic] ?? TOPIC_NAMES.other!;
  const due = new Date(row.due_at + 8 * 3_600_000).toISOString().slice(0, 10); // the date in Beijing time
  const to = row.routed_name ?? null;
  let queued = 0;
  for (const userId of supervisors(row.district_code)) {
    const id = mail.enqueueForUser(userId, {
      kind: "consultation",
      subject: { zh: "咨询逾期未答复，已升级督办", en: "A question is overdue and has been escalated" },
      text: {
        zh: `咨询“${short}”（${topic.zh}，受理方：${to ?? "市知识产权局"}）应于 ${due} 前答复，至今未答复，已升级督办。请督促答复或直接答复。`,
        en: `The question "${short}" (${topic.en}, routed to ${to ?? "the city IP office"}) was due by ${due} and is still unanswered; it has been escalated. Please see that it is answered, or answer it yourself.`,
      },
      link: `/consult/queue?status=overdue`,
      dedupeKey: `consultation-escalated:${row.id}:${userId}`,
    });
    if (id !== null) queued++;
  }
  return queued;
}
