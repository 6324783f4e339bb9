import type { AuditEntry } from "@zhichan/shared";
import type { AuditRow } from "./audit.repository.js";

export function toAuditEntry(r: AuditRow): AuditEntry {
  let details: Record<string, unknown> | null = null;
  if (r.details_json) {
    try {
      details = JSON.parse(r.details_json) as Record<string, unknown>;
    } catch {
      details = { raw: r.details_json };
    }
  }
  return {
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    target: r.target,
    outcome: r.outcome as AuditEntry["outcome"],
    ip: r.ip,
    details,
    hash: r.hash,
  };
}

const CSV_HEADER = ["seq", "time", "actor_id", "actor", "action", "target", "outcome", "ip", "details", "hash"];

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  // A leading = + - @ would be read as a formula by spreadsheet programs; prefix it with a quote.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsvHeader(): string {
  return `\uFEFF${CSV_HEADER.join(",")}\r\n`;
}

export function auditCsvLine(r: AuditRow): string {
  return `${[r.seq, new Date(r.at).toISOString(), r.actor_id, r.actor_name, r.action, r.target, r.outcome, r.ip, r.details_json, r.hash].map(csvCell).join(",")}\r\n`;
}
