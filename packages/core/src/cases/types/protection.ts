import type { CaseTypeDef } from "../definition.js";
import { DOCS, IMAGES_OR_PDF, L, NOTIFY_DEFAULTS, REVIEW_STATES, reviewTransitions } from "./common.js";

/** 保护中心企业备案: an enterprise registers with the protection centre to use its fast channels. */
export const protectionRegistration: CaseTypeDef = {
  key: "protection_registration",
  area: "protection",
  label: L("保护中心企业备案", "Protection-centre registration"),
  openedBy: ["enterprise"],
  initial: "submitted",
  states: [...REVIEW_STATES, { key: "registered", label: L("已备案", "registered"), terminal: true }],
  transitions: [
    { key: "approve", label: L("准予备案", "register"), from: ["submitted"], to: "registered", by: ["official"] },
    ...reviewTransitions(),
  ],
  attachments: [
    {
      kind: "business_licence",
      label: L("营业执照", "business licence"),
      types: IMAGES_OR_PDF,
      requiredBefore: "approve",
    },
  ],
  notifications: [...NOTIFY_DEFAULTS, { on: "approve", to: ["applicant"] }],
};

/** 专利快速预审: a registered enterprise's application is pre-examined before filing with CNIPA. */
export const preExamination: CaseTypeDef = {
  key: "pre_examination",
  area: "protection",
  label: L("专利快速预审", "Patent pre-examination"),
  openedBy: ["enterprise", "agency"],
  initial: "submitted",
  states: [
    ...REVIEW_STATES,
    { key: "examining", label: L("预审中", "under pre-examination"), deadlineWorkingDays: 15, waitingOn: "official" },
    { key: "passed", label: L("预审合格", "passed"), terminal: true },
    { key: "not_passed", label: L("预审不合格", "not passed"), terminal: true },
  ],
  transitions: [
    { key: "accept", label: L("受理", "accept"), from: ["submitted"], to: "examining", by: ["official"] },
    { key: "pass", label: L("预审合格", "pass"), from: ["examining"], to: "passed", by: ["official"] },
    {
      key: "fail",
      label: L("预审不合格", "fail"),
      from: ["examining"],
      to: "not_passed",
      by: ["official"],
      requiresComment: true,
    },
    ...reviewTransitions(),
  ],
  attachments: [
    {
      kind: "application_documents",
      label: L("申请文件", "application documents"),
      types: DOCS,
      requiredBefore: "accept",
    },
  ],
  notifications: [...NOTIFY_DEFAULTS, { on: "pass", to: ["applicant"] }, { on: "fail", to: ["applicant"] }],
};

/** 维权援助: routed on arrival to the nearest workstation; the office accepts, helps, concludes. */
export const rightsAssistance: CaseTypeDef = {
  key: "rights_assistance",
  area: "protection",
  label: L("维权援助申请", "Rights-protection assistance"),
  openedBy: ["enterprise", "agency"],
  initial: "submitted",
  states: [
    ...REVIEW_STATES,
    { key: "assisting", label: L("援助中", "assisting"), deadlineWorkingDays: 30, waitingOn: "official" },
    { key: "concluded", label: L("援助结束", "concluded"), terminal: true },
  ],
  transitions: [
    { key: "accept", label: L("受理援助", "accept"), from: ["submitted"], to: "assisting", by: ["official"] },
    {
      key: "conclude",
      label: L("援助结束", "conclude"),
      from: ["assisting"],
      to: "concluded",
      by: ["official"],
      requiresComment: true,
    },
    ...reviewTransitions(),
  ],
  attachments: [{ kind: "evidence", label: L("证据材料", "evidence"), types: DOCS }],
  notifications: [...NOTIFY_DEFAULTS, { on: "accept", to: ["applicant"] }, { on: "conclude", to: ["applicant"] }],
};

