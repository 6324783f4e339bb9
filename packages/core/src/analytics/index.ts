export * from "./columns.js";
export * from "./report.js";
export * from "./summary.js";
export { STAGE_NAMES } from "./trends.js";
export * from "./types.js";
