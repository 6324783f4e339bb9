export * from "./brand-approval.js";
export * from "./credit-grade.js";
export * from "./zones.js";
