import type { ValuationReport } from "@zhichan/shared";
import type { TFunction } from "i18next";
import { localMessage } from "../../i18n/apiErrors";

type Line = ValuationReport["lines"][number];

/**
 * The valuation's lines in the UI language. The server (packages/core cases/valuation.ts) words its inputs in codes
 * ("valid", "not declared", "invention_grant") and its explanations in Chinese; both are rebuilt here from the
 * indicator, its input and its score, with the catalogue's sentences (services.valuation.*).
 */
export function valuationInput(l: Line, t: TFunction): string {
  const v = l.input;
  if (v === "unknown") return t("services.valuation.inputs.unknown");
  if (v === "not declared") return t("services.valuation.inputs.notDeclared");
  if (v === "none") return t("services.valuation.inputs.none");
  if (l.indicator === "legal_status") return t(`statuses.${v}`, { defaultValue: v });
  if (l.indicator === "patent_type") return t(`types.${v}`, { defaultValue: v });
  const term = /^([\d.]+) \/ (\d+)/.exec(v);
  if (l.indicator === "remaining_term" && term)
    return t("services.valuation.inputs.years", { left: term[1], term: term[2] });
  return v;
}

const E = "services.valuation.explanations.";

export function valuationExplanation(l: Line, t: TFunction): string {
  const assessed = l.score !== null;
  switch (l.indicator) {
    case "legal_status":
      return t(E + (l.score === 100 ? "statusValid" : l.score === 40 ? "statusPending" : "statusLapsed"));
    case "remaining_term": {
      const term = /^([\d.]+) \/ (\d+)/.exec(l.input);
      return assessed && term ? t(`${E}term`, { left: term[1], term: term[2] }) : t(`${E}termUnknown`);
    }
    case "claims":
      return t(E + (assessed ? "claims" : "claimsUnknown"));
    case "patent_type":
      return t(E + (assessed ? "type" : "typeUnknown"));
    case "forward_citations":
      return t(E + (assessed ? "citations" : "citationsUnknown"));
    case "ipc_breadth":
      return assessed ? t(`${E}ipc`, { n: l.input.split(/\s+/).length }) : t(`${E}ipcUnknown`);
    case "substitutability":
      return t(E + (assessed ? "declaredByAssessor" : "assessorToDeclare"));
    case "market_size":
    case "industrialisation":
      return t(E + (assessed ? "declaredByApplicant" : "applicantToDeclare"));
    case "policy_fit":
      return t(E + (l.input === "none" ? "policyNone" : "policyFit"));
    default:
      return localMessage(l.explanation) ?? "—";
  }
}

/** The report's notes: the three the valuation writes, by their opening words; anything else as the server has it. */
export function valuationNote(note: string, t: TFunction): string | null {
  if (note.startsWith("指标体系")) return t("services.valuation.notes.standard");
  if (note.startsWith("得分为")) return t("services.valuation.notes.notMoney");
  if (note.startsWith("部分维度")) return t("services.valuation.notes.redistributed");
  return localMessage(note);
}