/** 侵权投诉: a complaint the office investigates (a technical investigator may be assigned) and decides. */
export const infringementComplaint: CaseTypeDef = {
  key: "infringement_complaint",
  area: "protection",
  label: L("侵权投诉", "Infringement complaint"),
  openedBy: ["enterprise", "agency"],
  initial: "submitted",
  assigneeRole: "investigator",
  states: [
    ...REVIEW_STATES,
    { key: "investigating", label: L("调查中", "investigating"), deadlineWorkingDays: 20, waitingOn: "official" },
    { key: "upheld", label: L("投诉成立", "upheld"), terminal: true },
    { key: "dismissed", label: L("投诉不成立", "dismissed"), terminal: true },
  ],
  transitions: [
    {
      key: "accept",
      label: L("立案调查", "open investigation"),
      from: ["submitted"],
      to: "investigating",
      by: ["official"],
    },
    {
      key: "uphold",
      label: L("认定侵权", "uphold"),
      from: ["investigating"],
      to: "upheld",
      by: ["official"],
      requiresComment: true,
    },
    {
      key: "dismiss",
      label: L("不予认定", "dismiss"),
      from: ["investigating"],
      to: "dismissed",
      by: ["official"],
      requiresComment: true,
    },
    ...reviewTransitions(),
  ],
  attachments: [
    {
      kind: "right_certificate",
      label: L("权利证书", "certificate of the right"),
      types: IMAGES_OR_PDF,
      requiredBefore: "accept",
    },
    { kind: "evidence", label: L("侵权证据", "evidence of infringement"), types: DOCS },
  ],
  notifications: [...NOTIFY_DEFAULTS, { on: "uphold", to: ["applicant"] }, { on: "dismiss", to: ["applicant"] }],
};

/** 纠纷调解: a mediator is assigned, holds sessions, records an agreement; parties may seek 司法确认. */
export const mediation: CaseTypeDef = {
  key: "mediation",
  area: "protection",
  label: L("知识产权纠纷调解", "Dispute mediation"),
  openedBy: ["enterprise", "agency"],
  initial: "submitted",
  assigneeRole: "mediator",
  states: [
    ...REVIEW_STATES,
    { key: "mediating", label: L("调解中", "mediating"), deadlineWorkingDays: 30, waitingOn: "assignee" },
    {
      key: "agreement",
      label: L("达成调解协议", "agreement reached"),
      deadlineWorkingDays: 30,
      waitingOn: "applicant",
    },
    {
      key: "court_confirmation",
      label: L("申请司法确认", "court confirmation requested"),
      deadlineWorkingDays: 15,
      waitingOn: "official",
    },
    { key: "confirmed", label: L("已司法确认", "confirmed by the court"), terminal: true },
    { key: "closed", label: L("调解结案", "closed with agreement"), terminal: true },
    { key: "failed", label: L("调解不成", "mediation failed"), terminal: true },
  ],
  transitions: [
    {
      key: "accept",
      label: L("受理并指派调解员", "accept (mediator assigned)"),
      from: ["submitted"],
      to: "mediating",
      by: ["official"],
      requiresAssignee: "mediator",
    },
    {
      key: "record_session",
      label: L("记录调解会", "record a session"),
      from: ["mediating"],
      to: "mediating",
      by: ["assignee"],
      requiresComment: true,
    },
    {
      key: "reach_agreement",
      label: L("达成协议", "record the agreement"),
      from: ["mediating"],
      to: "agreement",
      by: ["assignee"],
    },
    {
      key: "fail",
      label: L("调解不成", "mediation failed"),
      from: ["mediating"],
      to: "failed",
      by: ["assignee"],
      requiresComment: true,
    },
    {
      key: "request_confirmation",
      label: L("申请司法确认", "request court confirmation"),
      from: ["agreement"],
      to: "court_confirmation",
      by: ["applicant"],
    },
    { key: "close", label: L("结案", "close"), from: ["agreement"], to: "closed", by: ["applicant", "official"] },
    {
      key: "record_confirmation",
      label: L("登记司法确认", "record the court's confirmation"),
      from: ["court_confirmation"],
      to: "confirmed",
      by: ["official"],
    },
    ...reviewTransitions(),
  ],
  attachments: [
    {
      kind: "agreement",
      label: L("调解协议书", "mediation agreement"),
      types: DOCS,
      requiredBefore: "reach_agreement",
    },
    {
      kind: "court_ruling",
      label: L("司法确认裁定书", "court's confirmation ruling"),
      types: IMAGES_OR_PDF,
      requiredBefore: "record_confirmation",
    },
  ],
  notifications: [
    ...NOTIFY_DEFAULTS,
    { on: "accept", to: ["applicant", "assignee"] },
    { on: "reach_agreement", to: ["applicant", "official"] },
    { on: "fail", to: ["applicant", "official"] },
    { on: "record_confirmation", to: ["applicant"] },
  ],
};

