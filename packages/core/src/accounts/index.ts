export * from "./checksums.js";
export * from "./masking.js";
export * from "./password-policy.js";
export * from "./roles.js";
