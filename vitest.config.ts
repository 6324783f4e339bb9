import { defineConfig } from "vitest/config";

// One runner for unit, property, service, HTTP and browser-journey tests.
export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "apps/*/src/**/*.test.{ts,tsx}",
      "bench/src/**/*.test.ts",
      "e2e/**/*.e2e.test.ts",
    ],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: "forks",
    reporters: ["default"],
  },
});
