import type { CaseTypeDef } from "../definition.js";
import { IMAGES_OR_PDF, L, NOTIFY_DEFAULTS, REVIEW_STATES, reviewTransitions } from "./common.js";

/** 人才奖励: the four reward categories of the plan; eligibility is checked on submission and shown to the office. */
export const talentReward: CaseTypeDef = {
  key: "talent_reward",
  area: "talent",
  label: L("知识产权人才奖励申请", "Talent reward application"),
  openedBy: ["enterprise", "agency"],
  // the rewards go to people (attorneys, engineers): one may apply for oneself, not only through an employer
  personalApplicant: true,
  initial: "submitted",
  states: [...REVIEW_STATES, { key: "approved", label: L("准予奖励", "reward granted"), terminal: true }],
  transitions: [
    { key: "approve", label: L("准予奖励", "grant"), from: ["submitted"], to: "approved", by: ["official"] },
    ...reviewTransitions(),
  ],
  attachments: [
    { kind: "certificate", label: L("资格证书", "certificate"), types: IMAGES_OR_PDF, requiredBefore: "approve" },
  ],
  notifications: [...NOTIFY_DEFAULTS, { on: "approve", to: ["applicant"] }],
};

export const TALENT_TYPES = [talentReward] as const;
