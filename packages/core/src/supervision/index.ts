export * from "./bursts.js";
export * from "./minhash.js";
