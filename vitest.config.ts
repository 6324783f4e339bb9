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
    // expect.poll waits for the UI or a background job; 1 s (vitest's default) is too short when CI shares two cores
    // with Chromium and the server. A poll that succeeds returns at once; only a real failure waits this long.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 300_000,
    pool: "forks",
    reporters: ["default"],
  },
});
