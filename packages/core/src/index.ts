export * from "./errors.js";
export * from "./search/index.js";
