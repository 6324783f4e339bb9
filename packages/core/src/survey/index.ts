export * from "./suppression.js";
export * from "./survey.js";
