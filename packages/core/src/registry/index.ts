export * from "./credit-grade.js";
export * from "./zones.js";
