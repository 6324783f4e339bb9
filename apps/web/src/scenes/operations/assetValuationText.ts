import type { AssetValuationReport } from "@zhichan/shared";
import type { TFunction } from "i18next";
import { valuationExplanation, valuationInput, valuationNote } from "./valuationText";

type Line = AssetValuationReport["lines"][number];
const A = "services.assetValuation.";

/**
 * The declared-asset valuation's lines in the UI language (packages/core cases/asset-valuation.ts writes them in
 * Chinese): status and term are rebuilt from the type's term rule, the judgements share the patent wording.
 */
export function assetInput(l: Line, t: TFunction): string {
  if (l.indicator === "legal_status") return t(`${A}statuses.${l.input}`, { defaultValue: l.input });
  if (l.indicator === "remaining_term" && l.input === "lapsed") return t(`${A}statuses.lapsed`);
  if (l.indicator === "remaining_term" && l.input === "no fixed term") return t(`${A}inputs.noFixedTerm`);
  // the start date is the owner's to declare, so a missing one is "not declared", not "not in the record"
  if (l.indicator === "remaining_term" && l.input === "unknown") return t("services.valuation.inputs.notDeclared");
  return valuationInput(l, t);
}

export function assetExplanation(l: Line, type: string, t: TFunction): string {
  if (l.indicator === "legal_status")
    return t(
      `${A}explanations.${l.score === 100 ? "statusRegistered" : l.score === 40 ? "statusPending" : "statusLapsed"}`,
    );
  if (l.indicator === "remaining_term") return termExplanation(l, type, t);
  if (l.indicator === "recognition")
    return t(`services.valuation.explanations.${l.score === null ? "applicantToDeclare" : "declaredByApplicant"}`);
  return valuationExplanation(l, t);
}

function termExplanation(l: Line, type: string, t: TFunction): string {
  const rule = t(`${A}explanations.rules.${type}`);
  const sep = t("common.sentenceSep");
  if (l.input === "lapsed") return t(`${A}explanations.lapsedTerm`) + sep + rule;
  if (l.input === "no fixed term") return rule;
  const term = /^([\d.]+) \/ (\d+)/.exec(l.input);
  if (!term) return t(`${A}explanations.sinceUnknown`) + sep + rule;
  const left = term[1];
  // a trademark's term renews every ten years, so the years left are those of the current term
  const which = type === "trademark" ? (Number(left) < 1 ? "renewalNear" : "renewable") : "proportional";
  return rule + sep + t(`${A}explanations.${which}`, { left });
}

export function assetNote(note: string, t: TFunction): string | null {
  if (note.startsWith("平台没有该类权利")) return t(`${A}declaredNote`);
  return valuationNote(note, t);
}