/** 海外纠纷应对指导: an expert is assigned and gives guidance. */
export const overseasGuidance: CaseTypeDef = {
  key: "overseas_guidance",
  area: "protection",
  label: L("海外纠纷应对指导", "Overseas dispute guidance"),
  openedBy: ["enterprise"],
  initial: "submitted",
  assigneeRole: "expert",
  states: [
    ...REVIEW_STATES,
    { key: "guiding", label: L("指导中", "guidance in progress"), deadlineWorkingDays: 20, waitingOn: "assignee" },
    { key: "guided", label: L("指导完成", "guidance given"), terminal: true },
  ],
  transitions: [
    {
      key: "accept",
      label: L("受理并指派专家", "accept (expert assigned)"),
      from: ["submitted"],
      to: "guiding",
      by: ["official"],
      requiresAssignee: "expert",
    },
    {
      key: "complete",
      label: L("完成指导", "complete"),
      from: ["guiding"],
      to: "guided",
      by: ["assignee", "official"],
      requiresComment: true,
    },
    ...reviewTransitions(),
  ],
  attachments: [],
  notifications: [
    ...NOTIFY_DEFAULTS,
    { on: "accept", to: ["applicant", "assignee"] },
    { on: "complete", to: ["applicant"] },
  ],
};

/** 技术调查官指派: a technical investigator is assigned and files a report. */
export const investigatorAssignment: CaseTypeDef = {
  key: "investigator_assignment",
  area: "protection",
  label: L("技术调查官指派", "Technical investigator assignment"),
  openedBy: ["enterprise", "agency"],
  initial: "submitted",
  assigneeRole: "investigator",
  states: [
    ...REVIEW_STATES,
    { key: "investigating", label: L("技术调查中", "investigating"), deadlineWorkingDays: 20, waitingOn: "assignee" },
    { key: "reported", label: L("已提交调查报告", "report filed"), terminal: true },
  ],
  transitions: [
    {
      key: "assign",
      label: L("指派技术调查官", "assign"),
      from: ["submitted"],
      to: "investigating",
      by: ["official"],
      requiresAssignee: "investigator",
    },
    {
      key: "submit_report",
      label: L("提交调查报告", "file the report"),
      from: ["investigating"],
      to: "reported",
      by: ["assignee"],
    },
    ...reviewTransitions(),
  ],
  attachments: [
    {
      kind: "investigation_report",
      label: L("技术调查报告", "investigation report"),
      types: DOCS,
      requiredBefore: "submit_report",
    },
  ],
  notifications: [
    ...NOTIFY_DEFAULTS,
    { on: "assign", to: ["applicant", "assignee"] },
    { on: "submit_report", to: ["applicant", "official"] },
  ],
};

export const PROTECTION_TYPES = [
  protectionRegistration,
  preExamination,
  rightsAssistance,
  infringementComplaint,
  mediation,
  overseasGuidance,
  investigatorAssignment,
] as const;
