export * from "./errors.js";
export * from "./patent.js";
export * from "./search.js";
export * from "./accounts.js";
