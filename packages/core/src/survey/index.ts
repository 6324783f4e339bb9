export * from "./survey.js";
