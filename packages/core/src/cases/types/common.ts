import type { Label, StateDef, TransitionDef } from "../definition.js";

export const L = (zh: string, en: string): Label => ({ zh, en });

/** The states every reviewed application shares: waiting on the office, returned for changes, and the endings. */
export const REVIEW_STATES: readonly StateDef[] = [
  { key: "submitted", label: L("已提交待审核", "submitted"), deadlineWorkingDays: 5, waitingOn: "official" },
  { key: "returned", label: L("退回补正", "returned for changes"), deadlineWorkingDays: 10, waitingOn: "applicant" },
  { key: "rejected", label: L("不予通过", "rejected"), terminal: true },
  { key: "withdrawn", label: L("已撤回", "withdrawn"), terminal: true },
];

/** Return → resubmit, reject, withdraw: the transitions around `submitted` every reviewed type has. */
export function reviewTransitions(from = ["submitted"]): TransitionDef[] {
  return [
    {
      key: "return",
      label: L("退回补正", "return for changes"),
      from,
      to: "returned",
      by: ["official"],
      requiresComment: true,
    },
    { key: "resubmit", label: L("重新提交", "resubmit"), from: ["returned"], to: "submitted", by: ["applicant"] },
    { key: "reject", label: L("不予通过", "reject"), from, to: "rejected", by: ["official"], requiresComment: true },
    {
      key: "withdraw",
      label: L("撤回申请", "withdraw"),
      from: [...from, "returned"],
      to: "withdrawn",
      by: ["applicant"],
    },
  ];
}

export const NOTIFY_DEFAULTS = [
  { on: "return", to: ["applicant"] },
  { on: "reject", to: ["applicant"] },
  { on: "resubmit", to: ["official"] },
  { on: "overdue", to: ["official"] },
  { on: "escalated", to: ["official"] },
] as const;

export const DOCS = ["pdf", "docx", "png", "jpeg"] as const;
export const IMAGES_OR_PDF = ["pdf", "png", "jpeg"] as const;
