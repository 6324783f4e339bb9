export * from "./agency-city.js";
export * from "./bursts.js";
export * from "./minhash.js";
