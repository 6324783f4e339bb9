import type { CaseTypeDef } from "../definition.js";
import { DOCS, IMAGES_OR_PDF, L, NOTIFY_DEFAULTS, REVIEW_STATES, reviewTransitions } from "./common.js";

/** 交易挂牌: a transfer, licence or auction listing, reviewed then published in the public marketplace. */
export const ipListing: CaseTypeDef = {
  key: "ip_listing",
  area: "operations",
  label: L("知识产权交易挂牌", "IP listing (transfer / licence / auction)"),
  openedBy: ["enterprise", "agency"],
  initial: "submitted",
  states: [
    ...REVIEW_STATES,
    { key: "published", label: L("已发布", "published"), waitingOn: "applicant" },
    { key: "traded", label: L("已成交", "traded"), terminal: true },
    { key: "delisted", label: L("已下架", "delisted"), terminal: true },
  ],
  transitions: [
    {
      key: "publish",
      label: L("审核通过并发布", "approve and publish"),
      from: ["submitted"],
      to: "published",
      by: ["official"],
    },
    {
      key: "mark_traded",
      label: L("登记成交", "record the deal"),
      from: ["published"],
      to: "traded",
      by: ["applicant", "official"],
    },
    { key: "delist", label: L("下架", "delist"), from: ["published"], to: "delisted", by: ["applicant", "official"] },
    ...reviewTransitions(),
  ],
  attachments: [{ kind: "ownership_proof", label: L("权属证明", "proof of ownership"), types: IMAGES_OR_PDF }],
  notifications: [...NOTIFY_DEFAULTS, { on: "publish", to: ["applicant"] }],
};

/** 询价与报价: an enquiry or offer on a published listing, between the enquirer and the listing's owner. */
export const listingEnquiry: CaseTypeDef = {
  key: "listing_enquiry",
  area: "operations",
  label: L("挂牌询价与报价", "Enquiry or offer on a listing"),
  openedBy: ["enterprise", "agency"],
  initial: "open",
  states: [
    {
      key: "open",
      label: L("待挂牌方答复", "awaiting the owner's reply"),
      deadlineWorkingDays: 5,
      waitingOn: "counterparty",
    },
    { key: "answered", label: L("挂牌方已答复", "answered"), deadlineWorkingDays: 10, waitingOn: "applicant" },
    { key: "agreed", label: L("达成意向", "agreed"), terminal: true },
    { key: "declined", label: L("挂牌方谢绝", "declined"), terminal: true },
    { key: "withdrawn", label: L("已撤回", "withdrawn"), terminal: true },
  ],
  transitions: [
    {
      key: "reply",
      label: L("答复", "reply"),
      from: ["open"],
      to: "answered",
      by: ["counterparty"],
      requiresComment: true,
    },
    {
      key: "follow_up",
      label: L("继续询价/还价", "follow up or counter-offer"),
      from: ["answered"],
      to: "open",
      by: ["applicant"],
      requiresComment: true,
    },
    {
      key: "accept",
      label: L("接受报价", "accept the offer"),
      from: ["open", "answered"],
      to: "agreed",
      by: ["counterparty"],
    },
    {
      key: "decline",
      label: L("谢绝", "decline"),
      from: ["open", "answered"],
      to: "declined",
      by: ["counterparty"],
      requiresComment: true,
    },
    { key: "withdraw", label: L("撤回", "withdraw"), from: ["open", "answered"], to: "withdrawn", by: ["applicant"] },
  ],
  attachments: [],
  notifications: [
    { on: "reply", to: ["applicant"] },
    { on: "follow_up", to: ["counterparty"] },
    { on: "accept", to: ["applicant"] },
    { on: "decline", to: ["applicant"] },
    { on: "withdraw", to: ["counterparty"] },
    { on: "overdue", to: ["counterparty"] },
  ],
};

/** 质押融资: the bank's loan against pledged IP; registration (with amount and date) feeds the plan's target. */
export const pledgeFinancing: CaseTypeDef = {
  key: "pledge_financing",
  area: "operations",
  label: L("知识产权质押融资", "IP pledge financing"),
  openedBy: ["enterprise"],
  initial: "submitted",
  states: [
    ...REVIEW_STATES,
    { key: "registered", label: L("已办理质押登记", "pledge registered"), waitingOn: "applicant" },
    { key: "released", label: L("已解除质押", "pledge released"), terminal: true },
  ],
  transitions: [
    {
      key: "register",
      label: L("登记质押", "register the pledge"),
      from: ["submitted"],
      to: "registered",
      by: ["official"],
      input: "pledge_registration",
    },
    {
      key: "release",
      label: L("解除质押", "release the pledge"),
      from: ["registered"],
      to: "released",
      by: ["official"],
    },
    ...reviewTransitions(),
  ],
  attachments: [
    { kind: "loan_contract", label: L("借款合同", "loan contract"), types: DOCS, requiredBefore: "register" },
  ],
  notifications: [...NOTIFY_DEFAULTS, { on: "register", to: ["applicant"] }],
};

export const OPERATIONS_TYPES = [ipListing, listingEnquiry, pledgeFinancing] as const;
